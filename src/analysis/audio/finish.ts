// The narration's last step: to a set integrated loudness (EBU R128; -16 LUFS
// is what podcast and short-video platforms play speech at), with a true-peak
// limiter so the gain never clips or overshoots between samples once encoded.
import {envelopePeakDb, integratedLoudness, truePeakDb, truePeakEnvelope} from './loudness';
import {encodeWav, type PcmAudio} from './wav';

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
 * needs, so the ceiling holds and the gain moves without steps. Between
 * samples it holds to within a few hundredths of a dB (−1.49 dBTP for a −1.5
 * ceiling on loud noise): the interpolation there mixes neighbours the gain
 * scales a little differently.
 */
export const limitTruePeak = (samples: Float32Array, sampleRate: number, ceilingDbtp: number, envelope = truePeakEnvelope(samples)): Float32Array =>
	limitScaled({samples, envelope, factor: 1, sampleRate, ceilingDbtp, out: new Float32Array(samples.length)});

/**
 * The limiter on `samples` × `factor` (each product rounded to float32, as a
 * scaled copy would hold it), written into `out`. One pass with ring buffers
 * of at least L + 2 entries: the finish runs it up to three times over a minute of
 * narration, and the n-sized scaled copies and gain arrays it used to fill
 * cost more than the arithmetic (fresh pages from the kernel). Same
 * operations in the same order as those arrays, so the same bits.
 */
const limitScaled = ({samples, envelope, factor, sampleRate, ceilingDbtp, out}: {
	samples: Float32Array;
	envelope: Float32Array;
	factor: number;
	sampleRate: number;
	ceilingDbtp: number;
	out: Float32Array;
}): Float32Array => {
	const ceiling = 10 ** (ceilingDbtp / 20);
	const n = samples.length;
	// Times a fractional constant, not divided by 1000: the warm-up's rate gives whole quotients, a real one
	// (22050 Hz) does not, and code compiled for whole numbers was thrown away on the call that mattered.
	const L = Math.max(1, Math.round(sampleRate * (LOOKAHEAD_MS / 1000)));
	// Ring size: a power of two (a mask, not a division) of at least L + 2, so indices i-L-1 .. i+L+1
	// never share a slot while both are needed.
	const M = 2 ** Math.ceil(Math.log2(L + 2)) - 1;
	const need = new Float64Array(M + 1);
	const released = new Float64Array(M + 1);
	const queue = new Int32Array(M + 1); // monotonic queue of indices (sliding minimum of need over i..i+L)
	let head = 0;
	let tail = 0;
	const rise = 1 - Math.exp(-1000 / (RELEASE_MS * sampleRate));
	let gain = 1;
	let sum = 0;
	// One loop, L + 1 steps ahead of the output: sample i's gain is taken from the queue holding i .. i + L,
	// then sample i + L + 1 joins it (the first L + 1 steps only fill it). Written out here rather than as a
	// helper function: 30 % faster.
	for (let i = -L - 1; i < n; i++) {
		if (i >= 0) {
			while (queue[head & M] < i) head++;
			gain = Math.min(need[queue[head & M] & M], gain + (1 - gain) * rise);
			released[i & M] = gain;
			sum += gain - (i > L ? released[(i - L - 1) & M] : 0);
			out[i] = (Math.fround(samples[i] * factor) * sum) / Math.min(i + 1, L + 1);
		}
		const j = i + L + 1;
		if (j < n) {
			const e = Math.fround(envelope[j] * factor);
			const v = e > ceiling ? ceiling / e : 1;
			need[j & M] = v;
			while (tail > head && need[queue[(tail - 1) & M] & M] >= v) tail--;
			queue[tail++ & M] = j;
		}
	}
	return out;
};

const report = (samples: Float32Array, sampleRate: number, lufs = integratedLoudness({samples, sampleRate})): LoudnessReport => ({lufs, truePeakDb: truePeakDb(samples)});

/** Limiting loud peaks lowers the loudness a little; a few corrections bring it back to the target. */
const PASSES = 3;
/** How far above the first gain the corrections may go before the envelope must be computed further. */
const CORRECTION_ROOM_DB = 6;

/**
 * Gain to the target, then the limiter, corrected until within 0.2 LU. Silence stays silence.
 * `lufs`: the audio's integrated loudness, if it was measured already (e.g. part by part as it
 * was made, see createLoudnessMeter).
 */
