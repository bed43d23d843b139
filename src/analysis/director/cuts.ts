// Where the cuts go. Shots tile the narration from 0 to its end; every cut
// falls in a gap between words (never mid-word), just before the next word.
// With the narration's pauses heard (pauses.ts), a cut moves into the pause
// inside its gap, and a shot inside a sentence prefers a gap the speaker
// breathes in (a comma, a clause) to one the words run through.
import type {Mood, Word} from '../../plan';
import type {Span} from '../audio/vad';

export type TimedScene = {id: number; paragraph: number; wordStart: number; wordEnd: number; mood: Mood};
export type ShotSlot = {sceneId: number; startMs: number; endMs: number};

/** Shots shorter than this read as flicker; a shorter scene joins the shot before it. */
export const MIN_SHOT_MS = 1000;
/** Shot length at arousal 0 and 1: calm text holds, intense text cuts fast. */
const CALM_SHOT_MS = 3800;
const INTENSE_SHOT_MS = 1400;
/** How long before the next word a cut lands when the gap allows it. */
const LEAD_MS = 120;

export const targetShotMs = (arousal: number): number => CALM_SHOT_MS + (INTENSE_SHOT_MS - CALM_SHOT_MS) * arousal;

/** Below this arousal a passage is calm: its shots hold (style.ts frames it wide). */
const CALM_AROUSAL = 0.4;
/**
 * The shortest shot a scene may have of its own. Calm text holds: a short calm
 * sentence after another calm one in its paragraph ("Nothing moves.") runs on
 * under the shot before rather than flash by in a second of its own.
 */
const minShotMs = (scene: TimedScene, prev: TimedScene | undefined): number =>
	prev && prev.paragraph === scene.paragraph && scene.mood.arousal < CALM_AROUSAL && prev.mood.arousal < CALM_AROUSAL
		? Math.max(MIN_SHOT_MS, targetShotMs(scene.mood.arousal) / 2)
		: MIN_SHOT_MS;

/** How far (ms) a heard pause may pull an inner cut from its ideal place, per ms of pause; at most a pause of PAUSE_PULL_CAP_MS counts. */
const PAUSE_PULL = 2;
const PAUSE_PULL_CAP_MS = 400;

type Gap = {cutMs: number; pauseMs: number};

/** The cut before word `index`: in the heard pause inside the word gap if there is one, else LEAD_MS before the word. */
const cutBefore = (words: Word[], index: number, pauses: Span[]): Gap => {
	const prevEnd = words[index - 1]?.endMs ?? 0;
	const nextStart = words[index].startMs;
	const plain = Math.max(prevEnd, nextStart - LEAD_MS);
	let best: Span | null = null;
	for (const p of pauses) {
		const lo = Math.max(prevEnd, p.startMs);
		const hi = Math.min(nextStart, p.endMs);
		if (hi > lo && (!best || hi - lo > best.endMs - best.startMs)) best = {startMs: lo, endMs: hi};
	}
	if (!best) return {cutMs: plain, pauseMs: 0};
	// Still just before the next word when the pause reaches it; never outside the silence.
	return {cutMs: Math.min(best.endMs, Math.max(best.startMs, plain)), pauseMs: best.endMs - best.startMs};
};

/** Cuts inside one scene, at the word gaps nearest to equal divisions (a heard pause counts as nearer). */
const innerCuts = (scene: TimedScene, words: Word[], fromMs: number, toMs: number, pauses: Span[]): number[] => {
	const count = Math.max(1, Math.round((toMs - fromMs) / targetShotMs(scene.mood.arousal)));
	const candidates: Gap[] = [];
	for (let i = scene.wordStart + 1; i < scene.wordEnd; i++) candidates.push(cutBefore(words, i, pauses));
	const distance = (g: Gap, ideal: number) => Math.abs(g.cutMs - ideal) - PAUSE_PULL * Math.min(g.pauseMs, PAUSE_PULL_CAP_MS);
	const cuts: number[] = [];
	for (let k = 1; k < count; k++) {
		const ideal = fromMs + ((toMs - fromMs) * k) / count;
		const best = candidates.reduce<Gap | null>((b, c) => (b === null || distance(c, ideal) < distance(b, ideal) ? c : b), null)?.cutMs ?? null;
		const prev = cuts[cuts.length - 1] ?? fromMs;
		if (best !== null && best - prev >= MIN_SHOT_MS && toMs - best >= MIN_SHOT_MS) cuts.push(best);
	}
	return cuts;
};

export const planCuts = ({scenes, words, durationMs, pauses = []}: {scenes: TimedScene[]; words: Word[]; durationMs: number; pauses?: Span[]}): ShotSlot[] => {
	const starts = scenes.map((s, i) => (i === 0 ? 0 : cutBefore(words, s.wordStart, pauses).cutMs));
	const slots: ShotSlot[] = [];
	scenes.forEach((scene, i) => {
		const from = starts[i];
		const to = starts[i + 1] ?? durationMs;
		const last = slots[slots.length - 1];
		if (last && to - from < minShotMs(scene, scenes[i - 1])) {
			last.endMs = to;
			return;
		}
		const bounds = [from, ...innerCuts(scene, words, from, to, pauses), to];
		for (let k = 0; k + 1 < bounds.length; k++) slots.push({sceneId: scene.id, startMs: bounds[k], endMs: bounds[k + 1]});
	});
	// A short first scene has nothing before it to join: fold the next shot into it.
	if (slots.length > 1 && slots[0].endMs - slots[0].startMs < MIN_SHOT_MS) {
		slots[1].startMs = 0;
		slots.shift();
	}
	return slots;
};
