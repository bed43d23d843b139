// Scene × clip relevance from meaning, not spelling: each scene concept finds
// its closest clip word (the same lemma, a WordNet expansion, or a near word
// vector), and the scene's sentence vector is compared with the clip's.
import {CONCEPT_WEIGHTS, type Concept} from '../concepts/concepts';
import {nameRuns} from '../concepts/entities';
import {dot, normalize, type Embedder} from '../embed/embedder';
import {sifWeight} from '../embed/glove-embedder';
import type {WordVectors} from '../embed/word-vectors';
import {contentWords, tokenize} from '../script/nlp';

export type ClipDoc = {id: string; description: string; tags: string[]};
export type Scored = {clipId: string; score: number; reasons: string[]};

/** Word cosine below FLOOR counts as unrelated; FLOOR + SPAN counts as a full match, scaled by NEAR_CAP. */
export const SIMILARITY = {floor: 0.3, span: 0.5, nearCap: 0.8};
/** Share of the score from concept alignment (the rest is the sentence vector); and of alignment from clip → scene. */
export const MIX = {concepts: 0.5, clipSide: 0.3};
/** How much of the word vectors' shared direction is removed before comparing words. */
const WORD_CENTERING = 0.5;

export type Term = {term: string; weight: number};
/** `termIds`/`setIds` number `terms`/`termSet` in the library's vocabulary (vocab.ts), for the table-driven scorer. */
export type ClipEntry = {id: string; terms: Term[]; termSet: Set<string>; vector: Float32Array; termIds: Int32Array; setIds: Int32Array};
export type SemanticIndex = {clips: ClipEntry[]; vocabulary: string[]; vectors: WordVectors; embedder: Embedder; termVector: (t: string) => Float32Array | null; similarity: (a: string, b: string) => number; center: (v: Float32Array) => Float32Array};

const clipTermsOf = (vectors: WordVectors, clip: ClipDoc): Term[] => {
	const words = contentWords(tokenize([clip.description, ...clip.tags].join('. ')));
	const seen = new Map<string, Term>();
	for (const w of words) {
		const weight = (w.pos === 'NOUN' || w.pos === 'PROPN' ? CONCEPT_WEIGHTS.noun : CONCEPT_WEIGHTS.other) * sifWeight(vectors.rank(w.surface));
		seen.set(w.lemma, {term: w.lemma, weight: Math.max(weight, seen.get(w.lemma)?.weight ?? 0)});
	}
	return [...seen.values()];
};

/**
 * Phrases a scene's name can match whole: multi-word tags ("milky way") and
 * names in the description. Only looked up, not weighed, so a clip's score
 * against scenes that name nothing is as before.
 */
const clipPhrasesOf = (clip: ClipDoc): string[] => [
	...clip.tags.filter((t) => t.trim().includes(' ')).map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')),
	...nameRuns(tokenize(clip.description)).map((r) => r.text.toLowerCase()),
];

const meanOf = (vs: Float32Array[], dims: number): Float32Array => {
	const m = new Float32Array(dims);
	for (const v of vs) for (let d = 0; d < dims; d++) m[d] += v[d] / vs.length;
	return m;
};

/**
 * Centering by the library's mean removes what all clips share (the "stock
 * footage" direction), so a clip described in generic words stops being
 * everyone's nearest neighbour.
 */
/** What the index needs from each clip's text: the slow part (wink reads every description), so it can be cached (clip-docs-cache.ts). */
export type PreparedClip = {terms: Term[]; phrases: string[]; raw: Float32Array};

export const prepareClips = async ({clips, vectors, embedder}: {clips: ClipDoc[]; vectors: WordVectors; embedder: Embedder}): Promise<PreparedClip[]> => {
	const raw = await embedder.embed(clips.map((c) => [c.description, ...c.tags].join('. ')));
	return clips.map((c, i) => ({terms: clipTermsOf(vectors, c), phrases: clipPhrasesOf(c), raw: raw[i]}));
};

