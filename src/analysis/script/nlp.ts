// One wink-nlp instance per process: the model takes ~100 ms to load.
import winkNLP from 'wink-nlp';
import type {ItemSentence, ItemToken, ItsFunction} from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | null = null;

export const getNlp = (): Nlp => {
	instance ??= winkNLP(model);
	return instance;
};

export type Token = {
	text: string;
	lemma: string;
	pos: string;
	stop: boolean;
	kind: string;
};

export const tokenize = (text: string): Token[] => {
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

/** Lemmas of the content words: what a clip description should share with the scene. */
export const keywords = (tokens: Token[]): string[] =>
	tokens
		.filter((t) => t.kind === 'word' && !t.stop && CONTENT_POS.has(t.pos) && t.lemma.length > 1)
		.map((t) => t.lemma);
