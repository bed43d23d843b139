// Scores every clip for every shot and searches for the cut. A shot inside a
// long sentence is judged mostly by its own words ("…the rain keeps falling"
// wants rain, even if the sentence began with city lights), partly by the
// sentence. A shot nothing fits gets a generic clip for its mood or a title
// card (fallback.ts), said so in its reasons, instead of a wrong literal match.
import type {Framing, Word} from '../../plan';
import type {ShotSlot} from '../director/cuts';
import {FALLBACK_BELOW, fallbackWorth, MOOD_LABELS, MOOD_TEXT, moodCarries, titleCandidate, titleReason, type FallbackMode, type ShotScene} from './fallback';
import {lazyReasons, type Matcher} from './matchers';
import type {Scored} from './semantic';
import {searchVariants, TITLE_CARD_ID, type SlotOptions} from './search';
import {titleText} from '../concepts/key-phrase';

const OWN_WORDS_WEIGHT = 0.6;
/** Clips the search considers per shot. */
const CANDIDATES = 12;
const ALTERNATE_FRAMING: Record<Framing, Framing> = {wide: 'medium', medium: 'wide', close: 'medium'};
/** From this arousal the director frames close and cuts fast (style.ts): its cuts stand, no shot is held on. */
const HOLD_BELOW_AROUSAL = 0.65;

type Common = {framing: Framing; score: number; reasons: string[]};
/** `held`: the clip of the shot before runs on through this one; the plan shows them as one shot (holds.ts). */
export type Assignment = ({kind: 'clip'; clipId: string; held?: boolean} | {kind: 'title'; title: string}) & Common;
export type {ShotScene};
export {FALLBACK_BELOW};

const round = (x: number) => Math.round(x * 1000) / 1000;

const blend = (own: Scored[], whole: Scored[]): Scored[] =>
	own.map((o, i) =>
		lazyReasons({clipId: o.clipId, score: round(OWN_WORDS_WEIGHT * o.score + (1 - OWN_WORDS_WEIGHT) * whole[i].score)}, () => [...new Set([...o.reasons, ...whole[i].reasons])]),
	);

/** Indices of the `count` largest values, largest first; ties keep library order (a stable sort of all would do the same, slower). */
const topIndices = (values: number[], count: number): number[] => {
	const top: number[] = [];
	values.forEach((v, k) => {
		if (top.length === count && v <= values[top[top.length - 1]]) return;
		let at = top.length;
		while (at > 0 && values[top[at - 1]] < v) at--;
		top.splice(at, 0, k);
		if (top.length > count) top.pop();
	});
	return top;
};

const shotText = (words: Word[], slot: ShotSlot) =>
	words
		.filter((w) => w.startMs >= slot.startMs && w.startMs < slot.endMs)
		.map((w) => w.text)
		.join('')
		.trim();

export const matchShots = async ({slots, words, scenes, framings, clipDurationsMs, matcher, variants = 1, fallback = 'auto'}: {
	slots: ShotSlot[];
	words: Word[];
	scenes: ShotScene[];
	/** The director's framing per shot. */
	framings: Framing[];
	clipDurationsMs: Map<string, number>;
	matcher: Matcher;
	variants?: number;
	/** What a shot no clip fits shows. @default 'auto' */
	fallback?: FallbackMode;
}): Promise<Assignment[][]> => {
	const byId = new Map(scenes.map((s) => [s.id, s]));
	const labels = MOOD_LABELS;
	const ownTexts = slots.map((s) => shotText(words, s) || byId.get(s.sceneId)!.text);
	const sceneTexts = slots.map((s) => byId.get(s.sceneId)!.text);
	const moodTexts = labels.map((l) => MOOD_TEXT[l]);
	// A one-shot scene's own words are its sentence, and a scene's shots share it: score each text once.
	const unique = [...new Set([...ownTexts, ...sceneTexts, ...moodTexts])];
	const byText = new Map((await matcher.score(unique)).map((scores, i) => [unique[i], scores]));
	const [own, whole, moods] = [ownTexts, sceneTexts, moodTexts].map((texts) => texts.map((t) => byText.get(t)!));
	const scored = slots.map((_, i) => blend(own[i], whole[i]));
	const moodOf = (i: number) => byId.get(slots[i].sceneId)!.mood.label;
	// Per shot and clip: what showing it is worth, by its match or (below the threshold) the fallback rules.
	// Every matcher scores the clips in library order, so index k is the same clip in every list.
	const worth = slots.map((_, i) => {
		const mood = moods[labels.indexOf(moodOf(i))];
		const fits = moodCarries(moodOf(i), fallback);
		return scored[i].map((s, k) => fallbackWorth({match: s.score, moodFit: fits ? mood[k].score : 0, mode: fallback}));
	});
	const options: SlotOptions[] = slots.map((slot, i) => {
		const ranked = topIndices(worth[i].map((w) => w.relevance), CANDIDATES);
		const clips = ranked.map((k) => ({clipId: scored[i][k].clipId, relevance: worth[i][k].relevance}));
		const title = titleCandidate(fallback);
		// Inside a sentence that is not intense, the clip that fits it may run on rather than cut away to one that fits less.
		const sameScene = i > 0 && slots[i - 1].sceneId === slot.sceneId;
		const mayHold = sameScene && byId.get(slot.sceneId)!.mood.arousal < HOLD_BELOW_AROUSAL;
		// In an intense one, only where the cut would go to a fallback ("…crashed against the rocks" after the waves).
		return {durationMs: slot.endMs - slot.startMs, candidates: title ? [...clips, title] : clips, framings: [framings[i], ALTERNATE_FRAMING[framings[i]]], mayHold, mayHoldAsFallback: sameScene && !mayHold};
	});
	const cuts = searchVariants({slots: options, clipDurationsMs, count: variants});
	return cuts.map((cut) =>
		cut.map((choice, i): Assignment => {
			const best = scored[i].reduce((a, b) => (b.score > a.score ? b : a));
			if (choice.clipId === TITLE_CARD_ID) {
				return {kind: 'title', title: titleText({shotText: ownTexts[i], sentence: sceneTexts[i]}), framing: choice.framing, score: 0, reasons: [titleReason({best, mood: moodOf(i)})]};
			}
			const k = scored[i].findIndex((s) => s.clipId === choice.clipId);
			const match = scored[i][k];
			const score = Math.min(1, Math.max(0, match.score));
			// A held slot becomes part of the shot before (holds.ts), which adds this one reason to its own.
			if (choice.held) return {kind: 'clip', clipId: choice.clipId, held: true, framing: choice.framing, score, reasons: [`held on through the next words (${score} for them)`]};
			const below = `below the ${FALLBACK_BELOW} match threshold (${match.score})`;
			const reasons = worth[i][k].fallback
				? [`${below}: a clip for the ${moodOf(i)} mood instead`, ...match.reasons]
				: match.score < FALLBACK_BELOW
					? [`${below}: the clips that match are shown nearby`, ...match.reasons]
					: match.reasons;
			return {kind: 'clip', clipId: choice.clipId, framing: choice.framing, score, reasons};
		}),
	);
};
