// Each transcript word → the one dictionary entry the decoder listens for.
// CMUdict words stand for themselves (with their alternative pronunciations);
// compounds, numbers, names and other unknown words get an entry of their own,
// pronounced part by part from CMUdict or, failing that, by espeak-ng.
import {addWords, lookupWord, type loadEngine} from './engine';
import {pronounceWithEspeak, spellOut} from './pronounce';
import type {TranscriptWord} from './transcript';

type Engine = Awaited<ReturnType<typeof loadEngine>>;

/** A non-speech event ("[laughs]", "<cough>"): the model's garbage/speech-noise phone. */
const NOISE_KEY = 'noise_event';
const NOISE_PHONE = '+SPN+';

/** A dictionary-safe name for a custom entry: ASCII letters, digits, _ and '. */
const customKey = (parts: string[]): string =>
	'x_' + [...parts.join('_')].map((c) => (/[a-z0-9_']/.test(c) ? c : `u${c.codePointAt(0)?.toString(16)}`)).join('');

/** Hesitations, which speakers draw out: "uhhh", "ummm". */
const FILLER = /^(uh|um|umm|uhm|er|erm|ah|hmm|mm|mhm)$/;
const VOWEL = /^(AA|AE|AH|AO|AW|AY|EH|ER|EY|IH|IY|OW|OY|UH|UW)$/;

/**
 * A drawn-out pronunciation of a filler: its held sound (the last vowel, else
 * its last phone) twice. One phone's HMM makes long stays ever less likely, so
 * a long "um" was cut short and the next word took the rest of it. With
 * "um" → AH AH M and "uh" → AH AH beside CMUdict's own, the development set's
 * mean error fell from 39.5 to 31.3 ms (ten framings; docs/alignment-adaptation.md).
 */
export const drawnOut = (phones: string[]): string[] => {
	const vowels = phones.flatMap((p, i) => (VOWEL.test(p) ? [i] : []));
	const held = vowels.length ? vowels[vowels.length - 1] : phones.length - 1;
	return [...phones.slice(0, held + 1), ...phones.slice(held)];
};

/** The first pronunciation of a CMUdict word, phones only. */
const dictionaryPhones = (engine: Engine, word: string): string[] | null => lookupWord(engine, word)?.trim().split(/\s+/) ?? null;

export type Lexicon = {
	/** Per word: its dictionary key, or null for a word with nothing to hear. */
	keys: (string | null)[];
	/** Per word: phones in its (first) pronunciation. */
	phoneCounts: number[];
	/** Words pronounced by espeak-ng (or spelled out), for the report. */
	guessed: string[];
	/** The entries added to the dictionary, for another decoder (a second thread) to add too. */
	entries: [string, string][];
};

/** A drawn-out alternative for each CMUdict filler in the transcript, as `word(n)` (the decoder picks either). */
const fillerVariants = (engine: Engine, words: TranscriptWord[]): [string, string][] =>
	[...new Set(words.flatMap((w) => (w.kind === 'speech' && w.parts.length === 1 && FILLER.test(w.parts[0]) ? [w.parts[0]] : [])))].flatMap((word) => {
		const phones = dictionaryPhones(engine, word);
		let n = 2;
		while (lookupWord(engine, `${word}(${n})`)) n++;
		return phones ? [[`${word}(${n})`, drawnOut(phones).join(' ')] as [string, string]] : [];
	});

export const buildLexicon = async (engine: Engine, words: TranscriptWord[]): Promise<Lexicon> => {
	const unknownParts = new Set<string>();
	for (const w of words) {
		if (w.kind !== 'speech' || (w.parts.length === 1 && dictionaryPhones(engine, w.parts[0]))) continue;
		for (const part of w.parts) if (!dictionaryPhones(engine, part)) unknownParts.add(part);
	}
	const spoken = await pronounceWithEspeak([...unknownParts]).catch(() => new Map([...unknownParts].map((p) => [p, spellOut(p)])));
	const entries: [string, string][] = [[NOISE_KEY, NOISE_PHONE]];
	const phoneCounts: number[] = [];
	const keys = words.map((w) => {
		if (w.kind !== 'speech') {
			phoneCounts.push(w.kind === 'noise' ? 1 : 0);
			return w.kind === 'noise' ? NOISE_KEY : null;
		}
		const known = w.parts.length === 1 ? dictionaryPhones(engine, w.parts[0]) : null;
		const phones = known ?? w.parts.flatMap((p) => dictionaryPhones(engine, p) ?? spoken.get(p) ?? spellOut(p));
		phoneCounts.push(phones.length);
		if (known) return w.parts[0];
		const key = customKey(w.parts);
		entries.push([key, phones.join(' ')]);
		return key;
	});
	entries.push(...fillerVariants(engine, words));
	addWords(engine, entries);
	return {keys, phoneCounts, guessed: [...unknownParts], entries};
};
