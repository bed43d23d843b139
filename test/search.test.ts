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

	test('inside a sentence, the clip that fits runs on through a cut rather than cutting to a clip nothing fits', () => {
		const held = (mayHold: boolean) => [slot({campfire: 0.55, city: 0.1}), {...slot({campfire: 0.6, city: 0.05}), mayHold}];
		const cut = searchCut({slots: held(true), clipDurationsMs: long(['campfire', 'city'])});
		expect(ids(cut)).toEqual(['campfire', 'campfire']);
		expect(cut.map((c) => Boolean(c.held))).toEqual([false, true]);
		// The held shot keeps the framing of the shot it continues: the plan shows one shot.
		expect(cut[1].framing).toBe(cut[0].framing);
		// Where the director's cut must stand, the sentence cuts between the two clips.
		const cutAway = searchCut({slots: held(false), clipDurationsMs: long(['campfire', 'city'])});
		expect(new Set(ids(cutAway))).toEqual(new Set(['campfire', 'city']));
		expect(cutAway.some((c) => c.held)).toBe(false);
	});

	test('inside an intense sentence a hold stands in for a fallback only, never for a clip that fits', () => {
		// ocean fits the second half at 0.4: held, it is worth half that (0.2), like a mood clip.
		const intense = (rest: Record<string, number>) => [slot({ocean: 0.6, storm: 0.1}), {...slot({ocean: 0.4, ...rest}), mayHoldAsFallback: true}];
		const clips = long(['ocean', 'storm', 'data', 'rocks']);
		// The other choice is a mood clip worth 0.15 (fit 0.3): the waves run on.
		expect(searchCut({slots: intense({data: 0.15}), clipDurationsMs: clips}).map((c) => `${c.clipId}${c.held ? '(held)' : ''}`)).toEqual(['ocean', 'ocean(held)']);
		// A clip that fits these words (0.3, above the 0.2 threshold) still gets the cut.
		expect(ids(searchCut({slots: intense({data: 0.15, rocks: 0.3}), clipDurationsMs: clips}))).toEqual(['ocean', 'rocks']);
	});

	test('a hold gives way to a clip that fits the words, and to the longest hold allowed', () => {
		const fits = [slot({campfire: 0.55, city: 0.1}), {...slot({campfire: 0.6, stars: 0.45}), mayHold: true}];
		expect(ids(searchCut({slots: fits, clipDurationsMs: long(['campfire', 'city', 'stars'])}))).toEqual(['campfire', 'stars']);
		const tooLong = [slot({campfire: 0.55, city: 0.1}, 'medium', 4000), {...slot({campfire: 0.6, city: 0.05}, 'medium', 4000), mayHold: true}];
		expect(searchCut({slots: tooLong, clipDurationsMs: long(['campfire', 'city'])}).some((c) => c.held)).toBe(false);
	});

	test('repeats are counted in shots: a held slot does not widen the gap to the next use of a clip', () => {
		// Storm five slots apart with a held campfire between: four shots apart, too close, so one of them gives way.
		const others = {a: 0.3, b: 0.28, c: 0.26, d: 0.24, e: 0.22, f: 0.2, g: 0.18};
		const slots = [slot({storm: 0.9, ...others}), slot({campfire: 0.6, ...others}), {...slot({campfire: 0.6, ...others}), mayHold: true}, slot(others), slot(others), slot({storm: 0.9, ...others})];
		const cut = searchCut({slots, clipDurationsMs: long(['storm', 'campfire', ...Object.keys(others)])});
		const shots = cut.filter((c) => !c.held).map((c) => c.clipId);
		for (let i = 0; i < shots.length; i++) for (let j = i + 1; j <= i + 4 && j < shots.length; j++) expect(shots[j]).not.toBe(shots[i]);
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
