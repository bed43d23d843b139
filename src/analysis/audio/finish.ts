// The narration's last step: to a set integrated loudness (EBU R128; -16 LUFS
// is what podcast and short-video platforms play speech at), with a true-peak
// limiter so the gain never clips or overshoots between samples once encoded.
import {envelopePeakDb, integratedLoudness, truePeakDb, truePeakEnvelope} from './loudness';
import type {PcmAudio} from './wav';

export type FinishOptions = {
	/** @default -16 */
	targetLufs: number;
	/** Limiter ceiling; AAC encoding adds a few tenths of a dB of overshoot, hence the margin below -1. @default -1.5 */
	ceilingDbtp: number;
};
export const defaultFinishOptions: FinishOptions = {targetLufs: -16, ceilingDbtp: -1.5};

export type LoudnessReport = {lufs: number; truePeakDb: number};
export type FinishResult = {samples: Float32Array; before: LoudnessReport; after: LoudnessReport; gainDb: number};

/** A peak is seen this far ahead, so the gain is already down when it arrives. */
const LOOKAHEAD_MS = 5;
/** After a peak the gain comes back up with this time constant (slow enough not to pump). */
const RELEASE_MS = 80;

/**
 * Lookahead limiter. With r = the required gain's minimum over the next L
 * samples, released slowly, and the output gain the mean of r over the last
 * L + 1 samples, every gain averaged at sample i is at most what sample i
 * needs, so the ceiling holds and the gain moves without steps.
 */
export const limitTruePeak = (samples: Float32Array, sampleRate: number, ceilingDbtp: number, envelope = truePeakEnvelope(samples)): Float32Array => {
	const ceiling = 10 ** (ceilingDbtp / 20);
	const n = samples.length;
	const L = Math.max(1, Math.round((sampleRate * LOOKAHEAD_MS) / 1000));
	const need = new Float64Array(n);
	for (let i = 0; i < n; i++) need[i] = envelope[i] > ceiling ? ceiling / envelope[i] : 1;
	const released = new Float64Array(n);
	const rise = 1 - Math.exp(-1000 / (RELEASE_MS * sampleRate));
	let gain = 1;
	// Sliding minimum of need[i..i+L] with a monotonic queue of indices: O(n) rather than O(n·L).
	const queue = new Int32Array(n);
	let head = 0;
	let tail = 0;
	for (let j = 0; j < Math.min(n, L + 1); j++) {
		while (tail > head && need[queue[tail - 1]] >= need[j]) tail--;
		queue[tail++] = j;
	}
	for (let i = 0; i < n; i++) {
		while (queue[head] < i) head++;
		gain = Math.min(need[queue[head]], gain + (1 - gain) * rise);
		released[i] = gain;
		const next = i + L + 1;
		if (next < n) {
			while (tail > head && need[queue[tail - 1]] >= need[next]) tail--;
			queue[tail++] = next;
		}
	}
	const out = new Float32Array(n);
	let sum = 0;
	for (let i = 0; i < n; i++) {
		sum += released[i] - (i > L ? released[i - L - 1] : 0);
		out[i] = (samples[i] * sum) / Math.min(i + 1, L + 1);
	}
	return out;
};

const report = (samples: Float32Array, sampleRate: number, lufs = integratedLoudness({samples, sampleRate})): LoudnessReport => ({lufs, truePeakDb: truePeakDb(samples)});

/** The factor is worked out once: `10 **` per sample was a third of the finish's CPU time, for the same bits. */
const scaled = (samples: Float32Array, factor: number): Float32Array => {
	const out = new Float32Array(samples.length);
	for (let i = 0; i < samples.length; i++) out[i] = samples[i] * factor;
	return out;
};

/** Limiting loud peaks lowers the loudness a little; a few corrections bring it back to the target. */
const PASSES = 3;

/** Gain to the target, then the limiter, corrected until within 0.2 LU. Silence stays silence. */
export const finishLoudness = ({samples, sampleRate}: PcmAudio, options: FinishOptions = defaultFinishOptions): FinishResult => {
	// The interpolation is linear, so the true-peak envelope of the gained narration is the
	// envelope of the narration times the gain (to float rounding): it is computed once, not
	// once per pass; it was most of the finish's time.
	const envelope = truePeakEnvelope(samples);
	const before = {lufs: integratedLoudness({samples, sampleRate}), truePeakDb: envelopePeakDb(envelope)};
	if (!Number.isFinite(before.lufs)) return {samples, before, after: before, gainDb: 0};
	const limited = (gainDb: number) => {
		const factor = 10 ** (gainDb / 20);
		return limitTruePeak(scaled(samples, factor), sampleRate, options.ceilingDbtp, scaled(envelope, factor));
	};
	let gainDb = options.targetLufs - before.lufs;
	let out = limited(gainDb);
	// The loudness of `out` when it was last measured (undefined after a new pass): the report reuses it.
	let outLufs: number | undefined;
	for (let pass = 1; pass < PASSES; pass++) {
		outLufs = integratedLoudness({samples: out, sampleRate});
		const shortBy = options.targetLufs - outLufs;
		if (Math.abs(shortBy) <= 0.2) break;
		gainDb += shortBy;
		out = limited(gainDb);
		outLufs = undefined;
	}
	return {samples: out, before, after: report(out, sampleRate, outLufs), gainDb};
};
