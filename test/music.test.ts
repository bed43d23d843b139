// Background music: the ducking envelope and bed level on known input, then
// a real mix under an espeak narration, ducked where Silero VAD hears speech.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {duckingGain, mixMusic, musicBed} from '../src/analysis/audio/music';
import {integratedLoudness, truePeakDb} from '../src/analysis/audio/loudness';
import {decodeWav, encodeWav} from '../src/analysis/audio/wav';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {scriptToScenes} from '../src/analysis/script/scenes';
import {narrate} from '../src/analysis/tts/narrate';

const tmp = mkdtempSync(path.join(tmpdir(), 'reel-music-'));
process.env.REEL_CACHE_DIR = path.join(tmp, 'cache');
const RATE = 8000;
const rmsDb = (x: Float32Array, fromMs: number, toMs: number, rate: number) => {
	const part = x.subarray((fromMs * rate) / 1000, (toMs * rate) / 1000);
	return 10 * Math.log10(part.reduce((s, v) => s + v * v, 0) / part.length);
};
const tone = (seconds: number, rate: number) => Float32Array.from({length: seconds * rate}, (_, i) => 0.5 * Math.sin((2 * Math.PI * 330 * i) / rate));

describe('music bed', () => {
	it('ducks inside speech, ramping down before it and up after it', () => {
		const gain = duckingGain({speech: [{startMs: 1000, endMs: 2000}], length: 4 * RATE, sampleRate: RATE, options: {bedBelowLu: 8, duckDb: 20, attackMs: 100, releaseMs: 500}});
		const at = (ms: number) => gain[(ms * RATE) / 1000];
		expect([at(800), at(950), at(1500), at(2250), at(2600)].map((g) => Number(g.toFixed(3)))).toEqual([1, 0.55, 0.1, 0.55, 1]);
	});

	it('sits 8 LU under the narration target in the open and 12 dB lower under speech; loops to length', () => {
		const bed = musicBed({music: tone(3, RATE), length: 10 * RATE, sampleRate: RATE, speech: [{startMs: 4000, endMs: 7000}]});
		expect(bed.length).toBe(10 * RATE);
		expect(integratedLoudness({samples: bed.subarray(1 * RATE, 3.5 * RATE), sampleRate: RATE})).toBeCloseTo(-24, 0);
		expect(rmsDb(bed, 1000, 3500, RATE) - rmsDb(bed, 4500, 6500, RATE)).toBeCloseTo(12, 1);
		expect(rmsDb(bed, 6000, 7000, RATE)).toBeCloseTo(rmsDb(bed, 4500, 5500, RATE), 1); // the loop seam at 6 s is seamless in level
	});
});

describe('mixMusic', () => {
	it('mixes under a narration, ducked where the voice speaks, within the true-peak ceiling', async () => {
		const voice = {engine: 'espeak', options: {voice: 'en-us', rateWpm: 165, pitch: 50}} as const;
		const narration = await narrate({scenes: scriptToScenes('Rain falls on the quiet town.\n\nLater, the sun comes out.'), voice});
		const musicFile = path.join(tmp, 'music.wav');
		writeFileSync(musicFile, encodeWav({samples: tone(2, 44100), sampleRate: 44100}));
		const {src, ducked} = await mixMusic({narrationSrc: narration.src, musicFile});
		const mixed = decodeWav(readFileSync(path.join(PROJECT_ROOT, 'public', src)));
		const spoken = decodeWav(readFileSync(path.join(PROJECT_ROOT, 'public', narration.src)));
		expect(mixed.samples.length).toBe(spoken.samples.length);
		// Speech found where the words are: the first word lies inside the first ducked span.
		const first = narration.sceneWords[0][0];
		expect(ducked[0].startMs).toBeLessThanOrEqual(first.startMs + 40);
		expect(ducked[0].endMs).toBeGreaterThan(first.endMs);
		expect(ducked.length).toBeGreaterThanOrEqual(1);
		const music = mixed.samples.map((v, i) => v - spoken.samples[i]);
		expect(rmsDb(music, 100, 200, mixed.sampleRate)).toBeGreaterThan(-60); // music is there before the voice
		expect(truePeakDb(mixed.samples)).toBeLessThanOrEqual(-1.4);
	}, 60_000);

	it('names a missing music file', async () => {
		await expect(mixMusic({narrationSrc: 'reel/narration/none.wav', musicFile: path.join(tmp, 'nope.mp3')})).rejects.toThrow(/nope\.mp3: music file not found/);
	});
});
