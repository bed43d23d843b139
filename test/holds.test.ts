// A held shot joins the shot before it: the plan's shots still tile the
// narration, and the joined shot keeps its first slot's clip, framing and style.
import {describe, expect, test} from 'vitest';
import {mergeHolds} from '../src/analysis/match/holds';
import type {Assignment} from '../src/analysis/match/match-shots';

// A held slot's one reason is what the shot it joins adds (match-shots.ts writes it).
const clip = (clipId: string, score: number, held = false): Assignment => ({kind: 'clip', clipId, framing: 'wide', score, reasons: [held ? `held on (${score})` : `${clipId} fits`], ...(held ? {held} : {})});

describe('mergeHolds', () => {
	test('a held slot extends the shot before it; the others stay as they were', () => {
		const slots = [
			{sceneId: 0, startMs: 0, endMs: 2000},
			{sceneId: 1, startMs: 2000, endMs: 5000},
			{sceneId: 1, startMs: 5000, endMs: 7500},
			{sceneId: 2, startMs: 7500, endMs: 9000},
		];
		const cut = [clip('storm', 0.5), clip('campfire', 0.55), clip('campfire', 0.6, true), {kind: 'title' as const, title: 'dawn', framing: 'medium' as const, score: 0, reasons: ['nothing fits']}];
		const merged = mergeHolds({slots, cut});
		expect(merged.slots).toEqual([slots[0], {sceneId: 1, startMs: 2000, endMs: 7500}, slots[3]]);
		expect(merged.firstSlot).toEqual([0, 1, 3]);
		expect(merged.cut.map((a) => (a.kind === 'clip' ? a.clipId : a.title))).toEqual(['storm', 'campfire', 'dawn']);
		expect(merged.cut[1].score).toBe(0.55);
		expect(merged.cut[1].reasons).toEqual(['campfire fits', 'held on (0.6)']);
	});

	test('a cut with no holds comes back unchanged', () => {
		const slots = [{sceneId: 0, startMs: 0, endMs: 1500}, {sceneId: 0, startMs: 1500, endMs: 3000}];
		const cut = [clip('a', 0.4), clip('b', 0.3)];
		expect(mergeHolds({slots, cut})).toEqual({slots, cut, firstSlot: [0, 1]});
	});
});
