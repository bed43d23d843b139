// Where there is sound above the recording's own noise floor, in 5 ms steps.
// Three bands, each against its own floor: hum and rumble sit low, breath and
// fricatives high, so a weak "th" still shows in the top band over a humming room.
import {localFloor, percentile} from './floor';
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
/**
 * The voice detector's veto covers faint sound only: breath and room noise sit
 * below this, while a sound this clear is something the detector should have
 * heard, and fillers ("uh", "mm") and a hoarse voice, which it often rates as
 * non-speech, are that loud.
 */
const CLEAR_DB = 10;
/** Speech spans 20 dB and more; steady noise hardly 3. */
const MIN_DYNAMIC_RANGE_DB = 8;

export type Activity = {
	/** Per frame: dB above the floor in the band that stands out most. */
	levelDb: Float32Array;
	/** Loudest frame, dBFS. */
	peakDb: number;
	/** 99th minus 10th percentile of the loudest band's levels. */
	rangeDb: number;
	/** Per frame: 1 where the voice detector is sure no one speaks (see voice.ts); absent when it could not run. */
	quiet?: Uint8Array;
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
 * Energy per hop of `x` (DC `mean` removed), through four sections in series
 * when `sections` is given, in one pass: five minutes of audio would otherwise
 * leave a 20 MB array behind per filter stage. The filter state lives in local
 * variables, not an array: this loop is most of the measuring time, and V8
 * keeps locals in registers (3× faster here than the array-indexed loop).
 */
const hopEnergy = (x: Float32Array, mean: number, sections: [Biquad, Biquad, Biquad, Biquad] | null, hop: number): Float64Array => {
	const energy = new Float64Array(Math.floor(x.length / hop));
	const n = energy.length * hop;
	if (!sections) {
		for (let i = 0; i < n; i++) energy[(i / hop) | 0] += (x[i] - mean) ** 2;
		return energy;
	}
	const [f1, f2, f3, f4] = sections;
	let a1 = 0, a2 = 0, b1 = 0, b2 = 0, c1 = 0, c2 = 0, d1 = 0, d2 = 0, e1 = 0, e2 = 0; // each section's last two inputs are the previous one's outputs
	for (let i = 0; i < n; i++) {
		const v = x[i] - mean;
		const y1 = f1.b0 * v + f1.b1 * a1 + f1.b2 * a2 - f1.a1 * b1 - f1.a2 * b2;
		const y2 = f2.b0 * y1 + f2.b1 * b1 + f2.b2 * b2 - f2.a1 * c1 - f2.a2 * c2;
		const y3 = f3.b0 * y2 + f3.b1 * c1 + f3.b2 * c2 - f3.a1 * d1 - f3.a2 * d2;
		const y4 = f4.b0 * y3 + f4.b1 * d1 + f4.b2 * d2 - f4.a1 * e1 - f4.a2 * e2;
		a2 = a1;
		a1 = v;
		b2 = b1;
		b1 = y1;
		c2 = c1;
		c1 = y2;
		d2 = d1;
		d1 = y3;
		e2 = e1;
		e1 = y4;
		energy[(i / hop) | 0] += y4 * y4;
	}
	return energy;
};

/** Level (dB) of each frame: WINDOW_MS long, every HOP_MS, i.e. two hops. */
const frameDb = (energy: Float64Array, win: number): Float32Array => {
	const out = new Float32Array(Math.max(0, energy.length - 1));
	for (let f = 0; f < out.length; f++) out[f] = 10 * Math.log10((energy[f] + energy[f + 1]) / win + 1e-12);
	return out;
};

export const measureActivity = ({samples, sampleRate}: Pcm): Activity => {
	// A DC offset would ring through the filters at the first sample as if it were a sound.
	let sum = 0;
	for (let i = 0; i < samples.length; i++) sum += samples[i];
	const mean = sum / Math.max(1, samples.length);
	const hop = Math.round((sampleRate * HOP_MS) / 1000);
	const win = 2 * hop;
	const bandDb = BANDS.map(([low, high]) => {
		const sections: [Biquad, Biquad, Biquad, Biquad] = [design('high', low, sampleRate), design('high', low, sampleRate), design('low', high, sampleRate), design('low', high, sampleRate)]; // 4th order each way
		return frameDb(hopEnergy(samples, mean, sections, hop), win);
	});
	const floors = bandDb.map((db) => localFloor(db, HOP_MS, FLOOR_PERCENTILE));
	const frames = bandDb[0].length;
	const levelDb = new Float32Array(frames);
	levelDb.fill(-Infinity);
	bandDb.forEach((db, b) => {
		for (let f = 0; f < frames; f++) levelDb[f] = Math.max(levelDb[f], db[f] - floors[b][f]);
	});
	const full = frameDb(hopEnergy(samples, mean, null, hop), win);
	let peakDb = -120;
	for (const db of full) peakDb = Math.max(peakDb, db);
	return {levelDb, peakDb, rangeDb: percentile(levelDb, 0.99) - percentile(levelDb, FLOOR_PERCENTILE)};
};

/** The band only wideband audio has: a source sampled at 8 kHz, resampled to the aligner's rate, is empty above 4 kHz. */
const HIGH_BAND_HZ = 4_500;
/**
 * How far below the whole signal's loud moments the band's may lie in wideband
 * speech (fricatives, breath). Measured: 11-32 dB in the development
 * recordings (the hoarse speaker 29-32) and for espeak written at 11-44 kHz;
 * 49 dB for espeak written at 8 kHz.
 */
const WIDEBAND_WITHIN_DB = 40;
/** A recording's bandwidth is its equipment's: a minute of it tells. */
const WIDEBAND_SAMPLE_MS = 60_000;

/** Whether the audio holds sound above 4.5 kHz: a wideband recording, which the 16 kHz model hears in full. */
export const isWideband = ({samples: all, sampleRate}: Pcm): boolean => {
	if (sampleRate < 2 * HIGH_BAND_HZ) return false;
	const samples = all.subarray(0, Math.round((sampleRate * WIDEBAND_SAMPLE_MS) / 1000));
	const hop = Math.round((sampleRate * HOP_MS) / 1000);
	const high = design('high', HIGH_BAND_HZ, sampleRate);
	const loud = (sections: [Biquad, Biquad, Biquad, Biquad] | null) => percentile(frameDb(hopEnergy(samples, 0, sections, hop), 2 * hop), 0.99);
	return loud([high, high, high, high]) >= loud(null) - WIDEBAND_WITHIN_DB; // 8th order: the edge at 4 kHz is steep
};

/** No speech to align: digital silence, or a steady hiss or hum with nothing standing out. */
export const isSilent = ({peakDb, rangeDb}: Activity): boolean => peakDb < SILENT_PEAK_DB || rangeDb < MIN_DYNAMIC_RANGE_DB;

/** Per frame: 1 where the level is at least `thresholdDb` above the floor, and the voice detector does not rule speech out. */
export const speechMask = ({levelDb, quiet}: Activity, thresholdDb: number): Uint8Array =>
	Uint8Array.from(levelDb, (db, f) => (db >= thresholdDb && (db >= CLEAR_DB || !quiet?.[f]) ? 1 : 0));

/** The time between frame f-1 and frame f (frames are centred half a window in). */
export const boundaryMs = (f: number): number => f * HOP_MS + (WINDOW_MS - HOP_MS) / 2;

/** The frame whose centre is nearest `ms`, clamped to the mask. */
export const frameAt = (ms: number, frames: number): number => Math.max(0, Math.min(frames - 1, Math.round((ms - WINDOW_MS / 2) / HOP_MS)));

/** Milliseconds of `mask` (HOP_MS frames) set between two times. */
export const speechMsBetween = (mask: Uint8Array, fromMs: number, toMs: number): number =>
	mask.subarray(Math.floor(fromMs / HOP_MS), Math.ceil(toMs / HOP_MS)).reduce((n, s) => n + s, 0) * HOP_MS;

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
