// The voice detector's part in alignment (voice.ts, activity.ts, refine.ts) and
// the noise floor that follows the room (floor.ts), on inline levels: faint
// sound the detector rules out stops counting as speech, clear sound never
// does, and a word edge the decoder left in such a stretch is pulled back to
// where the voice stops, further than the usual reach.
import {describe, expect, it} from 'vitest';
import {boundaryMs, HOP_MS, measureActivity, speechMask, type Activity} from '../src/analysis/align/activity';
import {localFloor} from '../src/analysis/align/floor';
import {refineBoundaries} from '../src/analysis/align/refine';
import {quietFrames} from '../src/analysis/align/voice';

/** Levels (dB over the floor) per 5 ms frame from [fromMs, toMs, db] runs; 0 elsewhere. */
const levels = (durationMs: number, runs: [number, number, number][]): Float32Array => {
	const db = new Float32Array(Math.round(durationMs / HOP_MS));
	db.forEach((_, f) => {
		const ms = boundaryMs(f);
		db[f] = runs.find(([a, b]) => ms >= a && ms < b)?.[2] ?? 0;
	});
	return db;
};
const activityOf = (levelDb: Float32Array, quiet?: Uint8Array): Activity => ({levelDb, peakDb: -20, rangeDb: 30, quiet});

describe('the voice detector in alignment', () => {
	it('marks 5 ms frames quiet only inside sure non-speech, and not just before an onset', () => {
		const probabilities = Float32Array.from([0.9, 0.9, 0.1, 0.1, 0.1, 0.1, 0.9, 0.9]);
		const quiet = quietFrames({probabilities, frameMs: 32, frames: 50});
		const quietMs = [...quiet].flatMap((q, f) => (q ? [boundaryMs(f)] : []));
		// Detector frames 2–4 (64–160 ms) are sure; frame 5 is followed by speech, which the detector may hear late.
		expect(quietMs[0]).toBeGreaterThanOrEqual(64);
		expect(quietMs.at(-1)! + HOP_MS).toBeLessThanOrEqual(160);
		expect(quietMs.length).toBe(Math.floor((160 - 64) / HOP_MS) - 1); // every frame wholly inside, none straddling 64 ms
	});

	it('vetoes faint sound where it hears no voice, never clear sound', () => {
		const levelDb = levels(200, [[0, 200, 6]]);
		levelDb[levelDb.length - 1] = 15;
		const quiet = new Uint8Array(levelDb.length).fill(1);
		expect(speechMask(activityOf(levelDb), 4).every((s) => s === 1)).toBe(true);
		const gated = speechMask(activityOf(levelDb, quiet), 4);
		expect([...gated.subarray(0, -1)].every((s) => s === 0)).toBe(true);
		expect(gated.at(-1)).toBe(1);
	});

	it('pulls a word end out of breath the decoder gave it, beyond the usual 150 ms reach', () => {
		// Voice until 600 ms, then faint breath until 1200 ms; the decoder ended the word at 1000 ms.
		const levelDb = levels(1500, [[200, 600, 25], [600, 1200, 6]]);
		const words = [{startMs: 200, endMs: 1000, pauseBefore: true, pauseAfter: true}];
		const quiet = Uint8Array.from(levelDb, (_, f) => (boundaryMs(f) >= 640 ? 1 : 0));
		const [withDetector] = refineBoundaries({words, activity: activityOf(levelDb, quiet)});
		// The detector lets go of a voice late (here from 640 ms): the faint sound before it is sure still counts.
		expect(Math.abs(withDetector.endMs - 640)).toBeLessThanOrEqual(HOP_MS);
		// On the level alone the breath is sound: the end runs on into it.
		const [levelOnly] = refineBoundaries({words, activity: activityOf(levelDb)});
		expect(levelOnly.endMs).toBeGreaterThan(1000);
	});

	it('splits two joined words at a breathy gap the level alone cannot see', () => {
		const levelDb = levels(1200, [[100, 500, 25], [500, 580, 6], [580, 600, 2], [600, 660, 6], [660, 1100, 25]]);
		const words = [
			{startMs: 100, endMs: 520, pauseBefore: true, pauseAfter: false},
			{startMs: 520, endMs: 1100, pauseBefore: false, pauseAfter: true},
		];
		const quiet = Uint8Array.from(levelDb, (_, f) => (boundaryMs(f) >= 500 && boundaryMs(f) < 660 ? 1 : 0));
		const [a, b] = refineBoundaries({words, activity: activityOf(levelDb, quiet)});
		expect(Math.abs(a.endMs - 500)).toBeLessThanOrEqual(HOP_MS);
		expect(Math.abs(b.startMs - 660)).toBeLessThanOrEqual(HOP_MS);
		const [c] = refineBoundaries({words, activity: activityOf(levelDb)});
		expect(c.endMs).toBe(520);
	});
});

describe('the noise floor follows the room', () => {
	it('is one floor for a short take, and steps with the noise in a long one', () => {
		const short = Float32Array.from({length: 2000}, (_, f) => (f % 10 === 0 ? -60 : -30));
		expect(new Set(localFloor(short, HOP_MS, 0.1)).size).toBe(1);
		// Two minutes: the first minute's room at -70 dB, the second's at -50 dB, speech at -20 dB half the time.
		const frames = 120_000 / HOP_MS;
		const db = Float32Array.from({length: frames}, (_, f) => (Math.floor(f / 100) % 2 ? -20 : f < frames / 2 ? -70 : -50));
		const floor = localFloor(db, HOP_MS, 0.1);
		expect(floor[Math.round(20_000 / HOP_MS)]).toBeCloseTo(-70, 0);
		expect(floor[Math.round(100_000 / HOP_MS)]).toBeCloseTo(-50, 0);
	});

	it('finds the pauses of the noisier half of a take, which one floor for all hid', () => {
		// 80 s at 16 kHz: tone bursts (speech) with pauses; the room noise is 20 dB louder in the second half.
		const rate = 16_000;
		let seed = 7;
		const samples = Float32Array.from({length: 80 * rate}, (_, i) => {
			seed = (seed * 1664525 + 1013904223) >>> 0;
			const noise = ((seed / 2 ** 32) * 2 - 1) * (i < 40 * rate ? 0.0005 : 0.005);
			const speaking = Math.floor(i / (0.5 * rate)) % 2 === 0;
			return noise + (speaking ? 0.2 * Math.sin((2 * Math.PI * 440 * i) / rate) : 0);
		});
		const mask = speechMask(measureActivity({samples, sampleRate: rate}), 6);
		// A pause in the noisy half: 60.5–61 s.
		const from = Math.round(60_600 / HOP_MS);
		const pauseFrames = mask.subarray(from, from + 60);
		expect(pauseFrames.reduce((n, s) => n + s, 0)).toBe(0);
	});
});
