// Where there is sound above the recording's own noise floor, in 5 ms steps.
// Three bands, each against its own floor: hum and rumble sit low, breath and
// fricatives high, so a weak "th" still shows in the top band over a humming room.
import type {Pcm} from './types';

export const HOP_MS = 5;
/** Frame length; twice the hop. */
const WINDOW_MS = 10;
const BANDS: [number, number][] = [
	[100, 1000],
	[1000, 3000],
	[3000, 7600],
];
/** The floor is this low percentile of a band's frame levels: pauses and quiet moments. */
const FLOOR_PERCENTILE = 0.1;
/** Audio whose loudest moment is below this (dBFS) is treated as silence. */
const SILENT_PEAK_DB = -60;
/** Speech spans 20 dB and more; steady noise hardly 3. */
const MIN_DYNAMIC_RANGE_DB = 8;

export type Activity = {
	/** Per frame: dB above the floor in the band that stands out most. */
	levelDb: Float32Array;
	/** Loudest frame, dBFS. */
	peakDb: number;
	/** 99th minus 10th percentile of the loudest band's levels. */
	rangeDb: number;
};

type Biquad = {b0: number; b1: number; b2: number; a1: number; a2: number};

/** RBJ cookbook second-order Butterworth section. */
const design = (kind: 'low' | 'high', hz: number, rate: number): Biquad => {
	const w = (2 * Math.PI * Math.min(hz, rate * 0.45)) / rate;
	const alpha = Math.sin(w) / Math.SQRT2;
	const cos = Math.cos(w);
	const a0 = 1 + alpha;
	const edge = kind === 'low' ? (1 - cos) / 2 : (1 + cos) / 2;
	const middle = kind === 'low' ? 1 - cos : -(1 + cos);
	return {b0: edge / a0, b1: middle / a0, b2: edge / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0};
};

/**
 * Energy per hop of `x` (DC `mean` removed) through `sections` in series, in one
 * pass: five minutes of audio would otherwise leave a 20 MB array behind per
 * filter stage.
 */
const hopEnergy = (x: Float32Array, mean: number, sections: Biquad[], hop: number): Float64Array => {
	const energy = new Float64Array(Math.floor(x.length / hop));
	const z = new Float64Array(sections.length * 4); // x1, x2, y1, y2 per section
	for (let i = 0; i < energy.length * hop; i++) {
		let v = x[i] - mean;
		for (let k = 0; k < sections.length; k++) {
			const f = sections[k];
			const o = k * 4;
			const y = f.b0 * v + f.b1 * z[o] + f.b2 * z[o + 1] - f.a1 * z[o + 2] - f.a2 * z[o + 3];
			z[o + 1] = z[o];
			z[o] = v;
			z[o + 3] = z[o + 2];
			z[o + 2] = y;
			v = y;
		}
		energy[(i / hop) | 0] += v * v;
	}
	return energy;
};

/** Level (dB) of each frame: WINDOW_MS long, every HOP_MS, i.e. two hops. */
const frameDb = (energy: Float64Array, win: number): Float32Array => {
	const out = new Float32Array(Math.max(0, energy.length - 1));
	for (let f = 0; f < out.length; f++) out[f] = 10 * Math.log10((energy[f] + energy[f + 1]) / win + 1e-12);
	return out;
};

const percentile = (values: Float32Array, p: number): number => {
	if (values.length === 0) return -120;
	const sorted = Float32Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

export const measureActivity = ({samples, sampleRate}: Pcm): Activity => {
	// A DC offset would ring through the filters at the first sample as if it were a sound.
	let sum = 0;
	for (let i = 0; i < samples.length; i++) sum += samples[i];
	const mean = sum / Math.max(1, samples.length);
	const hop = Math.round((sampleRate * HOP_MS) / 1000);
	const win = 2 * hop;
	const bandDb = BANDS.map(([low, high]) => {
		const sections = [design('high', low, sampleRate), design('high', low, sampleRate), design('low', high, sampleRate), design('low', high, sampleRate)]; // 4th order each way
		return frameDb(hopEnergy(samples, mean, sections, hop), win);
	});
	const floors = bandDb.map((db) => percentile(db, FLOOR_PERCENTILE));
	const frames = bandDb[0].length;
	const levelDb = new Float32Array(frames);
	levelDb.fill(-Infinity);
	bandDb.forEach((db, b) => {
		for (let f = 0; f < frames; f++) levelDb[f] = Math.max(levelDb[f], db[f] - floors[b]);
	});
	const full = frameDb(hopEnergy(samples, mean, [], hop), win);
	let peakDb = -120;
	for (const db of full) peakDb = Math.max(peakDb, db);
	return {levelDb, peakDb, rangeDb: percentile(levelDb, 0.99) - percentile(levelDb, FLOOR_PERCENTILE)};
};

/** No speech to align: digital silence, or a steady hiss or hum with nothing standing out. */
export const isSilent = ({peakDb, rangeDb}: Activity): boolean => peakDb < SILENT_PEAK_DB || rangeDb < MIN_DYNAMIC_RANGE_DB;

/** Per frame: 1 where the level is at least `thresholdDb` above the floor. */
export const speechMask = ({levelDb}: Activity, thresholdDb: number): Uint8Array => Uint8Array.from(levelDb, (db) => (db >= thresholdDb ? 1 : 0));

/** The time between frame f-1 and frame f (frames are centred half a window in). */
export const boundaryMs = (f: number): number => f * HOP_MS + (WINDOW_MS - HOP_MS) / 2;

/** The frame whose centre is nearest `ms`, clamped to the mask. */
export const frameAt = (ms: number, frames: number): number => Math.max(0, Math.min(frames - 1, Math.round((ms - WINDOW_MS / 2) / HOP_MS)));

/** Runs of non-speech at least `minMs` long, as [startMs, endMs). */
export const findPauses = (mask: Uint8Array, minMs: number): [number, number][] => {
	const pauses: [number, number][] = [];
	let f = 0;
	while (f < mask.length) {
		if (mask[f]) {
			f++;
			continue;
		}
		let end = f;
		while (end < mask.length && !mask[end]) end++;
		if ((end - f) * HOP_MS >= minMs) pauses.push([boundaryMs(f), boundaryMs(end)]);
		f = end;
	}
	return pauses;
};
