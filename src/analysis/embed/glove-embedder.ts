// Sentence vectors from word vectors: the SIF-weighted mean of the content
// words (Arora et al. 2017), L2-normalised. Frequent words say little about
// what a shot shows, so a word's weight falls with its corpus frequency.
import {CONCEPT_WEIGHTS} from '../concepts/concepts';
import {contentWords, tokenize} from '../script/nlp';
import {normalize, type Embedder} from './embedder';
import type {WordVectors} from './word-vectors';

/** SIF smoothing: lower favours rare words more. Typical values 1e-3…1e-4. */
const SIF_A = 1e-3;

/**
 * Frequency from rank by Zipf's law (p ≈ 1/(rank·H)); the vector file keeps
 * ranks, not counts. H for a 400k-word vocabulary is about ln(400k) + 0.58.
 */
export const sifWeight = (rank: number): number => {
	if (rank < 0) return 1;
	const p = 1 / ((rank + 1) * 13.5);
	return SIF_A / (SIF_A + p);
};

/** The vector of a word: its surface form when known, else its lemma. */
export const lookup = (vectors: WordVectors, surface: string, lemma: string): {word: string; vector: Float32Array} | null => {
	for (const word of [surface, lemma]) {
		const vector = vectors.vector(word);
		if (vector) return {word, vector};
	}
	return null;
};

export const meanVector = (vectors: WordVectors, words: {surface: string; lemma: string; weight?: number}[]): Float32Array => {
	const sum = new Float32Array(vectors.dims);
	for (const w of words) {
		const found = lookup(vectors, w.surface, w.lemma);
		if (!found) continue;
		const weight = (w.weight ?? 1) * sifWeight(vectors.rank(found.word));
		for (let d = 0; d < sum.length; d++) sum[d] += weight * found.vector[d];
	}
	return normalize(sum);
};

/**
 * Footage shows things: a sentence's nouns say what is on screen, its verbs
 * and adjectives how. Weighed as the concepts weigh them, so a figurative
 * verb ("clouds swallowed the sky") does not outvote the nouns.
 */
const posWeight = (pos: string): number => (pos === 'NOUN' || pos === 'PROPN' ? CONCEPT_WEIGHTS.noun : CONCEPT_WEIGHTS.other);

export const createGloveEmbedder = (vectors: WordVectors): Embedder => ({
	id: `glove-sg-${vectors.dims}d`,
	dims: vectors.dims,
	embed: async (texts) => texts.map((text) => meanVector(vectors, contentWords(tokenize(text)).map((w) => ({...w, weight: posWeight(w.pos)})))),
});
