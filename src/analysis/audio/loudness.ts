// EBU R128 / ITU-R BS.1770-4 loudness of mono audio, measured here because
// the ffmpeg that Remotion ships has loudnorm but no ebur128 meter, and the
// narration is in memory anyway. K-weighting (a high shelf for the head, a
// high-pass for the ear), 400 ms blocks every 100 ms, gated at -70 LUFS and
// 10 LU below the ungated mean; true peak by 4× oversampling (BS.1770 annex 2).
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

/**
 * The meter for audio that arrives in parts, in order (a narration, sentence by
 * sentence): the same operations in the same order as over the parts joined, so
 * the same result to the bit.
 */
export const createLoudnessMeter = (sampleRate: number): LoudnessMeter => {
	const [shelf, highPass] = kWeighting(sampleRate);
	const [b0, b1, b2] = shelf.b;
	const [a1, a2] = shelf.a;
	const [c0, c1, c2] = highPass.b;
	const [d1, d2] = highPass.a;
	// Both filters in one pass, and a running sum of the weighted signal's square read off where
	// blocks start and end: each 400 ms block's energy is then one subtraction, not 0.4 s of samples
	// summed again for every 100 ms step, and no n-sized array is filled (the finish measures up to
	// four times; fresh pages from the kernel cost more than the filters).
	const block = Math.round(sampleRate * 0.4);
	const step = Math.round(sampleRate * 0.1);
	const atStarts: number[] = [0]; // the running sum at 0, step, 2·step, …
	const atEnds: number[] = []; // … and at block, block + step, …
	let nextStart = step;
	let nextEnd = block;
	let done = 0; // samples pushed before this part
	// Both filters' last inputs and outputs, and the running sum: kept between parts in a Float64Array, as
	// plain doubles. Read from the closure's own variables, the loop's running values started out as
	// V8's generic values and stayed boxed: a fresh heap number every sample (~1.5 GB/s of garbage).
	const state = new Float64Array(7);
	const push = (samples: Float32Array) => {
		// Everything the loop touches in locals (V8 keeps them in registers; the closure's variables
		// are loads and stores through its context, 3× slower here), back in `state` after.
		let p1 = state[0], p2 = state[1], q1 = state[2], q2 = state[3], r1 = state[4], r2 = state[5], sum = state[6];
		let blockStart = nextStart - done, blockEnd = nextEnd - done;
		const k0 = b0, k1 = b1, k2 = b2, h1 = a1, h2 = a2, m0 = c0, m1 = c1, m2 = c2, g1 = d1, g2 = d2;
		const n = samples.length;
		for (let i = 0; i < n; i++) {
			const x = samples[i];
			const y = k0 * x + k1 * p1 + k2 * p2 - h1 * q1 - h2 * q2;
			const w = m0 * y + m1 * q1 + m2 * q2 - g1 * r1 - g2 * r2;
			p2 = p1; p1 = x; q2 = q1; q1 = y; r2 = r1; r1 = w;
			sum += w * w;
			if (i + 1 === blockStart) {
				atStarts.push(sum);
				blockStart += step;
			}
			if (i + 1 === blockEnd) {
				atEnds.push(sum);
				blockEnd += step;
			}
		}
		state.set([p1, p2, q1, q2, r1, r2, sum]);
		nextStart = blockStart + done;
		nextEnd = blockEnd + done;
		done += n;
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
	return {push, lufs};
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

/** The envelope from sample `from` to `to` (exclusive), into `out` from index `from - shift`. */
const envelopeRange = (samples: Float32Array, out: Float32Array, from: number, to: number, shift = 0): void => {
	const n = samples.length;
	const reach = TAPS / 2 - 1; // taps before the sample
	const [, p1, p2, p3] = PHASES;
	for (let i = from; i < to; i++) {
		let peak = Math.abs(samples[i]);
		if (i >= reach && i < n - TAPS / 2) {
			// Away from the ends every tap exists: no bounds checks, three phases in one pass. It sums in
			// the same order as the edge path, so the result is the same to the bit, about 3× sooner.
			let a1 = 0;
			let a2 = 0;
			let a3 = 0;
			for (let k = 0, j = i - reach; k < TAPS; k++, j++) {
				const v = samples[j];
				a1 += v * p1[k];
				a2 += v * p2[k];
				a3 += v * p3[k];
			}
			out[i - shift] = Math.max(peak, Math.abs(a1), Math.abs(a2), Math.abs(a3));
			continue;
		}
		for (let phase = 1; phase < OVERSAMPLE; phase++) {
			const taps = PHASES[phase];
			let acc = 0;
			for (let k = 0; k < TAPS; k++) {
				const j = i + k - TAPS / 2 + 1;
				if (j >= 0 && j < n) acc += samples[j] * taps[k];
			}
			peak = Math.max(peak, Math.abs(acc));
		}
		out[i - shift] = peak;
	}
};

/**
 * No point between samples exceeds the largest |sample| its taps read times this (the worst phase's
 * Σ|tap|), with room for the sums' rounding.
 */
const TAP_GAIN = Math.max(...PHASES.map((taps) => taps.reduce((sum, t) => sum + Math.abs(t), 0))) * (1 + 1e-9);
/** Samples per stretch that is either computed or bounded as a whole. */
const STRETCH = 32;

const highestSample = (samples: Float32Array): number => {
	let highest = 0;
	for (let i = 0; i < samples.length; i++) highest = Math.max(highest, Math.abs(samples[i]));
	return highest;
};

/** No point of the envelope from `from` to `to` exceeds this: the largest |sample| their taps read, times TAP_GAIN. */
const stretchBound = (samples: Float32Array, from: number, to: number): number => {
	let reached = 0;
	for (let j = Math.max(0, from - TAPS / 2 + 1); j < Math.min(samples.length, to + TAPS / 2); j++) reached = Math.max(reached, Math.abs(samples[j]));
	return reached * TAP_GAIN;
};

/**
 * Per sample, the highest absolute value of the reconstructed waveform from
 * this sample to the next (the sample itself and three points between).
 *
 * With a `floor`, only where that can exceed the floor, or reach the highest
 * sample, is it computed; elsewhere an entry holds the sample's own |value|,
 * which is no more than the floor. Speech is mostly far below its peaks, so
 * this skips most of the oversampling, and the envelope's maximum and every
 * comparison with a level at or above the floor come out as exact.
 */
export const truePeakEnvelope = (samples: Float32Array, floor = 0): Float32Array => {
	const n = samples.length;
	const out = new Float32Array(n);
	if (!(floor > 0)) {
		envelopeRange(samples, out, 0, n);
		return out;
	}
	const limit = Math.min(floor, highestSample(samples));
	for (let from = 0; from < n; from += STRETCH) {
		const to = Math.min(n, from + STRETCH);
		if (stretchBound(samples, from, to) >= limit) envelopeRange(samples, out, from, to);
		else for (let i = from; i < to; i++) out[i] = Math.abs(samples[i]);
	}
	return out;
};

/** The highest point of a true-peak envelope, in dBTP; -Infinity for silence. */
export const envelopePeakDb = (envelope: Float32Array): number => {
	let peak = 0;
	for (let i = 0; i < envelope.length; i++) peak = Math.max(peak, envelope[i]);
	return 20 * Math.log10(peak);
};

/**
 * True peak in dBTP; -Infinity for silence. The envelope's maximum as
 * truePeakEnvelope(samples, Infinity) finds it, stretch by stretch, without
 * storing it: a minute of narration's envelope is 5 MB of fresh memory, which
 * costs more here to touch than to compute (see docs/performance.md).
 */
export const truePeakDb = (samples: Float32Array): number => {
	const n = samples.length;
	const highest = highestSample(samples);
	if (highest === 0) return -Infinity;
	const scratch = new Float32Array(STRETCH);
	let peak = highest; // no stretch skipped below holds more than this
	for (let from = 0; from < n; from += STRETCH) {
		const to = Math.min(n, from + STRETCH);
		if (stretchBound(samples, from, to) < highest) continue;
		envelopeRange(samples, scratch, from, to, from);
		for (let i = 0; i < to - from; i++) peak = Math.max(peak, scratch[i]);
	}
	return 20 * Math.log10(peak);
};
