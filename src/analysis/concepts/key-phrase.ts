// The words a title card shows for a shot: what a viewer should read when no
// footage fits. An amount ("$5 million", "40%") is the point of its sentence;
// else a name ("New York"); else the first run of adjectives and nouns
// ("dark clouds"); else the opening words of the sentence.
import {tokenize, type Token} from '../script/nlp';
import {findEntities} from './entities';

/** Longer phrases are cut to their last words (the head noun comes last in English). */
const MAX_PHRASE_WORDS = 4;
/** Sentences with no noun at all show their opening words, at most this many. */
const MAX_FALLBACK_WORDS = 10;
const PHRASE_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);

/** The text from token `first` to token `last`, exactly as written (wink's tokens drop spacing). */
const span = (text: string, tokens: Token[], first: number, last: number): string => {
	let at = 0;
	let start = 0;
	for (let i = 0; i <= last; i++) {
		const found = text.indexOf(tokens[i].text, at);
		if (found < 0) break;
		if (i === first) start = found;
		at = found + tokens[i].text.length;
	}
	return text.slice(start, at).trim();
};

/** "three" is a stop word to wink, but "three hundred people" is the phrase. */
const inPhrase = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'word' || t.kind === 'number') && PHRASE_POS.has(t.pos) && (!t.stop || t.pos === 'NUM');
/** wink splits "snow-capped" into three tokens (and may tag "capped" a verb); the hyphen keeps them one word. */
const hyphenated = (tokens: Token[], j: number): boolean => tokens[j]?.text === '-' && tokens[j + 1]?.kind === 'word';

/** The first run of adjectives and nouns that holds a noun: in English usually the subject, what the line is about. */
const firstNounRun = (tokens: Token[]): [number, number] | null => {
	for (let i = 0; i < tokens.length; ) {
		if (!inPhrase(tokens[i])) {
			i++;
			continue;
		}
		let j = i;
		for (;;) {
			if (inPhrase(tokens[j + 1])) j += 1;
			else if (hyphenated(tokens, j + 1)) j += 2;
			else break;
		}
		const words = tokens.slice(i, j + 1).filter(inPhrase);
		// A run with no noun names nothing ("very old").
		if (words.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')) {
			// Cut from the front: keep the last words, where the head noun is.
			const first = words.length > MAX_PHRASE_WORDS ? tokens.indexOf(words[words.length - MAX_PHRASE_WORDS], i) : i;
			return [first, j];
		}
		i = j + 1;
	}
	return null;
};

/** An amount, a name or a noun phrase of `text`, or null when it has none. */
export const keyPhrase = (text: string): string | null => {
	const tokens = tokenize(text);
	const entities = findEntities({text, tokens});
	const pick = entities.find((e) => e.kind === 'money' || e.kind === 'percent') ?? entities.find((e) => e.kind === 'name');
	if (pick) return span(text, tokens, pick.first, pick.last);
	const run = firstNounRun(tokens);
	return run ? span(text, tokens, run[0], run[1]) : null;
};

/**
 * A title card's words: the key phrase of the shot's own words, else of its
 * sentence (a shot cut mid-sentence, "and we gathered around the", may hold
 * no noun), else the sentence's opening words.
 */
export const titleText = ({shotText, sentence}: {shotText: string; sentence: string}): string => {
	const phrase = keyPhrase(shotText) ?? keyPhrase(sentence);
	if (phrase) return phrase;
	const tokens = tokenize(sentence);
	const words = tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
	if (words.length === 0) return sentence.trim();
	const shown = span(sentence, tokens, tokens.indexOf(words[0]), tokens.indexOf(words[Math.min(words.length, MAX_FALLBACK_WORDS) - 1]));
	return words.length > MAX_FALLBACK_WORDS ? `${shown}…` : shown;
};