export const buildSemanticIndex = async ({clips, vectors, embedder, prepared: given}: {clips: ClipDoc[]; vectors: WordVectors; embedder: Embedder; prepared?: PreparedClip[]}): Promise<SemanticIndex> => {
	const prepared = given ?? (await prepareClips({clips, vectors, embedder}));
	const raw = prepared.map((p) => p.raw);
	const mean = meanOf(raw, embedder.dims);
	// A text with no known word stays at zero (no similarity), not at minus the mean.
	const center = (v: Float32Array) => (v.some((x) => x !== 0) ? normalize(v.map((x, d) => x - mean[d])) : v);
	const ids = new Map<string, number>();
	const idOf = (t: string) => {
		let id = ids.get(t);
		if (id === undefined) ids.set(t, (id = ids.size));
		return id;
	};
	const entries = clips.map((c, i) => {
		const {terms, phrases} = prepared[i];
		const termSet = new Set([...terms.map((t) => t.term), ...phrases]);
		return {id: c.id, terms, termSet, vector: center(raw[i]), termIds: Int32Array.from(terms, (t) => idOf(t.term)), setIds: Int32Array.from(termSet, idOf)};
	});
	const wordMean = meanOf(entries.flatMap((e) => e.terms.map((t) => vectors.vector(t.term)).filter((v): v is Float32Array => v !== null)), vectors.dims);
	const memo = new Map<string, Float32Array | null>();
	const termVector = (t: string) => {
		if (!memo.has(t)) {
			const v = vectors.vector(t);
			memo.set(t, v && normalize(v.map((x, d) => x - WORD_CENTERING * wordMean[d])));
		}
		return memo.get(t)!;
	};
	// Libraries repeat their words ("night", "city") across hundreds of clips: score each word pair once.
	const pairs = new Map<string, Map<string, number>>();
	const similarity = (a: string, b: string) => {
		let row = pairs.get(a);
		if (!row) pairs.set(a, (row = new Map()));
		let s = row.get(b);
		if (s === undefined) {
			const v = termVector(a);
			const u = termVector(b);
			s = v && u ? SIMILARITY.nearCap * Math.min(1, Math.max(0, (dot(v, u) - SIMILARITY.floor) / SIMILARITY.span)) : 0;
			row.set(b, s);
		}
		return s;
	};
	return {clips: entries, vocabulary: [...ids.keys()], vectors, embedder, termVector, similarity, center};
};


type Match = {score: number; clipTerm: string};

/** The closest clip word to `term`: 1 for the same lemma, a capped share for a near vector. */
const bestMatch = (index: SemanticIndex, clip: ClipEntry, term: string): Match => {
	if (clip.termSet.has(term)) return {score: 1, clipTerm: term};
	let best: Match = {score: 0, clipTerm: ''};
	for (const t of clip.terms) {
		const s = index.similarity(term, t.term);
		if (s > best.score) best = {score: s, clipTerm: t.term};
	}
	return best;
};

export type ConceptMatch = {concept: Concept; score: number; clipTerm: string; via: string};

/** Each concept's best route to the clip: itself, or an expansion at its lower weight. */
export const matchConcepts = (index: SemanticIndex, clip: ClipEntry, concepts: Concept[]): ConceptMatch[] =>
	concepts.map((concept) => {
		const direct = bestMatch(index, clip, concept.term);
		let best: ConceptMatch = {concept, score: direct.score, clipTerm: direct.clipTerm, via: direct.score === 1 ? 'same word' : 'word vector'};
		// Expansions count only when the clip says them outright: chaining an
		// expansion with a word-vector neighbour drifts too far ("discipline" →
		// field of study → a grassy field).
		for (const e of concept.expansions) {
			if (clip.termSet.has(e.term) && e.weight > best.score) best = {concept, score: e.weight, clipTerm: e.term, via: `WordNet ${e.via}`};
		}
		return best;
	});

export const conceptWeight = (index: SemanticIndex, c: Concept): number => c.weight * sifWeight(index.vectors.rank(c.surface));

/** The scene's side of every comparison, built once per scene: its concepts' weights, and the concepts as a pseudo-clip so clip words can look for their best scene word. */
export type SceneSide = {concepts: Concept[]; weights: number[]; total: number; asClip: ClipEntry};
export const sceneSide = (index: SemanticIndex, concepts: Concept[]): SceneSide => {
	const weights = concepts.map((c) => conceptWeight(index, c));
	return {
		concepts,
		weights,
		total: weights.reduce((a, b) => a + b, 0),
		asClip: {id: '', terms: concepts.map((c) => ({term: c.term, weight: 1})), termSet: new Set(concepts.map((c) => c.term)), vector: new Float32Array(0), termIds: new Int32Array(0), setIds: new Int32Array(0)},
	};
};

/** Share of the scene's concept weight the clip covers, blended with the share of the clip the scene covers. */
export const alignment = (index: SemanticIndex, clip: ClipEntry, scene: SceneSide, matches: ConceptMatch[]): number => {
	const covered = scene.total > 0 ? matches.reduce((s, m, i) => s + scene.weights[i] * m.score, 0) / scene.total : 0;
	const clipTotal = clip.terms.reduce((s, t) => s + t.weight, 0);
	const clipSide = clipTotal > 0 ? clip.terms.reduce((s, t) => s + t.weight * bestMatch(index, scene.asClip, t.term).score, 0) / clipTotal : 0;
	return (1 - MIX.clipSide) * covered + MIX.clipSide * clipSide;
};
