// Words and punctuation that say how fast a passage should move, beyond what
// its sentiment says. Closed lists of common English words, not tuned to any
// script: what an editor hears as urgency or stillness.
import type {Token} from '../script/nlp';

export const INTENSIFIERS = new Set(['very', 'extremely', 'incredibly', 'really', 'so', 'totally', 'absolutely', 'utterly', 'suddenly', 'massive', 'huge', 'insanely', 'completely', 'truly', 'deeply', 'enormous', 'immediately', 'instantly']);
export const CALMERS = new Set(['slowly', 'quietly', 'gently', 'softly', 'calm', 'still', 'peaceful', 'silence', 'silent', 'rest', 'breathe', 'drift', 'linger', 'pause', 'whisper', 'wait', 'stillness', 'serene', 'quiet', 'peace']);
/** Words of fast physical action: cut to them quicker. Any part of speech: "a crash" is as fast as "crashed", and the tagger often reads a verb as a noun. */
export const ACTION_VERBS = new Set(['run', 'rush', 'race', 'crash', 'explode', 'fight', 'jump', 'hit', 'strike', 'break', 'burst', 'chase', 'shoot', 'scream', 'smash', 'charge', 'grab', 'slam', 'sprint', 'attack', 'shake', 'split', 'hammer', 'punch', 'kick', 'throw', 'dash', 'collapse', 'roar', 'shatter', 'flood', 'tear', 'blast', 'erupt']);

export type Cues = {intensifiers: number; calmers: number; actions: number; exclamations: number; questions: number; ellipses: number; imperative: boolean; shouting: number};

/** A sentence that opens with a bare verb ("Go now!", "Look up.") is an instruction to the viewer. */
const opensWithCommand = (tokens: Token[]): boolean => {
	const first = tokens.find((t) => t.kind === 'word');
	return first !== undefined && first.pos === 'VERB' && first.lemma === first.text.toLowerCase();
};

export const readCues = ({text, tokens}: {text: string; tokens: Token[]}): Cues => {
	const has = (set: Set<string>, t: Token) => set.has(t.text.toLowerCase()) || set.has(t.lemma);
	return {
		intensifiers: tokens.filter((t) => has(INTENSIFIERS, t)).length,
		calmers: tokens.filter((t) => has(CALMERS, t)).length,
		actions: tokens.filter((t) => has(ACTION_VERBS, t)).length,
		exclamations: (text.match(/!/g) ?? []).length,
		questions: (text.match(/\?/g) ?? []).length,
		ellipses: (text.match(/\.\.\.|…/g) ?? []).length,
		imperative: opensWithCommand(tokens),
		shouting: tokens.filter((t) => t.kind === 'word' && t.text.length > 2 && t.text === t.text.toUpperCase() && /\p{L}/u.test(t.text)).length,
	};
};

/** The cues a reader of the plan should see, e.g. ["2 exclamations", "action verb"]. */
export const describeCues = (c: Cues): string[] =>
	[
		[c.exclamations, 'exclamation'],
		[c.intensifiers, 'intensifier'],
		[c.actions, 'action verb'],
		[c.shouting, 'shouted word'],
		[c.questions, 'question'],
		[c.ellipses, 'ellipsis'],
		[c.calmers, 'calm word'],
	]
		.filter(([n]) => (n as number) > 0)
		.map(([n, what]) => (n === 1 ? String(what) : `${n} ${what}s`))
		.concat(c.imperative ? ['imperative'] : []);
