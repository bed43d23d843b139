// The matcher a run uses, from its options: heavy pieces (word vectors, the
// ONNX runtime) are loaded only when chosen.
import type {CacheStore} from '../cache/store';
import {openWordNet} from '../concepts/wordnet';
import type {Embedder} from '../embed/embedder';
import {createGloveEmbedder} from '../embed/glove-embedder';
import {loadWordVectors} from '../embed/word-vectors';
import {createKeywordMatcher, createSemanticMatcher, type Matcher, type MatcherName} from './matchers';
import type {ClipDoc} from './semantic';

export type MatcherOptions = {
	matcher: MatcherName;
	/** An ONNX sentence (or CLIP text) encoder to use instead of averaged word vectors. */
	embedderModel?: string;
};

/** With `cache`, the library's side of matching is read from the store when its clips' texts are unchanged. */
export const createMatcher = async ({clips, options, cache}: {clips: ClipDoc[]; options: MatcherOptions; cache?: CacheStore}): Promise<Matcher> => {
	if (options.matcher === 'keywords') return createKeywordMatcher(clips);
	const vectors = await loadWordVectors();
	let embedder: Embedder = createGloveEmbedder(vectors);
	if (options.embedderModel) {
		const {createOnnxEmbedder} = await import('../embed/onnx-embedder');
		embedder = await createOnnxEmbedder({modelFile: options.embedderModel});
	}
	const wordnet = options.matcher === 'full' ? openWordNet() : null;
	return createSemanticMatcher({clips, vectors, embedder, wordnet, useConcepts: options.matcher === 'full', cache});
};
