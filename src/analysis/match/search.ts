// The whole cut at once: a beam search over shot lists that maximises
// relevance minus penalties, instead of choosing shot by shot. A greedy pick
// spends the best clip on the first shot that likes it; the search can save it
// for the shot that needs it, and it sees repeats and framing as a whole.
import type {Framing} from '../../plan';

/** A fallback's worth is its fit times this: it never outranks a real match (fallback.ts). */
export const FALLBACK_WEIGHT = 0.5;

/** The candidate id of a title card: NUL cannot appear in a file name, so no clip has it. */
export const TITLE_CARD_ID = '\u0000title-card';
/** A title card has no clip: it cannot repeat (each shows its own words) and never runs short. */
export type Candidate = {clipId: string; relevance: number; title?: boolean};
export type SlotOptions = {
	durationMs: number;
	/** Clips worth considering for this shot, best first. */
	candidates: Candidate[];
	/** The director's framing first, then acceptable alternatives. */
	framings: Framing[];
	/**
	 * The shot before may run on through this one (a cut the director offered
	 * inside a sentence that is not intense): one longer shot of the clip that
	 * fits, instead of a cut to footage that fits less. @default false
	 */
	mayHold?: boolean;
	/**
	 * Inside an intense sentence a hold costs pace, so it only stands in for a
	 * fallback: worth half its fit, like a clip chosen by mood, it beats cutting
	 * to one of those or to a title card, never to a clip that fits these words.
	 * @default false
	 */
	mayHoldAsFallback?: boolean;
};
/** `held`: this shot continues the shot before (same clip, same framing); the plan shows them as one. */
export type CutChoice = {clipId: string; framing: Framing; relevance: number; title?: boolean; held?: boolean};

export type SearchOptions = {
	/** No clip comes back within this many shots when the library has enough clips. @default 4 */
	noRepeatWithin: number;
	/** Cost of a repeat within `noRepeatWithin` shots: more than any relevance, so only a small library pays it. */
	closeRepeatPenalty: number;
	/** Cost of showing a clip again at all: variety, when a fresh clip is nearly as good. */
	repeatPenalty: number;
	/** Cost of the same framing in two consecutive shots. */
	sameFramingPenalty: number;
	/** Cost of not using the director's framing. */
	framingChangePenalty: number;
	/** Cost per share of the shot a clip cannot fill (it loops). */
	shortClipPenalty: number;
	/** Cost of a title card right after another. */
	titleAfterTitlePenalty: number;
	/**
	 * Cost of skipping a cut the director offered (holding the clip on): pace, and a little variety.
	 * At the match threshold (0.2), a hold beats cutting to a real match only when the held clip
	 * fits these words by that much more; it beats a fallback (worth half its fit) far sooner.
	 */
	holdPenalty: number;
	/** A held shot never runs longer than this: the director's calm shots are 3–5 s. */
	maxHoldMs: number;
	beamWidth: number;
};
export const defaultSearchOptions: SearchOptions = {
	noRepeatWithin: 4,
	closeRepeatPenalty: 1.5,
	repeatPenalty: 0.12,
	sameFramingPenalty: 0.06,
	framingChangePenalty: 0.04,
	shortClipPenalty: 0.3,
	titleAfterTitlePenalty: 0.1,
	holdPenalty: 0.2,
	maxHoldMs: 6000,
	beamWidth: 48,
};

/** A partial cut, its last choice first: sharing the earlier shots keeps the beam cheap to extend. */
type Path = {choice: CutChoice; prev: Path | null};
/**
 * `recent`: the last KEY_SHOTS − 1 choices as a key, which with the next choice decides what later shots pay.
 * `shot`: the index of the last shot, `runMs` how long it runs so far: a held slot is part of its
 * shot, so repeats are counted in shots, as the plan shows them.
 */
type State = {path: Path | null; total: number; lastUsed: Map<string, number>; recent: string; shot: number; runMs: number};

