// The narration's last step: to a set integrated loudness (EBU R128; -16 LUFS
// is what podcast and short-video platforms play speech at), with a true-peak
// limiter so the gain never clips or overshoots between samples once encoded.
import {arenaBytes, createArena, type Arena} from './dsp';
import {envelopeAt, envelopePeakDbAt, loudnessAt, loudnessBytes, TRUE_PEAK_BYTES, truePeakDbAt} from './loudness';
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

/** The limiter's lookahead in samples, and its ring buffers' size: a power of two (a mask, not a division) of at least L + 2. */
const lookahead = (sampleRate: number) => Math.max(1, Math.round(sampleRate * (LOOKAHEAD_MS / 1000)));
const ringSize = (sampleRate: number) => 2 ** Math.ceil(Math.log2(lookahead(sampleRate) + 2));
/** The limiter's ring buffers in an arena: `need` and `released` (doubles), `queue` (indices). */
const limiterBytes = (sampleRate: number) => {
	const size = ringSize(sampleRate);
	return arenaBytes(size * 8, size * 8, size * 4);
};

/**
 * Lookahead limiter. With r = the required gain's minimum over the next L
 * samples, released slowly, and the output gain the mean of r over the last
 * L + 1 samples, every gain averaged at sample i is at most what sample i
 * needs, so the ceiling holds and the gain moves without steps. Between
 * samples it holds to within a few hundredths of a dB (−1.49 dBTP for a −1.5
 * ceiling on loud noise): the interpolation there mixes neighbours the gain
 * scales a little differently.
 */
export const limitTruePeak = (samples: Float32Array, sampleRate: number, ceilingDbtp: number): Float32Array => {
	const n = samples.length;
	const arena = createArena(arenaBytes(samples.byteLength, n * 4, n * 4, limiterBytes(sampleRate), TRUE_PEAK_BYTES));
	const at = arena.place(samples);
	const envelope = arena.alloc(n * 4);
	envelopeAt(arena, at, n, envelope);
	const out = arena.alloc(n * 4);
	limitAt({arena, at, envelope, n, factor: 1, sampleRate, ceilingDbtp, out, rings: arena.alloc(limiterBytes(sampleRate))});
	return arena.f32(out, n);
};

/**
 * The limiter on the `n` samples at `at` × `factor` (each product rounded to
 * float32, as a scaled copy would hold it), written to `out`; `envelope` is
 * the samples' true-peak envelope (the scaled samples' is it × factor, to
 * float rounding). One pass (dsp.c) with ring buffers of at least L + 2
 * entries: the finish runs it up to three times over a minute of narration,
 * and n-sized scaled copies and gain arrays would cost more than the
 * arithmetic (fresh pages from the kernel).
 */
const limitAt = ({arena, at, envelope, n, factor, sampleRate, ceilingDbtp, out, rings}: {
	arena: Arena;
	at: number;
	envelope: number;
	n: number;
	factor: number;
	sampleRate: number;
	ceilingDbtp: number;
	out: number;
	rings: number;
}): void => {
	const size = ringSize(sampleRate);
	const rise = 1 - Math.exp(-1000 / (RELEASE_MS * sampleRate));
	const ceiling = 10 ** (ceilingDbtp / 20);
	arena.kernels.limit(at, envelope, n, factor, ceiling, lookahead(sampleRate), rise, size - 1, rings, rings + size * 8, rings + size * 16, out);
};

/** Limiting loud peaks lowers the loudness a little; a few corrections bring it back to the target. */
const PASSES = 3;
/** How far above the first gain the corrections may go before the envelope must be computed further. */
const CORRECTION_ROOM_DB = 6;

/** Arenas made by finishBuffer, by their memory. */
const finishArenas = new WeakMap<ArrayBuffer, Arena>();
/** What the finish allocates beside the samples. */
const finishBytes = (n: number, sampleRate: number) =>
	arenaBytes(n * 4, n * 4, limiterBytes(sampleRate), TRUE_PEAK_BYTES) + loudnessBytes(n, sampleRate);

/**
 * An array of `length` samples that finishLoudness works on where it lies,
 * with room beside it for all the finish needs: no copy of a minute of
 * narration into fresh memory. Fill it, then finish it once.
 */
