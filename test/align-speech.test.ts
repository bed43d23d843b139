// The aligner on speech whose word times are known: espeak-ng sentences with
// pauses and a noise floor, then slowed down, sped up, resampled (8 to 96 kHz)
// or MP3-encoded by ffmpeg, as a recorded voice-over would arrive. espeak's own
// word boundaries are the truth; the acoustic model has never heard this voice.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {isWideband} from '../src/analysis/align/activity';
import {alignWords} from '../src/analysis/align/align-words';
import {toAlignRate} from '../src/analysis/align/audio';
import {resample} from '../src/analysis/align/resample';
import {boundaryErrors, pairWords, summarize} from '../src/analysis/align/evaluate';
import type {AlignedWord} from '../src/analysis/align/types';
import {makeTake, transformTake, type Take, type TrueWord} from './helpers/speech';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-align-'));
let take: Take;

beforeAll(async () => {
	take = await makeTake({
		sentences: ['The quick brown fox jumps over the lazy dog.', 'Captions follow every word, even after a long pause.', 'Nguyen paid 25 dollars for a well-known gadget.'],
		pausesMs: [700, 1200, 400, 600],
	});
}, 30_000);

/** Every word placed, in order, and close to the truth. Measured here: medians 11–26 ms, worst 83 ms. */
const expectClose = (words: AlignedWord[], truth: TrueWord[]) => {
	expect(words.map((w) => w.text)).toEqual(truth.map((w) => w.text));
	const errors = boundaryErrors(pairWords(words, truth));
	expect(errors).toHaveLength(truth.length * 2);
	expect(summarize(errors).medianMs).toBeLessThanOrEqual(40);
	expect(Math.max(...errors)).toBeLessThanOrEqual(150);
	words.forEach((w, i) => {
		expect(w.endMs).toBeGreaterThan(w.startMs);
		if (i > 0) expect(w.startMs).toBeGreaterThanOrEqual(words[i - 1].endMs);
	});
};

describe('alignWords on speech with known times', () => {
	it('tells wideband audio from audio once sampled at 8 kHz (which alone gets its boundaries refined on the signal)', () => {
		expect(isWideband(toAlignRate(take))).toBe(true);
		expect(isWideband(toAlignRate(resample(take, 11_025)))).toBe(true);
		expect(isWideband(toAlignRate(resample(take, 8_000)))).toBe(false);
		// Quiet wideband speech is still wideband: the test is relative to the signal's own level.
		expect(isWideband(toAlignRate({samples: take.samples.map((x) => x / 100), sampleRate: take.sampleRate}))).toBe(true);
	});

	it('places every word of samples handed over at 22.05 kHz, numbers and names included', async () => {
		const {words, warnings} = await alignWords({samples: take.samples, sampleRate: take.sampleRate, transcript: take.transcript});
		expectClose(words, take.words);
		expect(words.every((w) => w.confidence > 0.5)).toBe(true);
		expect(warnings).toEqual(['not in the dictionary, pronounced by espeak-ng: 25']);
	});

	it.each([
		{label: 'slowed to 0.8×, 8 kHz WAV', tempo: 0.8, sampleRate: 8000, ext: 'wav', channels: 1},
		{label: 'sped up to 1.25×, 48 kHz stereo WAV', tempo: 1.25, sampleRate: 48000, ext: 'wav', channels: 2},
		{label: '0.9×, 96 kHz WAV', tempo: 0.9, sampleRate: 96000, ext: 'wav', channels: 1},
		{label: '44.1 kHz MP3 (decoded by ffmpeg)', tempo: 1, sampleRate: 44100, ext: 'mp3', channels: 1},
	])('follows the voice $label', async ({tempo, sampleRate, ext, channels}) => {
		const file = path.join(dir, `take-${tempo}-${sampleRate}.${ext}`);
		const truth = await transformTake({take, file, tempo, sampleRate, channels});
		const {words} = await alignWords({audioFile: file, transcript: take.transcript});
		expectClose(words, truth);
	});

	it('keeps the caller’s words, one result each, even punctuation-only ones', async () => {
		const callerWords = ['—', ...take.transcript.split(' ')];
		const {words} = await alignWords({samples: take.samples, sampleRate: take.sampleRate, words: callerWords});
		expect(words).toHaveLength(callerWords.length);
		expect(words[0]).toEqual({text: '—', startMs: 0, endMs: 0, confidence: 0});
		expectClose(words.slice(1), take.words);
	});
});
