// The concept alignment of semantic.ts (matchConcepts + alignment), computed
// from tables over the library's vocabulary. A library repeats its words
// across hundreds of clips, so each scene compares its concepts with each
// distinct clip word once; a clip is then scored by a few typed-array reads.
// Same numbers as the direct route (test/align-tables.test.ts), which is kept
// for the reasons of the few clips anyone reads about.
import {MIX, type ClipEntry, type SceneSide, type SemanticIndex} from './semantic';

export type SceneTables = {
	/** Per concept, over the vocabulary: its word-vector likeness to each clip word. */
	near: Float64Array[];
	/** Per concept, over the vocabulary: the weight of its WordNet expansion that is this word (0: none). */
	expansion: Float64Array[];
	/** Per concept: its own vocabulary id (a clip saying it outright), or -1. */
	same: Int32Array;
	/** Over the vocabulary: how well the scene covers each clip word (1 when the scene says it). */
	covers: Float64Array;
};

export const sceneTables = (index: SemanticIndex, side: SceneSide): SceneTables => {
	const size = index.vocabulary.length;
	const ids = new Map(index.vocabulary.map((t, i) => [t, i]));
	const near = side.concepts.map((c) => Float64Array.from(index.vocabulary, (t) => index.similarity(c.term, t)));
	const expansion = side.concepts.map((c) => {
		const row = new Float64Array(size);
		for (const e of c.expansions) {
			const id = ids.get(e.term);
			if (id !== undefined) row[id] = Math.max(row[id], e.weight);
		}
		return row;
	});
	const covers = new Float64Array(size);
	index.vocabulary.forEach((t, v) => {
		covers[v] = side.asClip.termSet.has(t) ? 1 : side.concepts.reduce((best, c) => Math.max(best, index.similarity(t, c.term)), 0);
	});
	return {near, expansion, same: Int32Array.from(side.concepts, (c) => ids.get(c.term) ?? -1), covers};
};

/** alignment(index, clip, side, matchConcepts(index, clip, side.concepts)), from the tables. */
export const tableAlignment = (clip: ClipEntry, side: SceneSide, tables: SceneTables): number => {
	let covered = 0;
	for (let c = 0; c < side.concepts.length; c++) {
		let best = 0;
		const same = tables.same[c];
		const near = tables.near[c];
		const expansion = tables.expansion[c];
		for (const id of clip.setIds) {
			if (id === same) best = 1;
			else if (expansion[id] > best) best = expansion[id];
		}
		if (best < 1) for (const id of clip.termIds) if (near[id] > best) best = near[id];
		covered += side.weights[c] * best;
	}
	let clipTotal = 0;
	let clipSide = 0;
	clip.terms.forEach((t, k) => {
		clipTotal += t.weight;
		clipSide += t.weight * tables.covers[clip.termIds[k]];
	});
	const share = side.total > 0 ? covered / side.total : 0;
	return (1 - MIX.clipSide) * share + MIX.clipSide * (clipTotal > 0 ? clipSide / clipTotal : 0);
};
