// Loudness: the TypeScript EBU R128 meter against known signals and against
// ffmpeg's meter, the true-peak limiter, and the demo narration as written.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {defaultFinishOptions, finishLoudness, limitTruePeak} from '../src/analysis/audio/finish';
import {createLoudnessMeter, integratedLoudness, truePeakDb, truePeakEnvelope} from '../src/analysis/audio/loudness';
import {decodeWav, encodeWav} from '../src/analysis/audio/wav';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {readScript} from '../src/analysis/script/read';
import {scriptToScenes} from '../src/analysis/script/scenes';
import {narrate} from '../src/analysis/tts/narrate';
import {voiceOver} from '../src/analysis/tts/voiceover';
import {defaultEspeakOptions, synthesize} from '../src/analysis/tts/espeak';
import {ffLoudness} from './helpers/loudnorm';

const tmp = mkdtempSync(path.join(tmpdir(), 'reel-loudness-'));
process.env.REEL_CACHE_DIR = path.join(tmp, 'cache'); // narrate afresh
const RATE = 48_000;
const sine = ({hz, amplitude, seconds, phase = 0}: {hz: number; amplitude: number; seconds: number; phase?: number}) =>
	Float32Array.from({length: RATE * seconds}, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / RATE + phase));

/** Repeatable noise in [-1, 1) (a linear congruential generator). */
const seededNoise = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;

describe('EBU R128 meter', () => {
	it('reads a 1 kHz sine at -20 dBFS as -23 LUFS (BS.1770: a full-scale sine is -3.01 LUFS)', () => {
		expect(integratedLoudness({samples: sine({hz: 1000, amplitude: 0.1, seconds: 5}), sampleRate: RATE})).toBeCloseTo(-23.0, 1);
		expect(integratedLoudness({samples: new Float32Array(RATE), sampleRate: RATE})).toBe(-Infinity);
	});

	it('gates out silence: speech-like bursts read the same with long pauses between them', () => {
		const burst = sine({hz: 440, amplitude: 0.2, seconds: 2});
		const gappy = new Float32Array(burst.length * 3);
		gappy.set(burst, 0);
		gappy.set(burst, burst.length * 2);
		expect(integratedLoudness({samples: gappy, sampleRate: RATE})).toBeCloseTo(integratedLoudness({samples: burst, sampleRate: RATE}), 0);
	});

	it('finds the true peak between samples: a quarter-rate sine sampled at ±45° peaks 3 dB above its samples', () => {
		const samples = sine({hz: RATE / 4, amplitude: 0.5, seconds: 1, phase: Math.PI / 4});
		expect(20 * Math.log10(Math.max(...samples))).toBeCloseTo(-9.03, 1);
		expect(truePeakDb(samples)).toBeCloseTo(-6.02, 0);
	});

	it('a true-peak envelope with a floor is exact wherever it can pass the floor, and has the same maximum', () => {
		// Speech-like: quiet noise with loud bursts, so most stretches can be skipped; the bursts swell, so
		// every level passes by some floor.
		const noise = seededNoise(7);
		const samples = Float32Array.from({length: RATE * 2}, (_, i) => noise() * (i % 9600 < 800 ? 0.9 * Math.sin((Math.PI * (i % 9600)) / 800) : 0.02));
		const full = truePeakEnvelope(samples);
		for (const floor of [0.05, 0.3, 0.8, Infinity]) {
			const pruned = truePeakEnvelope(samples, floor);
			let skipped = 0;
			let wrong = 0; // differs where the exact value reaches the floor, or holds other than the sample's own |value|
			for (let i = 0; i < samples.length; i++) {
				if (pruned[i] !== full[i]) {
					skipped++;
					if (!(full[i] < floor) || pruned[i] !== Math.abs(samples[i])) wrong++;
				}
			}
			expect(wrong).toBe(0);
			expect(Math.max(...pruned)).toBe(Math.max(...full));
			if (floor >= 0.3) expect(skipped).toBeGreaterThan(samples.length / 2);
		}
		expect(truePeakDb(samples)).toBe(20 * Math.log10(Math.max(...full)));
	});

	it('metered part by part, audio reads as when joined, to the bit', () => {
		const noise = seededNoise(3);
		// Parts of odd lengths, so blocks (400 ms every 100 ms) start and end inside them.
		const parts = [0.25, 1.537, 0.18, 0.0007, 2.3, 0.5].map((seconds, i) =>
			Float32Array.from({length: Math.round(RATE * seconds)}, () => (i % 2 ? noise() * 0.4 : 0)));
		const meter = createLoudnessMeter(RATE);
		parts.forEach(meter.push);
		const joined = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
		parts.reduce((at, p) => (joined.set(p, at), at + p.length), 0);
		const whole = integratedLoudness({samples: joined, sampleRate: RATE});
		expect(Number.isFinite(whole)).toBe(true);
		expect(meter.lufs()).toBe(whole);
		const finished = finishLoudness({samples: joined, sampleRate: RATE});
		const fromMeter = finishLoudness({samples: joined, sampleRate: RATE, lufs: meter.lufs()});
		expect(fromMeter.gainDb).toBe(finished.gainDb);
		expect(fromMeter.samples.every((v, i) => v === finished.samples[i])).toBe(true);
	});

	it('the limiter keeps a hot transient under the ceiling and leaves quiet audio alone', () => {
		const samples = sine({hz: 300, amplitude: 0.1, seconds: 1});
		samples.set(sine({hz: 2000, amplitude: 1.6, seconds: 0.05}), RATE / 2);
		const limited = limitTruePeak(samples, RATE, -1.5);
		expect(truePeakDb(limited)).toBeLessThanOrEqual(-1.4);
		expect(limited[1000]).toBe(samples[1000]); // 0.4 s before the transient
	});
});

