// Word-boundary error against a reference alignment. Transcript and reference
// may disagree on a word or two (a filler the reference split, a misspelling),
// so words are paired by an edit-distance alignment of their spellings and only
// pairs are scored: each pair gives two boundaries, start and end.

export type TimedText = {text: string; startMs: number; endMs: number};
export type BoundaryStats = {boundaries: number; medianMs: number; meanMs: number; within20: number; within50: number; within100: number};

const normal = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}']/gu, '');

/** Needleman–Wunsch on spellings: pairs of (hypothesis, reference) that line up, equal or substituted. */
export const pairWords = <H extends TimedText, R extends TimedText>(hyp: H[], ref: R[]): [H, R][] => {
	const n = hyp.length;
	const m = ref.length;
	const cost = Array.from({length: n + 1}, (_, i) => Float64Array.from({length: m + 1}, (_, j) => i + j));
	for (let i = 1; i <= n; i++) {
		for (let j = 1; j <= m; j++) {
			const substitute = cost[i - 1][j - 1] + (normal(hyp[i - 1].text) === normal(ref[j - 1].text) ? 0 : 1);
			cost[i][j] = Math.min(substitute, cost[i - 1][j] + 1, cost[i][j - 1] + 1);
		}
	}
	const pairs: [H, R][] = [];
	let i = n;
	let j = m;
	while (i > 0 && j > 0) {
		const same = normal(hyp[i - 1].text) === normal(ref[j - 1].text) ? 0 : 1;
		if (cost[i][j] === cost[i - 1][j - 1] + same) pairs.push([hyp[--i], ref[--j]]);
		else if (cost[i][j] === cost[i - 1][j] + 1) i--;
		else j--;
	}
	return pairs.reverse();
};

/** |hyp − ref| for every start and end of the paired words, in ms. */
export const boundaryErrors = (pairs: [TimedText, TimedText][]): number[] =>
	pairs.flatMap(([h, r]) => [Math.abs(h.startMs - r.startMs), Math.abs(h.endMs - r.endMs)]);

export const summarize = (errors: number[]): BoundaryStats => {
	const sorted = [...errors].sort((a, b) => a - b);
	const n = sorted.length;
	const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	const share = (limit: number) => (n === 0 ? NaN : sorted.filter((e) => e <= limit).length / n);
	return {
		boundaries: n,
		medianMs: median,
		meanMs: n === 0 ? NaN : sorted.reduce((a, b) => a + b, 0) / n,
		within20: share(20),
		within50: share(50),
		within100: share(100),
	};
};

export type LargeError = {text: string; edge: 'start' | 'end'; hypMs: number; refMs: number; errorMs: number; pauseMs: number | null};

/**
 * The boundaries off by more than `overMs`, with the reference's pause on that
 * side (0 where the words touch; null after the last word): whether the big
 * errors sit at pauses or inside running speech says where to look.
 */
export const largeErrors = <R extends TimedText>(pairs: [TimedText, R][], reference: R[], overMs: number): LargeError[] =>
	pairs.flatMap(([h, r]) => {
		const k = reference.indexOf(r);
		const before = k > 0 ? r.startMs - reference[k - 1].endMs : r.startMs;
		const after = k + 1 < reference.length ? reference[k + 1].startMs - r.endMs : null;
		const edges = [
			{edge: 'start' as const, hypMs: h.startMs, refMs: r.startMs, pauseMs: Math.max(0, before)},
			{edge: 'end' as const, hypMs: h.endMs, refMs: r.endMs, pauseMs: after === null ? null : Math.max(0, after)},
		];
		return edges.filter((e) => Math.abs(e.hypMs - e.refMs) > overMs).map((e) => ({text: r.text, ...e, errorMs: e.hypMs - e.refMs}));
	});
