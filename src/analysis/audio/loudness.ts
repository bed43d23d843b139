// EBU R128 / ITU-R BS.1770-4 loudness of mono audio, measured here because
// the ffmpeg that Remotion ships has loudnorm but no ebur128 meter, and the
// narration is in memory anyway. K-weighting (a high shelf for the head, a
// high-pass for the ear), 400 ms blocks every 100 ms, gated at -70 LUFS and
// 10 LU below the ungated mean; true peak by 4× oversampling (BS.1770 annex 2).
// The per-sample loops run in WebAssembly (dsp.c); the set-up and the gating here.
import {arenaBytes, createArena, type Arena} from './dsp';
import type {PcmAudio} from './wav';

type Biquad = {b: [number, number, number]; a: [number, number]};

/** libebur128's derivation of the BS.1770 filters for any sample rate (the standard gives 48 kHz only). */
const kWeighting = (rate: number): [Biquad, Biquad] => {
	let K = Math.tan((Math.PI * 1681.974450955533) / rate);
	let Q = 0.7071752369554196;
	const Vh = 10 ** (3.999843853973347 / 20);
	const Vb = Vh ** 0.4996667741545416;
	let a0 = 1 + K / Q + K * K;
	const shelf: Biquad = {
		b: [(Vh + (Vb * K) / Q + K * K) / a0, (2 * (K * K - Vh)) / a0, (Vh - (Vb * K) / Q + K * K) / a0],
		a: [(2 * (K * K - 1)) / a0, (1 - K / Q + K * K) / a0],
	};
	K = Math.tan((Math.PI * 38.13547087602444) / rate);
	Q = 0.5003270373238773;
	a0 = 1 + K / Q + K * K;
	return [shelf, {b: [1, -2, 1], a: [(2 * (K * K - 1)) / a0, (1 - K / Q + K * K) / a0]}];
};

const toLufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);

export type LoudnessMeter = {
	/** The next stretch of the audio. */
	push: (samples: Float32Array) => void;
	/** Integrated loudness of all pushed so far, in LUFS; -Infinity for silence (no block above the absolute gate). */
	lufs: () => number;
};

/** How many sums `n` samples can read off where blocks start (or end): none past the first at a step of 0 (rates under 5 Hz). */
const marksIn = (n: number, step: number) => (step > 0 ? Math.floor(n / step) + 2 : 2);
/** Samples between the starts of 400 ms loudness blocks (100 ms). */
const blockStep = (sampleRate: number) => Math.round(sampleRate * 0.1);
/** The meter's part of an arena: its state, filters and the sums it reads off, for `n` samples at most. */
const meterBytes = (n: number, step: number) => arenaBytes(7 * 8, 10 * 8, 5 * 4, 8 * marksIn(n, step), 8 * marksIn(n, step));

/**
 * A meter that measures in an arena: `push(at, n)` takes the `n` samples at `at`,
 * in order, part by part. The same operations in the same order as over the
 * parts joined, so the same result to the bit.
 */
const createArenaMeter = (sampleRate: number) => {
	const [shelf, highPass] = kWeighting(sampleRate);
	const coef = Float64Array.of(...shelf.b, ...shelf.a, ...highPass.b, ...highPass.a);
	// Both filters in one pass, and a running sum of the weighted signal's square read off where
	// blocks start and end: each 400 ms block's energy is then one subtraction, not 0.4 s of samples
	// summed again for every 100 ms step.
	const block = Math.round(sampleRate * 0.4);
	const step = blockStep(sampleRate);
	const atStarts: number[] = [0]; // the running sum at 0, step, 2·step, …
	const atEnds: number[] = []; // … and at block, block + step, …
	let nextStart = step;
	let nextEnd = block;
	let done = 0; // samples pushed before this part
	const state = new Float64Array(7); // both filters' last inputs and outputs, and the running sum
	const push = (arena: Arena, at: number, n: number) => {
		const top = arena.mark();
		const cap = marksIn(n, step);
		const [statePtr, coefPtr, marksPtr, starts, ends] = [7 * 8, 10 * 8, 5 * 4, cap * 8, cap * 8].map(arena.alloc);
		arena.f64(statePtr, 7).set(state);
		arena.f64(coefPtr, 10).set(coef);
		const marks = arena.i32(marksPtr, 5);
		marks.set([nextStart - done, nextEnd - done, step, 0, 0]);
		arena.kernels.meter(at, n, statePtr, coefPtr, marksPtr, starts, ends);
		state.set(arena.f64(statePtr, 7));
		for (const sum of arena.f64(starts, marks[3])) atStarts.push(sum);
		for (const sum of arena.f64(ends, marks[4])) atEnds.push(sum);
		nextStart = marks[0] + done;
		nextEnd = marks[1] + done;
		done += n;
		arena.release(top);
	};
	const lufs = () => {
		const powers = atEnds.map((end, k) => (end - atStarts[k]) / block);
		const gated = (threshold: number) => powers.filter((p) => toLufs(p) > threshold);
		const absolute = gated(-70);
		if (absolute.length === 0) return -Infinity;
		const relative = toLufs(absolute.reduce((s, p) => s + p, 0) / absolute.length) - 10;
		const kept = absolute.filter((p) => toLufs(p) > relative);
		return toLufs(kept.reduce((s, p) => s + p, 0) / kept.length);
	};
	return {push, lufs, bytes: (n: number) => meterBytes(n, step)};
};

/**
 * An arena for parts that come as plain arrays (a sentence is ~0.5 MB): kept between parts,
 * replaced by a larger one when one does not fit. Audio larger than SCRATCH_MAX_BYTES (a whole
 * music bed) gets an arena of its own, so the process does not hold its size for good.
 */
