// The compositor grades footage in yuv with per-plane tables (grade-yuv.ts).
// Simulated here as ffmpeg runs them (TV-range BT.709 codes, truncating tables),
// every preset must land within a few code values of the CSS filter Chrome applies
// (the inputs are whole codes, so a gain of 1.3 alone moves the result by one).
import {spawnSync} from 'node:child_process';
import {describe, expect, test} from 'vitest';
import {GRADE_PRESETS} from '../src/compositions/video/grade';
import {applyCssFilter, parseCssFilter} from '../src/render/composite/grade-lut';
import {yuvGradeFilter} from '../src/render/composite/grade-yuv';
import {probeSystemFfmpeg, SYSTEM_FFMPEG} from '../src/render/composite/ffmpeg';

type Rgb = [number, number, number];
const KR = 0.2126;
const KB = 0.0722;

const toCodes = ([r, g, b]: Rgb): Rgb => {
	const y = KR * r + (1 - KR - KB) * g + KB * b;
	return [16 + 219 * y, 128 + (224 * (b - y)) / (2 * (1 - KB)), 128 + (224 * (r - y)) / (2 * (1 - KR))].map(Math.round) as Rgb;
};
const fromCodes = ([yc, uc, vc]: Rgb): Rgb => {
	const y = (yc - 16) / 219;
	const r = y + (2 * (1 - KR) * (vc - 128)) / 224;
	const b = y + (2 * (1 - KB) * (uc - 128)) / 224;
	return [r, (y - KR * r - KB * b) / (1 - KR - KB), b].map((v) => Math.min(1, Math.max(0, v))) as Rgb;
};

// ffmpeg's expression language, as far as the tables use it.
const expr = (source: string) => new Function('val', 'clip', `return ${source};`) as (val: number, clip: (v: number, lo: number, hi: number) => number) => number;
const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Runs the filter string on one pixel the way lutyuv and colorcorrect do. */
const runYuvGrade = (filter: string, codes: Rgb): Rgb => {
	let [y, u, v] = codes;
	for (const part of filter.split(/,(?=[a-z]+=)/)) {
		const [name, args] = [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)];
		if (name === 'lutyuv') {
			const planes = Object.fromEntries([...args.matchAll(/([yuv])='([^']*)'/g)].map(([, p, e]) => [p, expr(e)]));
			[y, u, v] = [Math.trunc(planes.y(y, clip)), Math.trunc(planes.u(u, clip)), Math.trunc(planes.v(v, clip))];
		} else if (name === 'colorcorrect') {
			const o = Object.fromEntries(args.split(':').map((kv) => kv.split('=')).map(([k, n]) => [k, Number(n)]));
			const add = (c: number, low: number, high: number) => clip(Math.trunc(255 * ((c / 255 - 0.5 + (y / 255) * (high - low) + low) + 0.5)), 0, 255);
			[u, v] = [add(u, o.bl, o.bh), add(v, o.rl, o.rh)];
		} else throw new Error(`unexpected filter ${name}`);
	}
	return [y, u, v];
};

// Mid-range colours: no channel clips between the CSS steps, where only an RGB pipeline can agree.
const SAMPLES: Rgb[] = [
	[0.5, 0.5, 0.5], [0.2, 0.2, 0.2], [0.85, 0.85, 0.85], [0.6, 0.35, 0.3], [0.3, 0.55, 0.35], [0.3, 0.4, 0.65], [0.7, 0.6, 0.45], [0.45, 0.4, 0.5],
];

describe('CSS grade as yuv tables', () => {
	for (const [style, grades] of Object.entries(GRADE_PRESETS)) {
		test(`${style}: every mood within 4 code values (RGB) of the CSS filter`, () => {
			for (const [mood, css] of Object.entries(grades)) {
				if (css === 'none') continue;
				const filter = yuvGradeFilter(css);
				expect(filter, `${style}/${mood}`).not.toBeNull();
				for (const rgb of SAMPLES) {
					const want = toCodes(applyCssFilter(parseCssFilter(css), rgb));
					const got = runYuvGrade(filter!, toCodes(rgb));
					// Compared in RGB, where a viewer sees it.
					const diff = fromCodes(got).map((c, i) => Math.abs(c - fromCodes(want)[i]) * 255);
					expect(Math.max(...diff), `${style}/${mood} at ${rgb}: got ${got}, want ${want}`).toBeLessThanOrEqual(4);
				}
			}
		});
	}

	test('greys clip where the CSS steps clip', () => {
		const css = 'contrast(1.5) brightness(0.8)';
		const filter = yuvGradeFilter(css)!;
		// Contrast clips white at 1 before brightness scales it: 0.8, not 1.
		const white = runYuvGrade(filter, toCodes([0.95, 0.95, 0.95]));
		expect(white[0]).toBe(toCodes(applyCssFilter(parseCssFilter(css), [0.95, 0.95, 0.95]))[0]);
		expect(fromCodes(white)[0]).toBeCloseTo(0.8, 2);
	});

	test('a grade that mixes planes strongly is left to the RGB path', () => {
		expect(yuvGradeFilter('sepia(1)')).toBeNull();
		expect(yuvGradeFilter('saturate(1.2) contrast(1.1)')).toMatch(/^lutyuv=/);
		expect(yuvGradeFilter('sepia(0.1)')).toMatch(/colorcorrect=/);
	});

	// The simulation above is only as good as its reading of ffmpeg: here ffmpeg runs every
	// preset's filter on a flat 2×2 frame (one chroma sample) and must agree with it.
	test.skipIf(!probeSystemFfmpeg().ok)('ffmpeg parses every preset and computes what the simulation does', () => {
		for (const [style, grades] of Object.entries(GRADE_PRESETS)) {
			for (const [mood, css] of Object.entries(grades)) {
				if (css === 'none') continue;
				const filter = yuvGradeFilter(css)!;
				// One run per preset: each sample is a 2×2 block (one chroma sample) of an 8×2 frame.
				const codes = SAMPLES.slice(2, 6).map(toCodes);
				const frame = Buffer.from([...[0, 1].flatMap(() => codes.flatMap(([y]) => [y, y])), ...codes.map(([, u]) => u), ...codes.map(([, , v]) => v)]);
				const run = spawnSync(SYSTEM_FFMPEG, ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${codes.length * 2}x2`, '-i', 'pipe:0', '-vf', filter, '-f', 'rawvideo', 'pipe:1'], {input: frame});
				expect(run.status, `${style}/${mood}: ${run.stderr}`).toBe(0);
				const out = [...run.stdout];
				codes.forEach((c, k) => {
					const got = [out[2 * k], out[codes.length * 4 + k], out[codes.length * 5 + k]];
					const want = runYuvGrade(filter, c);
					// colorcorrect works in float32: a value at a .5 boundary may truncate the other way.
					got.forEach((g, i) => expect(Math.abs(g - want[i]), `${style}/${mood} at ${c}: ffmpeg ${got}, simulated ${want}`).toBeLessThanOrEqual(1));
				});
			}
		}
	});
});
