// Band-limited resampling by windowed sinc, for audio handed over as samples
// (files go through ffmpeg, which resamples natively). The acoustic model
// looks up to 6.8 kHz, inside the pass band (95 % of 8 kHz) at its 16 kHz, so
// a short kernel is plenty.
import type {Pcm} from './types';

/** Kernel half-width, in zero crossings of the lower of the two Nyquist rates. */
const ZERO_CROSSINGS = 8;
/** Pass band as a share of the lower Nyquist rate (the rest is the transition band). */
const PASS = 0.95;
/** Kernel table points per input sample; linear interpolation between them. */
const TABLE_RES = 256;

const kernelTable = (cutoff: number, halfWidth: number): Float32Array => {
	const table = new Float32Array(Math.ceil(halfWidth * TABLE_RES) + 2);
	for (let k = 0; k < table.length; k++) {
		const x = k / TABLE_RES;
		if (x > halfWidth) break;
		const arg = Math.PI * cutoff * x;
		const sinc = x === 0 ? 1 : Math.sin(arg) / arg;
		const w = 0.42 + 0.5 * Math.cos((Math.PI * x) / halfWidth) + 0.08 * Math.cos((2 * Math.PI * x) / halfWidth); // Blackman
		table[k] = cutoff * sinc * w;
	}
	return table;
};

/** `targetRate` must be a positive integer; mono in, mono out. */
export const resample = ({samples, sampleRate}: Pcm, targetRate: number): Pcm => {
	if (!(sampleRate > 0) || !(targetRate > 0)) throw new Error(`resample: rates must be positive, got ${sampleRate} → ${targetRate}`);
	if (sampleRate === targetRate) return {samples, sampleRate};
	const ratio = targetRate / sampleRate;
	const cutoff = Math.min(1, ratio) * PASS;
	const halfWidth = ZERO_CROSSINGS / cutoff;
	const table = kernelTable(cutoff, halfWidth);
	const n = samples.length;
	const out = new Float32Array(Math.floor(n * ratio));
	for (let j = 0; j < out.length; j++) {
		const center = j / ratio;
		const from = Math.max(0, Math.ceil(center - halfWidth));
		const to = Math.min(n - 1, Math.floor(center + halfWidth));
		let acc = 0;
		for (let i = from; i <= to; i++) {
			const pos = Math.abs(i - center) * TABLE_RES;
			const k = Math.floor(pos);
			const frac = pos - k;
			acc += samples[i] * (table[k] + (table[k + 1] - table[k]) * frac);
		}
		out[j] = acc;
	}
	return {samples: out, sampleRate: targetRate};
};