export const finishBuffer = (length: number, sampleRate: number): Float32Array => {
	const arena = createArena(arenaBytes(length * 4) + finishBytes(length, sampleRate));
	finishArenas.set(arena.memory.buffer, arena);
	return arena.f32(arena.alloc(length * 4), length);
};

/**
 * Gain to the target, then the limiter, corrected until within 0.2 LU. Silence stays silence.
 * `lufs`: the audio's integrated loudness, if it was measured already (e.g. part by part as it
 * was made, see createLoudnessMeter). The finished samples lie in WebAssembly memory of their own.
 */
export const finishLoudness = ({samples, sampleRate, lufs: measured}: PcmAudio & {lufs?: number}, options: FinishOptions = defaultFinishOptions): FinishResult => {
	const n = samples.length;
	const bytes = finishBytes(n, sampleRate);
	const own = finishArenas.get(samples.buffer as ArrayBuffer);
	const arena = own && own.free() >= bytes ? own : createArena(arenaBytes(samples.byteLength) + bytes);
	const at = arena.place(samples);
	const lufs = measured ?? loudnessAt(arena, at, n, sampleRate);
	if (!Number.isFinite(lufs)) {
		const silent = {lufs, truePeakDb: truePeakDbAt(arena, at, n)};
		return {samples, before: silent, after: silent, gainDb: 0};
	}
	let gainDb = options.targetLufs - lufs;
	// The interpolation is linear, so the true-peak envelope of the gained narration is the
	// envelope of the narration times the gain (to float rounding): it is computed once, not
	// once per pass, and only where the gain could lift it to the ceiling (see envelopeAt's
	// floor), with room for the corrections below; a larger correction computes it again.
	const ceiling = 10 ** (options.ceilingDbtp / 20);
	const floorFor = (db: number) => ceiling / 10 ** ((db + CORRECTION_ROOM_DB) / 20);
	let floor = floorFor(gainDb);
	const envelope = arena.alloc(n * 4);
	envelopeAt(arena, at, n, envelope, floor);
	const before = {lufs, truePeakDb: envelopePeakDbAt(arena, envelope, n)};
	// One output buffer for every pass (a pass's result is measured before the next overwrites it).
	const out = arena.alloc(n * 4);
	const rings = arena.alloc(limiterBytes(sampleRate));
	const limited = (db: number) => {
		// The factor is worked out once per pass: `10 **` per sample was a third of the finish's CPU time.
		const factor = 10 ** (db / 20);
		// Every entry left below the floor must stay at or under the ceiling once scaled (float32 rounding aside).
		if (floor * factor > ceiling * (1 - 1e-6)) envelopeAt(arena, at, n, envelope, (floor = floorFor(db)));
		limitAt({arena, at, envelope, n, factor, sampleRate, ceilingDbtp: options.ceilingDbtp, out, rings});
	};
	limited(gainDb);
	// The loudness of `out` when it was last measured (undefined after a new pass): the report reuses it.
	let outLufs: number | undefined;
	let last: {gainDb: number; lufs: number} | null = null;
	for (let pass = 1; pass < PASSES; pass++) {
		outLufs = loudnessAt(arena, out, n, sampleRate);
		const shortBy = options.targetLufs - outLufs;
		if (Math.abs(shortBy) <= 0.2) break;
		// The limiter takes back part of any added gain: from the second correction on, the step is
		// scaled by how much loudness the last one bought (a secant step). Adding the shortfall alone
		// left a heavily limited narration 0.3 LU short after three passes.
		const slope = last ? (outLufs - last.lufs) / (gainDb - last.gainDb) : 1;
		last = {gainDb, lufs: outLufs};
		gainDb += shortBy / Math.min(1, Math.max(0.5, Number.isFinite(slope) ? slope : 1));
		limited(gainDb);
		outLufs = undefined;
	}
	const after = {lufs: outLufs ?? loudnessAt(arena, out, n, sampleRate), truePeakDb: truePeakDbAt(arena, out, n)};
	return {samples: arena.f32(out, n), before, after, gainDb};
};
