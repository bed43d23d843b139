// Scores every clip for every shot and searches for the cut. A shot inside a
// long sentence is judged mostly by its own words ("…the rain keeps falling"
// wants rain, even if the sentence began with city lights), partly by the
// sentence. A shot nothing fits gets a generic clip for its mood, said so in
// its reasons, instead of a wrong literal match.
import type {Framing, Mood, Word} from '../../plan';
import type {ShotSlot} from '../director/cuts';
import {lazyReasons, type Matcher} from './matchers';
import type {Scored} from './semantic';
import {searchVariants, type SlotOptions} from './search';

const OWN_WORDS_WEIGHT = 0.6;
/** Below this relevance a clip is more likely wrong than right; tune with `npm run eval:match`. */
export const FALLBACK_BELOW = 0.2;
/** A mood fallback's relevance is its mood score times this: it never outranks a real match. */
const FALLBACK_WEIGHT = 0.5;
/** Clips the search considers per shot. */
const CANDIDATES = 12;
/** What footage suits each mood when nothing suits the words. */
const MOOD_TEXT: Record<Mood['label'], string> = {
	calm: 'calm peaceful quiet still gentle nature landscape sky water',
	neutral: 'everyday life people city landscape sky',
	upbeat: 'happy joy bright celebration sunny energy',
	intense: 'dramatic storm fire speed power action',
	somber: 'sad dark rain fog alone grey',
};
const ALTERNATE_FRAMING: Record<Framing, Framing> = {wide: 'medium', medium: 'wide', close: 'medium'};

export type Assignment = {clipId: string; framing: Framing; score: number; reasons: string[]};
export type ShotScene = {id: number; text: string; mood: Mood};

const round = (x: number) => Math.round(x * 1000) / 1000;

const blend = (own: Scored[], whole: Scored[]): Scored[] =>
	own.map((o, i) =>
		lazyReasons({clipId: o.clipId, score: round(OWN_WORDS_WEIGHT * o.score + (1 - OWN_WORDS_WEIGHT) * whole[i].score)}, () => [...new Set([...o.reasons, ...whole[i].reasons])]),
	);

const shotText = (words: Word[], slot: ShotSlot) =>
	words
		.filter((w) => w.startMs >= slot.startMs && w.startMs < slot.endMs)
		.map((w) => w.text)
		.join('')
		.trim();

export const matchShots = async ({slots, words, scenes, framings, clipDurationsMs, matcher, variants = 1}: {
	slots: ShotSlot[];
	words: Word[];
	scenes: ShotScene[];
	/** The director's framing per shot. */
	framings: Framing[];
	clipDurationsMs: Map<string, number>;
	matcher: Matcher;
	variants?: number;
}): Promise<Assignment[][]> => {
	const byId = new Map(scenes.map((s) => [s.id, s]));
	const labels = Object.keys(MOOD_TEXT) as Mood['label'][];
	const ownTexts = slots.map((s) => shotText(words, s) || byId.get(s.sceneId)!.text);
	const sceneTexts = slots.map((s) => byId.get(s.sceneId)!.text);
	const moodTexts = labels.map((l) => MOOD_TEXT[l]);
	// A one-shot scene's own words are its sentence, and a scene's shots share it: score each text once.
	const unique = [...new Set([...ownTexts, ...sceneTexts, ...moodTexts])];
	const byText = new Map((await matcher.score(unique)).map((scores, i) => [unique[i], scores]));
	const [own, whole, moods] = [ownTexts, sceneTexts, moodTexts].map((texts) => texts.map((t) => byText.get(t)!));
	const scored = slots.map((_, i) => blend(own[i], whole[i]));
	const moodOf = (i: number) => byId.get(slots[i].sceneId)!.mood.label;
	// Per shot and clip: its match, or (when the match is below the threshold) its fit to the mood, whichever is worth more.
	const worth = slots.map((_, i) => {
		const mood = new Map(moods[labels.indexOf(moodOf(i))].map((m) => [m.clipId, m.score * FALLBACK_WEIGHT]));
		return new Map(scored[i].map((s) => [s.clipId, s.score >= FALLBACK_BELOW ? {relevance: s.score, fallback: false} : {relevance: Math.max(s.score, mood.get(s.clipId) ?? 0), fallback: (mood.get(s.clipId) ?? 0) > s.score}]));
	});
	const options: SlotOptions[] = slots.map((slot, i) => {
		const ranked = [...worth[i]].sort((a, b) => b[1].relevance - a[1].relevance);
		return {durationMs: slot.endMs - slot.startMs, candidates: ranked.slice(0, CANDIDATES).map(([clipId, w]) => ({clipId, relevance: w.relevance})), framings: [framings[i], ALTERNATE_FRAMING[framings[i]]]};
	});
	const cuts = searchVariants({slots: options, clipDurationsMs, count: variants});
	return cuts.map((cut) =>
		cut.map((choice, i) => {
			const match = scored[i].find((s) => s.clipId === choice.clipId)!;
			const below = `below the ${FALLBACK_BELOW} match threshold (${match.score})`;
			const reasons = worth[i].get(choice.clipId)!.fallback
				? [`${below}: a clip for the ${moodOf(i)} mood instead`, ...match.reasons]
				: match.score < FALLBACK_BELOW
					? [`${below}: the clips that match are shown nearby`, ...match.reasons]
					: match.reasons;
			return {clipId: choice.clipId, framing: choice.framing, score: Math.min(1, Math.max(0, match.score)), reasons};
		}),
	);
};
