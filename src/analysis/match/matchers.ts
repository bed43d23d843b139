// The matchers the pipeline and `npm run eval:match` share: keyword overlap
// (v0), the sentence vector alone, and the full matcher (sentence vector plus
// concepts expanded through WordNet and word vectors). Each scores every
// clip for every text; the cut is chosen elsewhere (search.ts).
import {setImmediate as nextTurn} from 'node:timers/promises';
import {sceneConcepts, type Concept} from '../concepts/concepts';
import type {WordNet} from '../concepts/wordnet';
import {dot, type Embedder} from '../embed/embedder';
import type {WordVectors} from '../embed/word-vectors';
import {keywords, tokenize} from '../script/nlp';
import {clipTerms, inverseDocumentFrequency, scoreClips} from './keywords';
import type {CacheStore} from '../cache/store';
import {sceneTables, tableAlignment} from './align-tables';
import {cachedPreparedClips} from './clip-docs-cache';
import {buildSemanticIndex, matchConcepts, MIX, sceneSide, type ClipDoc, type ConceptMatch, type Scored} from './semantic';

export type Matcher = {
	name: string;
	score: (texts: string[]) => Promise<Scored[][]>;
	/** Works out ahead what scoring these texts needs and does not depend on anything else (their concepts), e.g. while the narration is spoken. */
	prepare?: (texts: string[]) => Promise<void>;
};
export type MatcherName = 'keywords' | 'vectors' | 'full';

/** Concept matches weaker than this are left out of a shot's reasons (they still count in its score). */
const MIN_REASON_SCORE = 0.15;

/** Texts whose concepts are worked out between turns of the event loop (see prepare). */
const PREPARE_BATCH = 8;

/** Weight of the expansions' sentence vector next to the literal one (1). */
export const EXPANSION_VECTOR_WEIGHT = 0.5;

const round = (x: number) => Math.round(x * 1000) / 1000;

export const createKeywordMatcher = (clips: ClipDoc[]): Matcher => {
	const terms = clips.map(clipTerms);
	const idf = inverseDocumentFrequency(terms);
	return {
		name: 'keywords',
		score: async (texts) => texts.map((text) => scoreClips({sceneTerms: keywords(tokenize(text)), clips: terms, idf}).map((s) => ({...s, reasons: s.reasons.map((r) => `matched "${r}"`)}))),
	};
};

/**
 * A Scored whose reasons are computed on first read. A class, not an object
 * literal with a getter: a plan makes tens of thousands of these, and an own
 * accessor per object is slow to create (and runs when the object is spread).
 */
class LazyScored implements Scored {
	private explained: string[] | null = null;
	constructor(
		readonly clipId: string,
		readonly score: number,
		private readonly explain: () => string[],
	) {}
	get reasons(): string[] {
		this.explained ??= this.explain();
		return this.explained;
	}
}

export const lazyReasons = (scored: Omit<Scored, 'reasons'>, explain: () => string[]): Scored => new LazyScored(scored.clipId, scored.score, explain);

/** The best few routes from scene to clip, as a reader would check them. */
const reasonsFor = (matches: ConceptMatch[], cosine: number): string[] => {
	const lines = matches
		// A faint word-vector likeness ("life" ≈ "night", 0.08) explains nothing to a reader.
		.filter((m) => m.score >= MIN_REASON_SCORE)
		.sort((a, b) => b.score * b.concept.weight - a.score * a.concept.weight)
		.slice(0, 3)
		.map((m) => (m.via === 'same word' ? `matched "${m.concept.term}"` : `"${m.concept.term}" ≈ "${m.clipTerm}" (${m.via}, ${round(m.score)})`));
	return [...lines, `sentence similarity ${round(Math.min(1, cosine))}`];
};

export const createSemanticMatcher = async ({clips, vectors, embedder, wordnet, useConcepts, cache}: {clips: ClipDoc[]; vectors: WordVectors; embedder: Embedder; wordnet: WordNet | null; useConcepts: boolean; cache?: CacheStore}): Promise<Matcher> => {
	const prepared = cache ? await cachedPreparedClips({clips, vectors, embedder, cache}) : undefined;
	const index = await buildSemanticIndex({clips, vectors, embedder, prepared});
	const conceptCache = new Map<string, Concept[]>();
	const conceptsOf = (text: string) => {
		if (!conceptCache.has(text)) conceptCache.set(text, sceneConcepts({text, wordnet}));
		return conceptCache.get(text)!;
	};
	return {
		name: useConcepts ? 'full' : 'vectors',
		prepare: async (texts) => {
			if (!useConcepts) return;
			for (const [i, text] of texts.entries()) {
				conceptsOf(text);
				// A few at a time: the thread also hands the engine its next sentences meanwhile.
				if (i % PREPARE_BATCH === PREPARE_BATCH - 1) await nextTurn();
			}
		},
		score: async (texts) => {
			const sentenceVectors = (await embedder.embed(texts)).map(index.center);
			// What the scene's words are, said other ways (synonyms, broader terms, definitions):
			// a second sentence vector that helps the literal one at lower weight.
			const expansionTexts = texts.map((t) => [...new Set(conceptsOf(t).flatMap((c) => c.expansions.map((e) => e.term)))].join(' '));
			const expansionVectors = useConcepts ? (await embedder.embed(expansionTexts)).map(index.center) : null;
			return texts.map((text, i) => {
				const concepts = useConcepts ? conceptsOf(text) : [];
				const side = sceneSide(index, concepts);
				const tables = useConcepts ? sceneTables(index, side) : null;
				return index.clips.map((clip) => {
					const expanded = expansionVectors ? EXPANSION_VECTOR_WEIGHT * dot(expansionVectors[i], clip.vector) : 0;
					const cosine = Math.max(0, dot(sentenceVectors[i], clip.vector) + expanded);
					if (!tables) return {clipId: clip.id, score: round(cosine), reasons: [`sentence similarity ${round(cosine)}`]};
					const score = MIX.concepts * tableAlignment(clip, side, tables) + (1 - MIX.concepts) * cosine;
					// Reasons are written only for the clips someone reads about: most of a big library never is.
					return lazyReasons({clipId: clip.id, score: round(Math.min(1, score))}, () => reasonsFor(matchConcepts(index, clip, concepts), cosine));
				});
			});
		},
	};
};
