// Retrieval metrics for a matcher over queries with known acceptable clips.
import type {Matcher} from './matchers';

export type Query = {text: string; relevant: string[]};
export type Metrics = {recallAt1: number; recallAt5: number; mrr: number; queries: number};

/** Rank of the first relevant clip (0-based); ties keep library order, so a matcher cannot win by ties. */
export const firstRelevantRank = (scores: {clipId: string; score: number}[], relevant: string[]): number => {
	const ranked = scores.map((s, i) => ({...s, i})).sort((a, b) => b.score - a.score || a.i - b.i);
	const at = ranked.findIndex((s) => relevant.includes(s.clipId));
	return at < 0 ? Infinity : at;
};

export const evaluateMatcher = async ({matcher, queries}: {matcher: Matcher; queries: Query[]}): Promise<Metrics> => {
	const all = await matcher.score(queries.map((q) => q.text));
	const ranks = queries.map((q, i) => firstRelevantRank(all[i], q.relevant));
	const n = queries.length || 1;
	const share = (f: (r: number) => number) => Math.round((ranks.reduce((s, r) => s + f(r), 0) / n) * 1000) / 1000;
	return {recallAt1: share((r) => (r < 1 ? 1 : 0)), recallAt5: share((r) => (r < 5 ? 1 : 0)), mrr: share((r) => 1 / (r + 1)), queries: queries.length};
};

export const formatMetrics = (name: string, m: Metrics): string =>
	`${name} recall@1=${m.recallAt1.toFixed(2)} recall@5=${m.recallAt5.toFixed(2)} mrr=${m.mrr.toFixed(2)}`;