/** Shots of history that decide what later shots pay. */
const KEY_SHOTS = defaultSearchOptions.noRepeatWithin + 1;

const toList = (path: Path | null): CutChoice[] => {
	const out: CutChoice[] = [];
	for (let p = path; p; p = p.prev) out.push(p.choice);
	return out.reverse();
};

/** What showing `choice` as shot number `index` costs after `state`. */
export const stepCost = ({state, slot, choice, index, clipMs, options}: {state: Pick<State, 'path' | 'lastUsed'>; slot: SlotOptions; choice: CutChoice; index: number; clipMs: number; options: SearchOptions}): number => {
	const prev = state.path?.choice;
	// A card after a card is a slideshow; one is worth showing, the second nothing.
	if (choice.title) return prev?.title ? options.titleAfterTitlePenalty : 0;
	let cost = 0;
	const last = state.lastUsed.get(choice.clipId);
	if (last !== undefined) cost += index - last <= options.noRepeatWithin ? options.closeRepeatPenalty * (options.noRepeatWithin + 1 - (index - last)) : options.repeatPenalty;
	// After a card the footage starts afresh: no framing to avoid repeating.
	if (prev && !prev.title && prev.framing === choice.framing) cost += options.sameFramingPenalty;
	if (choice.framing !== slot.framings[0]) cost += options.framingChangePenalty;
	if (clipMs < slot.durationMs) cost += options.shortClipPenalty * (1 - clipMs / slot.durationMs);
	return cost;
};

/** A scored extension of a beam state, built into a State only if it is kept. */
type Step = {from: number; choice: CutChoice; total: number; key: string};

/**
 * One slot's extensions of the beam. Ties break on the order candidates came
 * in (best relevance first): the sort is stable, so the cut is stable across runs.
 */
const extend = ({beam, slot, clipDurationsMs, options, avoidedAt, avoidPenalty}: {beam: State[]; slot: SlotOptions; clipDurationsMs: Map<string, number>; options: SearchOptions; avoidedAt: Map<string, number>; avoidPenalty: number}): Step[] => {
	// The choices are the same for every state: built once per slot, not once per state.
	const choices = slot.candidates.flatMap((c) => {
		const avoided = (avoidedAt.get(c.clipId) ?? 0) * avoidPenalty;
		const clipMs = clipDurationsMs.get(c.clipId) ?? Infinity;
		// A card is drawn flat: zooming it into other framings would only crop its words.
		return (c.title ? slot.framings.slice(0, 1) : slot.framings).map((framing) => ({choice: {clipId: c.clipId, framing, relevance: c.relevance, ...(c.title ? {title: true} : {})}, avoided, clipMs, key: `${c.clipId}|${framing}>`}));
	});
	const steps: Step[] = [];
	beam.forEach((state, from) => {
		for (const {choice, avoided, clipMs, key} of choices) {
			// In the order of the sum before: a last-bit difference could reorder a tie.
			steps.push({from, choice, total: state.total + choice.relevance - stepCost({state, slot, choice, index: state.shot + 1, clipMs, options}) - avoided, key: key + state.recent});
		}
		const hold = holdStep({state, slot, clipDurationsMs, options});
		if (hold) steps.push({from, choice: hold.choice, total: state.total + hold.choice.relevance - hold.cost - (avoidedAt.get(hold.choice.clipId) ?? 0) * avoidPenalty, key: `${hold.choice.clipId}|${hold.choice.framing}|held>` + state.recent});
	});
	return steps.sort((a, b) => b.total - a.total);
};

/**
 * The shot before, run on through this slot, if the slot allows it and the
 * clip is among this slot's candidates (it fits these words too). It pays the
 * hold and, when the longer shot outruns the clip, the loop; it is no repeat.
 */
