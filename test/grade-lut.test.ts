// The compositor grades footage with LUTs built from the same CSS filter
// strings Chrome applies; these are the spec's matrices, clamps included.
import {describe, expect, test} from 'vitest';
import {GRADE_PRESETS} from '../src/compositions/video/grade';
import {applyCssFilter, cubeLut, parseCssFilter} from '../src/render/composite/grade-lut';

const apply = (filter: string, rgb: [number, number, number]) => applyCssFilter(parseCssFilter(filter), rgb).map((v) => Number(v.toFixed(4)));

describe('CSS filter → LUT', () => {
	test('each function follows the Filter Effects matrices, clamped after every step', () => {
		expect(apply('contrast(2)', [0.25, 0.5, 0.9])).toEqual([0, 0.5, 1]);
		expect(apply('saturate(0)', [1, 0, 0])).toEqual([0.213, 0.213, 0.213]);
		expect(apply('grayscale(1)', [0, 1, 0])).toEqual([0.7152, 0.7152, 0.7152]);
		expect(apply('sepia(1)', [1, 1, 1])).toEqual([1, 1, 0.937]);
		expect(apply('brightness(1.5) contrast(0.5)', [0.8, 0.2, 0])).toEqual([0.75, 0.4, 0.25]);
		// Order matters, as in CSS: brightness first clamps 1.2 to 1 before contrast sees it.
		expect(apply('brightness(2) contrast(0.5)', [0.6, 0, 0])[0]).toBe(0.75);
	});

	test('a .cube of the right size whose corners are the graded corners', () => {
		const cube = cubeLut('saturate(1.2) contrast(1.1)', 5).trim().split('\n');
		expect(cube[0]).toBe('LUT_3D_SIZE 5');
		expect(cube).toHaveLength(1 + 5 ** 3);
		// Red varies fastest: line 1 + 4 is (1, 0, 0).
		expect(cube[1 + 4].split(' ').map(Number)).toEqual(apply('saturate(1.2) contrast(1.1)', [1, 0, 0]).map((v) => Number(v.toFixed(4))));
	});

	test('every preset of every style converts; an unknown function is an error', () => {
		for (const grades of Object.values(GRADE_PRESETS)) for (const f of Object.values(grades)) if (f !== 'none') expect(() => parseCssFilter(f)).not.toThrow();
		expect(() => parseCssFilter('blur(2px)')).toThrow(/blur/);
	});
});