export const finishLoudness = ({samples, sampleRate, lufs: measured}: PcmAudio & {lufs?: number}, options: FinishOptions = defaultFinishOptions): FinishResult => {
	const lufs = measured ?? integratedLoudness({samples, sampleRate});
	if (!Number.isFinite(lufs)) {
		const silent = {lufs, truePeakDb: truePeakDb(samples)};
		return {samples, before: silent, after: silent, gainDb: 0};
	}
	let gainDb = options.targetLufs - lufs;
	// The interpolation is linear, so the true-peak envelope of the gained narration is the
	// envelope of the narration times the gain (to float rounding): it is computed once, not
	// once per pass, and only where the gain could lift it to the ceiling (see truePeakEnvelope's
	// floor), with room for the corrections below; a larger correction computes it again.
	const ceiling = 10 ** (options.ceilingDbtp / 20);
	const floorFor = (db: number) => ceiling / 10 ** ((db + CORRECTION_ROOM_DB) / 20);
	let floor = floorFor(gainDb);
	let envelope = truePeakEnvelope(samples, floor);
	const before = {lufs, truePeakDb: envelopePeakDb(envelope)};
	// One output buffer for every pass (a pass's result is measured before the next overwrites it).
	const buffer = new Float32Array(samples.length);
	const limited = (db: number) => {
		// The factor is worked out once per pass: `10 **` per sample was a third of the finish's CPU time.
		const factor = 10 ** (db / 20);
		// Every entry left below the floor must stay at or under the ceiling once scaled (float32 rounding aside).
		if (floor * factor > ceiling * (1 - 1e-6)) envelope = truePeakEnvelope(samples, (floor = floorFor(db)));
		return limitScaled({samples, envelope, factor, sampleRate, ceilingDbtp: options.ceilingDbtp, out: buffer});
	};
	let out = limited(gainDb);
	// The loudness of `out` when it was last measured (undefined after a new pass): the report reuses it.
	let outLufs: number | undefined;
	let last: {gainDb: number; lufs: number} | null = null;
	for (let pass = 1; pass < PASSES; pass++) {
		outLufs = integratedLoudness({samples: out, sampleRate});
		const shortBy = options.targetLufs - outLufs;
		if (Math.abs(shortBy) <= 0.2) break;
		// The limiter takes back part of any added gain: from the second correction on, the step is
		// scaled by how much loudness the last one bought (a secant step). Adding the shortfall alone
		// left a heavily limited narration 0.3 LU short after three passes.
		const slope = last ? (outLufs - last.lufs) / (gainDb - last.gainDb) : 1;
		last = {gainDb, lufs: outLufs};
		gainDb += shortBy / Math.min(1, Math.max(0.5, Number.isFinite(slope) ? slope : 1));
		out = limited(gainDb);
		outLufs = undefined;
	}
	return {samples: out, before, after: report(out, sampleRate, outLufs), gainDb};
};

/** Calls, and samples per call, that get the finish's loops optimised (see warmUpFinish). */
const WARM_UP_CALLS = 20;
const WARM_UP_SAMPLES = 4096; // at 8 kHz: two loudness blocks (one would read as silence)

/**
 * Has V8 compile the finish's loops (and the WAV encoder's) before the one
 * call that matters, e.g. while the engine speaks and this thread waits. A
 * loop's first run over a minute of audio goes through on-stack-replaced code,
 * several times slower than the function's own optimised code (one meter pass
 * over 1.2 M samples: 25–35 ms, against 5 ms once optimised; measured here);
 * twenty calls on a short signal (about 30 ms the first time, 10–15 ms after)
 * get every loop optimised first. Changes no result.
 */
export const warmUpFinish = (): void => {
	// Quiet noise with a loud burst: the gain to the target lifts the burst over the ceiling, so the
	// limiter and both of the envelope's paths (computed, skipped) run.
	let seed = 1;
	const samples = Float32Array.from({length: WARM_UP_SAMPLES}, (_, i) => {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		return (seed / 2 ** 31 - 0.5) * (i % 512 < 64 ? 1.8 : 0.02);
	});
	for (let k = 0; k < WARM_UP_CALLS; k++) encodeWav({samples: finishLoudness({samples, sampleRate: 8000}).samples, sampleRate: 8000});
};