const holdStep = ({state, slot, clipDurationsMs, options}: {state: State; slot: SlotOptions; clipDurationsMs: Map<string, number>; options: SearchOptions}): {choice: CutChoice; cost: number} | null => {
	const prev = state.path?.choice;
	if (!(slot.mayHold || slot.mayHoldAsFallback) || !prev || prev.title || state.runMs + slot.durationMs > options.maxHoldMs) return null;
	const c = slot.candidates.find((x) => x.clipId === prev.clipId);
	if (!c) return null;
	const runMs = state.runMs + slot.durationMs;
	const clipMs = clipDurationsMs.get(c.clipId) ?? Infinity;
	const loop = clipMs < runMs ? options.shortClipPenalty * (1 - clipMs / runMs) : 0;
	const hold = slot.mayHold ? options.holdPenalty : c.relevance * (1 - FALLBACK_WEIGHT);
	return {choice: {clipId: c.clipId, framing: prev.framing, relevance: c.relevance, held: true}, cost: hold + loop};
};

/** The recent-choices key a state carries: its newest KEY_SHOTS − 1 entries (each ends in '>'). */
const trimKey = (key: string): string => {
	let at = -1;
	for (let k = 0; k < KEY_SHOTS - 1; k++) {
		at = key.indexOf('>', at + 1);
		if (at < 0) return key;
	}
	return key.slice(0, at + 1);
};

/**
 * Best shot list under the penalties; `avoid` (clip chosen per shot in cuts
 * already made) costs `avoidPenalty`, which is how variants differ.
 */
export const searchCut = ({slots, clipDurationsMs, options: given = defaultSearchOptions, avoid = [], avoidPenalty = 0}: {slots: SlotOptions[]; clipDurationsMs: Map<string, number>; options?: SearchOptions; avoid?: string[][]; avoidPenalty?: number}): CutChoice[] => {
	// k clips could avoid repeats within k − 1 shots only by a fixed rotation that
	// ignores what the words say; ask a small library for half of that.
	const distinct = new Set(slots.flatMap((s) => s.candidates.filter((c) => !c.title).map((c) => c.clipId))).size;
	const options = {...given, noRepeatWithin: Math.max(1, Math.min(given.noRepeatWithin, Math.floor(distinct / 2)))};
	let beam: State[] = [{path: null, total: 0, lastUsed: new Map(), recent: '', shot: -1, runMs: 0}];
	slots.forEach((slot, index) => {
		const avoidedAt = new Map<string, number>();
		for (const cut of avoid) avoidedAt.set(cut[index], (avoidedAt.get(cut[index]) ?? 0) + 1);
		const steps = extend({beam, slot, clipDurationsMs, options, avoidedAt, avoidPenalty});
		// Two partial cuts ending in the same recent clips and framing will be scored alike from here on: keep the better.
		const seen = new Set<string>();
		const next: State[] = [];
		for (const step of steps) {
			if (seen.has(step.key)) continue;
			seen.add(step.key);
			const from = beam[step.from];
			const {held, title, clipId} = step.choice;
			const shot = held ? from.shot : from.shot + 1;
			const lastUsed = title ? from.lastUsed : new Map(from.lastUsed).set(clipId, shot);
			const runMs = held ? from.runMs + slot.durationMs : slot.durationMs;
			next.push({path: {choice: step.choice, prev: from.path}, total: step.total, lastUsed, recent: trimKey(step.key), shot, runMs});
			if (next.length === options.beamWidth) break;
		}
		beam = next;
	});
	return toList(beam[0].path);
};

/** N distinct good cuts: each later one pays for every shot it shares with the earlier ones. */
export const searchVariants = ({count, avoidPenalty = 0.25, ...input}: {slots: SlotOptions[]; clipDurationsMs: Map<string, number>; options?: SearchOptions; count: number; avoidPenalty?: number}): CutChoice[][] => {
	const cuts: CutChoice[][] = [];
	for (let k = 0; k < count; k++) cuts.push(searchCut({...input, avoid: cuts.map((c) => c.map((p) => p.clipId)), avoidPenalty}));
	return cuts;
};
