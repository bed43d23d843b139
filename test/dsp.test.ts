// The WebAssembly loops of the loudness finish (src/analysis/audio/dsp.c):
// against the plain formulas they compute, where they put their buffers, and
// that the committed dsp.wasm is what dsp.c builds.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, cpSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createArena} from '../src/analysis/audio/dsp';
import {finishBuffer, finishLoudness} from '../src/analysis/audio/finish';
import {integratedLoudness, truePeakEnvelope} from '../src/analysis/audio/loudness';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';

const RATE = 22_050;
/** Repeatable speech-like noise: quiet, with loud swells. */
const speechLike = (length: number, seed = 11) =>
	Float32Array.from({length}, (_, i) => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return (seed / 2 ** 31 - 0.5) * (i % 4410 < 900 ? 1.2 * Math.sin((Math.PI * (i % 4410)) / 900) : 0.03);
	});

/** BS.1770 annex 2's interpolation, written out: 16 Hann-windowed sinc taps per quarter sample. */
const directEnvelope = (s: Float32Array) => {
	const taps = [1, 2, 3].map((phase) =>
		Array.from({length: 16}, (_, k) => {
			const t = k - 7 - phase / 4;
			return (Math.sin(Math.PI * t) / (Math.PI * t)) * (0.5 + 0.5 * Math.cos((Math.PI * t) / 8));
		}));
	return s.map((x, i) => {
		let peak = Math.abs(x);
		for (const phaseTaps of taps) {
			let acc = 0;
			phaseTaps.forEach((tap, k) => {
				if (i + k - 7 >= 0 && i + k - 7 < s.length) acc += s[i + k - 7] * tap;
			});
			peak = Math.max(peak, Math.abs(acc));
		}
		return peak;
	});
};

/** BS.1770's gated loudness, written out: K-weighting, every 400 ms block summed on its own, both gates. */
const directLoudness = (s: Float32Array, rate: number) => {
	const filter = (x: Float64Array, b: number[], a: number[]) => {
		const y = new Float64Array(x.length);
		for (let i = 0; i < x.length; i++) y[i] = b[0] * x[i] + b[1] * (x[i - 1] ?? 0) + b[2] * (x[i - 2] ?? 0) - a[0] * (y[i - 1] ?? 0) - a[1] * (y[i - 2] ?? 0);
		return y;
	};
	let K = Math.tan((Math.PI * 1681.974450955533) / rate);
	let Q = 0.7071752369554196;
	const Vh = 10 ** (3.999843853973347 / 20);
	const Vb = Vh ** 0.4996667741545416;
	let a0 = 1 + K / Q + K * K;
	const shelved = filter(Float64Array.from(s), [(Vh + (Vb * K) / Q + K * K) / a0, (2 * (K * K - Vh)) / a0, (Vh - (Vb * K) / Q + K * K) / a0], [(2 * (K * K - 1)) / a0, (1 - K / Q + K * K) / a0]);
	K = Math.tan((Math.PI * 38.13547087602444) / rate);
	Q = 0.5003270373238773;
	a0 = 1 + K / Q + K * K;
	const weighted = filter(shelved, [1, -2, 1], [(2 * (K * K - 1)) / a0, (1 - K / Q + K * K) / a0]);
	const block = Math.round(rate * 0.4);
	const step = Math.round(rate * 0.1);
	const powers: number[] = [];
	for (let start = 0; start + block <= s.length; start += step) powers.push(weighted.subarray(start, start + block).reduce((sum, w) => sum + w * w, 0) / block);
	const lufs = (p: number) => -0.691 + 10 * Math.log10(p);
	const mean = (ps: number[]) => ps.reduce((a, b) => a + b, 0) / ps.length;
	const absolute = powers.filter((p) => lufs(p) > -70);
	const relative = lufs(mean(absolute)) - 10;
	return lufs(mean(absolute.filter((p) => lufs(p) > relative)));
};