describe('narration loudness', () => {
	it('the demo narration is written at -16 LUFS (within 0.2 LU; ffmpeg\'s meter within 1) with true peak under -1 dBTP', async () => {
		const script = await readScript(path.join(PROJECT_ROOT, 'examples', 'connected.txt'));
		const voice = {engine: 'espeak', options: {voice: 'en-us', rateWpm: 165, pitch: 50}} as const;
		const narration = await narrate({scenes: scriptToScenes(script), voice});
		const file = path.join(PROJECT_ROOT, 'public', narration.src);
		const ours = {lufs: integratedLoudness(decodeWav(readFileSync(file))), truePeakDb: truePeakDb(decodeWav(readFileSync(file)).samples)};
		const ffmpeg = await ffLoudness(file);
		const rawFile = path.join(tmp, 'raw.wav');
		console.log(
			`demo narration (connected.txt): synthesised ${narration.loudness!.before.lufs.toFixed(1)} LUFS / ${narration.loudness!.before.truePeakDb.toFixed(1)} dBTP → ` +
				`written ${ours.lufs.toFixed(1)} LUFS / ${ours.truePeakDb.toFixed(1)} dBTP (ffmpeg loudnorm: ${ffmpeg.lufs} LUFS / ${ffmpeg.truePeakDb} dBTP)`,
		);
		for (const m of [ours, ffmpeg]) {
			expect(Math.abs(m.lufs - defaultFinishOptions.targetLufs)).toBeLessThanOrEqual(1);
			expect(m.truePeakDb).toBeLessThanOrEqual(-1);
		}
		expect(Math.abs(ours.lufs - ffmpeg.lufs)).toBeLessThan(0.5);
		// The meters agree at another level too (the narration halved), not only at the target the finish aimed for.
		const before = narration.loudness!.before;
		writeFileSync(rawFile, encodeWav({samples: Float32Array.from(decodeWav(readFileSync(file)).samples, (v) => v * 0.5), sampleRate: 22050}));
		expect(Math.abs((await ffLoudness(rawFile)).lufs - integratedLoudness(decodeWav(readFileSync(rawFile))))).toBeLessThan(0.5);
		expect(before.lufs).toBeLessThan(-18); // espeak speaks quieter than the target: the finish raised it
		// The finish's own promise, on what it wrote: within 0.2 LU of the target, although the limiter
		// takes back part of every added dB (a plain shortfall correction ended 0.25 LU short here).
		expect(Math.abs(ours.lufs - defaultFinishOptions.targetLufs)).toBeLessThanOrEqual(0.2);
	}, 120_000);

	it('a quiet voice-over is brought to the target too', async () => {
		const text = 'The harbour wakes before the sun.';
		const speech = await synthesize({text, words: [], options: defaultEspeakOptions});
		const take = path.join(tmp, 'quiet-take.wav');
		writeFileSync(take, encodeWav({samples: speech.samples.map((v) => v * 0.05), sampleRate: speech.sampleRate})); // about -40 LUFS
		const narration = await voiceOver({file: take, scenes: scriptToScenes(text), warn: () => {}});
		const written = decodeWav(readFileSync(path.join(PROJECT_ROOT, 'public', narration.src)));
		expect(integratedLoudness(decodeWav(readFileSync(take)))).toBeLessThan(-35);
		expect(Math.abs(integratedLoudness(written) - defaultFinishOptions.targetLufs)).toBeLessThanOrEqual(1);
	}, 60_000);
});