const SCRATCH_MAX_BYTES = 8 * 2 ** 20;
let scratch: Arena | null = null; // empty between parts: each push gives back all it took
const scratchFor = (bytes: number): Arena => {
	if (bytes > SCRATCH_MAX_BYTES) return createArena(bytes);
	if (!scratch || scratch.free() < bytes) scratch = createArena(Math.min(SCRATCH_MAX_BYTES, bytes * 2));
	return scratch;
};

/** Integrated loudness of the `n` samples at `at` in `arena`. */
export const loudnessAt = (arena: Arena, at: number, n: number, sampleRate: number): number => {
	const meter = createArenaMeter(sampleRate);
	meter.push(arena, at, n);
	return meter.lufs();
};
/** What loudnessAt allocates (and gives back) in an arena for `n` samples. */
export const loudnessBytes = (n: number, sampleRate: number) => meterBytes(n, blockStep(sampleRate));

/** The meter for audio that arrives in parts, in order (a narration, sentence by sentence). */
export const createLoudnessMeter = (sampleRate: number): LoudnessMeter => {
	const meter = createArenaMeter(sampleRate);
	return {
		push: (samples) => {
			const arena = scratchFor(arenaBytes(samples.byteLength) + meter.bytes(samples.length));
			const top = arena.mark();
			meter.push(arena, arena.place(samples), samples.length);
			arena.release(top);
		},
		lufs: meter.lufs,
	};
};

/** Integrated loudness in LUFS; -Infinity for silence (no block above the absolute gate). */
export const integratedLoudness = ({samples, sampleRate}: PcmAudio): number => {
	const meter = createLoudnessMeter(sampleRate);
	meter.push(samples);
	return meter.lufs();
};

/** Windowed-sinc interpolator taps for `phase`/4 of the way between samples. */
const OVERSAMPLE = 4;
const TAPS = 16;
const PHASES: Float64Array[] = Array.from({length: OVERSAMPLE}, (_, phase) => {
	const taps = new Float64Array(TAPS);
	for (let k = 0; k < TAPS; k++) {
		const t = k - TAPS / 2 + 1 - phase / OVERSAMPLE; // distance from the interpolated point
		const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
		const window = 0.5 + 0.5 * Math.cos((Math.PI * t) / (TAPS / 2)); // Hann
		taps[k] = sinc * window;
	}
	return taps;
});
/**
 * No point between samples exceeds the largest |sample| its taps read times this (the worst phase's
 * Σ|tap|), with room for the sums' rounding. dsp.c skips the stretches this bounds below what is asked.
 */
const TAP_GAIN = Math.max(...PHASES.map((taps) => taps.reduce((sum, t) => sum + Math.abs(t), 0))) * (1 + 1e-9);
/** What tapsAt may take from an arena. */
export const TRUE_PEAK_BYTES = OVERSAMPLE * TAPS * 8;

/** The taps, written once into each arena that needs them. */
const tapsIn = new WeakMap<Arena, number>();
const tapsAt = (arena: Arena): number => {
	let at = tapsIn.get(arena);
	if (at === undefined) {
		at = arena.alloc(TRUE_PEAK_BYTES);
		PHASES.forEach((taps, phase) => arena.f64(at! + phase * TAPS * 8, TAPS).set(taps));
		tapsIn.set(arena, at);
	}
	return at;
};

/**
 * Per sample, the highest absolute value of the reconstructed waveform from
 * this sample to the next (the sample itself and three points between), for
 * the `n` samples at `at`, into `out`.
 *
 * With a `floor`, only where that can exceed the floor, or reach the highest
 * sample, is it computed; elsewhere an entry holds the sample's own |value|,
 * which is no more than the floor. Speech is mostly far below its peaks, so
 * this skips most of the oversampling, and the envelope's maximum and every
 * comparison with a level at or above the floor come out as exact.
 */
export const envelopeAt = (arena: Arena, at: number, n: number, out: number, floor = 0): void =>
	arena.kernels.envelope(at, n, out, floor, tapsAt(arena), TAP_GAIN);

/** The envelope of `samples` (see envelopeAt), in an arena of its own. */
export const truePeakEnvelope = (samples: Float32Array, floor = 0): Float32Array => {
	const arena = createArena(arenaBytes(samples.byteLength, samples.byteLength, TRUE_PEAK_BYTES));
	const out = arena.alloc(samples.byteLength);
	envelopeAt(arena, arena.place(samples), samples.length, out, floor);
	return arena.f32(out, samples.length);
};

/** The highest point of the `n`-entry true-peak envelope at `at`, in dBTP; -Infinity for silence. */
export const envelopePeakDbAt = (arena: Arena, at: number, n: number): number => 20 * Math.log10(arena.kernels.highest(at, n));

/**
 * True peak in dBTP of the `n` samples at `at`; -Infinity for silence. The
 * envelope's maximum, found stretch by stretch without storing it: a minute of
 * narration's envelope is 5 MB of fresh memory, which costs more here to touch
 * than to compute (see docs/performance.md).
 */
export const truePeakDbAt = (arena: Arena, at: number, n: number): number => 20 * Math.log10(arena.kernels.true_peak(at, n, tapsAt(arena), TAP_GAIN));

/** True peak in dBTP; -Infinity for silence. */
export const truePeakDb = (samples: Float32Array): number => {
	const arena = createArena(arenaBytes(samples.byteLength, TRUE_PEAK_BYTES));
	return truePeakDbAt(arena, arena.place(samples), samples.length);
};
