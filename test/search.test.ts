// The whole-cut search on inline scores: penalties that can be seen to bite.
import {describe, expect, test} from 'vitest';
import {searchCut, searchVariants, type SlotOptions} from '../src/analysis/match/search';
import type {Framing} from '../src/plan';

const slot = (scores: Record<string, number>, framing: Framing = 'medium', durationMs = 2000): SlotOptions => ({
	durationMs,
	candidates: Object.entries(scores)
		.map(([clipId, relevance]) => ({clipId, relevance}))
		.sort((a, b) => b.relevance - a.relevance),
	framings: [framing, framing === 'wide' ? 'medium' : 'wide'],
});
const long = (ids: string[]) => new Map(ids.map((id) => [id, 10_000]));
const ids = (cut: {clipId: string}[]) => cut.map((c) => c.clipId);

describe('whole-cut search', () => {
	test('no clip repeats within 4 shots when the library allows (8 clips), even if it is the best match every time', () => {
		const scores = {ocean: 0.9, beach: 0.5, sky: 0.4, sea: 0.35, boat: 0.3, sand: 0.2, shell: 0.15, gull: 0.1};
		const cut = searchCut({slots: Array.from({length: 10}, () => slot(scores)), clipDurationsMs: long(Object.keys(scores))});
		const picks = ids(cut);
		for (let i = 0; i < picks.length; i++) for (let j = i + 1; j <= i + 4 && j < picks.length; j++) expect(picks[j]).not.toBe(picks[i]);
		expect(picks[0]).toBe('ocean');
	});

	test('saves the clip a later shot needs instead of spending it early (greedy would not)', () => {
		const slots = [slot({storm: 0.6, rain: 0.55}), slot({storm: 0.9, rain: 0.1})];
		expect(ids(searchCut({slots, clipDurationsMs: long(['storm', 'rain'])}))).toEqual(['rain', 'storm']);
	});

	test('a clip shorter than its shot loses to an equal clip that fills it', () => {
		const slots = [slot({short: 0.6, full: 0.6}, 'medium', 4000)];
		expect(ids(searchCut({slots, clipDurationsMs: new Map([['short', 1000], ['full', 8000]])}))).toEqual(['full']);
	});

	test('the same framing twice in a row gives way to the alternative', () => {
		const slots = [slot({a: 0.5}, 'wide'), slot({b: 0.5}, 'wide'), slot({c: 0.5}, 'wide')];
		const framings = searchCut({slots, clipDurationsMs: long(['a', 'b', 'c'])}).map((c) => c.framing);
		for (let i = 1; i < framings.length; i++) expect(framings[i]).not.toBe(framings[i - 1]);
	});

	test('variants are distinct cuts, the first being the best', () => {
		const scores = {a: 0.8, b: 0.7, c: 0.6, d: 0.5, e: 0.4, f: 0.3};
		const slots = Array.from({length: 6}, () => slot(scores));
		const [v1, v2, v3] = searchVariants({slots, clipDurationsMs: long(Object.keys(scores)), count: 3});
		expect(v1).toEqual(searchCut({slots, clipDurationsMs: long(Object.keys(scores))}));
		expect(ids(v2)).not.toEqual(ids(v1));
		expect(ids(v3)).not.toEqual(ids(v1));
		expect(ids(v3)).not.toEqual(ids(v2));
	});
});