describe('the finish in WebAssembly', () => {
	it('computes the true-peak envelope of BS.1770 annex 2, to the bit', () => {
		const samples = speechLike(20_000);
		const direct = directEnvelope(samples);
		const ours = truePeakEnvelope(samples);
		expect(ours.length).toBe(samples.length);
		expect(ours.every((v, i) => v === direct[i])).toBe(true);
	});

	it('meters what BS.1770 defines, at rates from 8 to 96 kHz', () => {
		for (const rate of [8000, 22_050, 44_100, 96_000]) {
			const samples = speechLike(rate * 3, rate);
			expect(integratedLoudness({samples, sampleRate: rate})).toBeCloseTo(directLoudness(samples, rate), 6);
		}
		// Audio larger than the meter's kept scratch (8 MB) gets an arena of its own, sized to the byte, odd lengths too.
		for (const n of [2_100_001, 2_100_002, 2_100_003]) expect(Number.isFinite(integratedLoudness({samples: speechLike(n), sampleRate: 44_100}))).toBe(true);
		// Under 5 Hz a block has no step; nothing to measure, nothing broken.
		expect(integratedLoudness({samples: speechLike(40), sampleRate: 1})).toBe(-Infinity);
	});

	it('finishes audio where finishBuffer put it as it finishes a copy, and keeps each result intact', () => {
		const samples = speechLike(RATE * 4);
		const copy = finishLoudness({samples, sampleRate: RATE});
		const buffer = finishBuffer(samples.length, RATE);
		buffer.set(samples);
		const inPlace = finishLoudness({samples: buffer, sampleRate: RATE});
		expect(inPlace.samples.buffer).toBe(buffer.buffer); // no copy: the same memory
		expect(inPlace.gainDb).toBe(copy.gainDb);
		expect(inPlace.samples.every((v, i) => v === copy.samples[i])).toBe(true);
		// Finished again, the buffer's room is used up: the finish takes a copy, and the same result.
		const again = finishLoudness({samples: buffer, sampleRate: RATE});
		expect(again.samples.buffer).not.toBe(buffer.buffer);
		expect(again.samples.every((v, i) => v === copy.samples[i])).toBe(true);
		expect(inPlace.samples.every((v, i) => v === copy.samples[i])).toBe(true);
		expect(finishLoudness({samples: new Float32Array(0), sampleRate: RATE}).samples.length).toBe(0);
	});

	it('refuses to allocate past an arena, by name', () => {
		const arena = createArena(1000);
		arena.alloc(992);
		expect(() => arena.alloc(32)).toThrow(/dsp arena: 32 more bytes asked for, 8 left/);
	});

	// dsp.wasm is committed; with clang here (not on CI) it is rebuilt from dsp.c and compared.
	const clang = spawnSync('sh', ['-c', 'command -v clang || ls /usr/lib/llvm-*/bin/clang'], {encoding: 'utf8'}).stdout.trim().split('\n')[0];
	it.skipIf(!clang || !existsSync(clang))('dsp.wasm is what scripts/build-dsp.sh makes of dsp.c', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'reel-dsp-'));
		cpSync(path.join(PROJECT_ROOT, 'scripts'), path.join(dir, 'scripts'), {recursive: true});
		cpSync(path.join(PROJECT_ROOT, 'src/analysis/audio/dsp.c'), path.join(dir, 'src/analysis/audio/dsp.c'));
		const built = spawnSync('bash', [path.join(dir, 'scripts/build-dsp.sh')], {encoding: 'utf8', env: {...process.env, CLANG: clang}});
		expect(built.status, built.stderr).toBe(0);
		expect(readFileSync(path.join(dir, 'src/analysis/audio/dsp.wasm')).equals(readFileSync(path.join(PROJECT_ROOT, 'src/analysis/audio/dsp.wasm')))).toBe(true);
	});
});
