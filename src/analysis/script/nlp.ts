// One wink-nlp instance per process: the model takes ~100 ms to load.
import winkNLP from 'wink-nlp';
import lemmatizer from 'wink-lemmatizer';
import type {ItemSentence, ItemToken, ItsFunction} from 'wink-nlp';
import {winkModel} from './wink-model';

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

export const getNlp = (): Nlp => {
	instance ??= winkNLP(winkModel);
	return instance;
};

export type Token = {
	text: string;
	lemma: string;
	pos: string;
	stop: boolean;
	kind: string;
};

/** Clip descriptions, definitions and scene texts are read many times per run; keep recent ones. */
const TOKEN_MEMO_SIZE = 20_000;
const tokenMemo = new Map<string, Token[]>();

/** The texts a run reads, and how many of them wink had to read (see tokens-cache.ts). */
export type TokenLog = {texts: Set<string>; fresh: number};
let log: TokenLog | null = null;

/** Starts logging the texts tokenized from here on (replacing any log before). */
export const startTokenLog = (): TokenLog => (log = {texts: new Set(), fresh: 0});
export const stopTokenLog = (): void => {
	log = null;
};

/** Results read before (a cache entry): texts among them are never given to wink, so wink may never load. */
export const primeTokens = (entries: [string, Token[]][]): void => {
	for (const [text, tokens] of entries) if (!tokenMemo.has(text)) tokenMemo.set(text, tokens);
};

export const tokenize = (text: string): Token[] => {
	log?.texts.add(text);
	const known = tokenMemo.get(text);
	if (known) return known;
	if (log) log.fresh++;
	const tokens = tokenizeUncached(text);
	if (tokenMemo.size >= TOKEN_MEMO_SIZE) tokenMemo.delete(tokenMemo.keys().next().value!);
	tokenMemo.set(text, tokens);
	return tokens;
};

/** A capital after the start of the text or a sentence end: a word that may be capitalised only for its place. */
const SENTENCE_OPENER = /(^|[.!?]["')\]]*\s+)(\p{Lu})(?=\p{Ll})/gu;
const NOUN_TAGS = new Set(['NOUN', 'PROPN']);

/**
 * wink tags any capitalised sentence opener as a proper noun: "Dark clouds…"
 * makes "dark" a thing on screen, weighed like a noun. The text is read again
 * with its openers in lower case, and an opener that then reads as another
 * part of speech takes it; one that still reads as a noun ("Paris", "Storms")
 * stays as it was, so names keep their capital and their tag.
 */
const retagOpeners = (text: string, tokens: Token[]): Token[] => {
	const lowered = text.replace(SENTENCE_OPENER, (_, before: string, letter: string) => before + letter.toLowerCase());
	if (lowered === text || !tokens.some((t) => t.pos === 'PROPN')) return tokens;
	const again = readTokens(lowered);
	if (again.length !== tokens.length) return tokens;
	return tokens.map((t, i) => (t.pos === 'PROPN' && t.text !== again[i].text && !NOUN_TAGS.has(again[i].pos) ? {...t, pos: again[i].pos, lemma: again[i].lemma} : t));
};

const tokenizeUncached = (text: string): Token[] => retagOpeners(text, readTokens(text));

const readTokens = (text: string): Token[] => {
	const nlp = getNlp();
	const its = nlp.its;
	// wink's typings declare `lemma` with the wrong signature; it works like the others.
	const lemma = its.lemma as unknown as ItsFunction<string>;
	const tokens: Token[] = [];
	nlp
		.readDoc(text)
		.tokens()
		.each((t: ItemToken) => {
			tokens.push({
				text: t.out(),
				lemma: String(t.out(lemma)).toLowerCase(),
				pos: String(t.out(its.pos)),
				stop: Boolean(t.out(its.stopWordFlag)),
				kind: String(t.out(its.type)),
			});
		});
	return tokens;
};

/** Sentence strings exactly as they appear in `text`, in order. */
export const splitSentences = (text: string): string[] => {
	const nlp = getNlp();
	const out: string[] = [];
	nlp
		.readDoc(text)
		.sentences()
		.each((s: ItemSentence) => {
			out.push(s.out());
		});
	return out;
};

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const TERM = /^[\p{L}\p{N}][\p{L}\p{N}'-]*$/u;

/**
 * The dictionary form for matching. wink tags a capitalised sentence opener
 * ("Storms always pass.") as a proper noun and leaves it uninflected, so nouns
 * and proper nouns go through wink-lemmatizer's noun rules too.
 */
const matchLemma = (t: Token): string => {
	const word = t.text.toLowerCase().replace(/\.+$/, '');
	if (t.pos === 'PROPN' || t.pos === 'NOUN') return lemmatizer.noun(word);
	if (t.pos === 'VERB') return lemmatizer.verb(word);
	if (t.pos === 'ADJ') return lemmatizer.adjective(word);
	return t.lemma;
};

const stopCache = new Map<string, boolean>();
/** wink reads a sentence-final "in." as one token (an abbreviation) and misses that it is a stop word. */
const isStopWord = (word: string): boolean => {
	let stop = stopCache.get(word);
	if (stop === undefined) {
		stop = tokenize(word).every((t) => t.stop);
		stopCache.set(word, stop);
	}
	return stop;
};

export type ContentWord = {surface: string; lemma: string; pos: string; index: number};

/** Content words with their dictionary form and position among `tokens`. */
export const contentWords = (tokens: Token[]): ContentWord[] =>
	tokens
		.map((t, index) => ({t, index}))
		.filter(({t}) => t.kind === 'word' && !t.stop && CONTENT_POS.has(t.pos))
		.filter(({t}) => !t.text.endsWith('.') || !isStopWord(t.text.toLowerCase().replace(/\.+$/, '')))
		.map(({t, index}) => ({surface: t.text.toLowerCase().replace(/\.+$/, ''), lemma: matchLemma(t), pos: t.pos, index}))
		.filter((w) => w.lemma.length > 1 && TERM.test(w.lemma));

/** Lemmas of the content words: what a clip description should share with the scene. */
export const keywords = (tokens: Token[]): string[] => contentWords(tokens).map((w) => w.lemma);
