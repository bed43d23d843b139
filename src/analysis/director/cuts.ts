// Where the cuts go. Shots tile the narration from 0 to its end; every cut
// falls in a gap between words (never mid-word), just before the next word.
import type {Mood, Word} from '../../plan';

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

const cutBefore = (words: Word[], index: number): number => {
	const prevEnd = words[index - 1]?.endMs ?? 0;
	return Math.max(prevEnd, words[index].startMs - LEAD_MS);
};

/** Cuts inside one scene, at the word gaps nearest to equal divisions. */
const innerCuts = (scene: TimedScene, words: Word[], fromMs: number, toMs: number): number[] => {
	const count = Math.max(1, Math.round((toMs - fromMs) / targetShotMs(scene.mood.arousal)));
	const candidates: number[] = [];
	for (let i = scene.wordStart + 1; i < scene.wordEnd; i++) candidates.push(cutBefore(words, i));
	const cuts: number[] = [];
	for (let k = 1; k < count; k++) {
		const ideal = fromMs + ((toMs - fromMs) * k) / count;
		const best = candidates.reduce<number | null>((b, c) => (b === null || Math.abs(c - ideal) < Math.abs(b - ideal) ? c : b), null);
		const prev = cuts[cuts.length - 1] ?? fromMs;
		if (best !== null && best - prev >= MIN_SHOT_MS && toMs - best >= MIN_SHOT_MS) cuts.push(best);
	}
	return cuts;
};

export const planCuts = ({scenes, words, durationMs}: {scenes: TimedScene[]; words: Word[]; durationMs: number}): ShotSlot[] => {
	const starts = scenes.map((s, i) => (i === 0 ? 0 : cutBefore(words, s.wordStart)));
	const slots: ShotSlot[] = [];
	scenes.forEach((scene, i) => {
		const from = starts[i];
		const to = starts[i + 1] ?? durationMs;
		const last = slots[slots.length - 1];
		if (last && to - from < MIN_SHOT_MS) {
			last.endMs = to;
			return;
		}
		const bounds = [from, ...innerCuts(scene, words, from, to), to];
		for (let k = 0; k + 1 < bounds.length; k++) slots.push({sceneId: scene.id, startMs: bounds[k], endMs: bounds[k + 1]});
	});
	// A short first scene has nothing before it to join: fold the next shot into it.
	if (slots.length > 1 && slots[0].endMs - slots[0].startMs < MIN_SHOT_MS) {
		slots[1].startMs = 0;
		slots.shift();
	}
	return slots;
};
