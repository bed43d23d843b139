// Recorded-style speech with known word times, made on the spot: espeak-ng
// sentences with pauses between them and a faint noise floor (a room, not
// digital silence), then stretched, resampled or re-encoded by ffmpeg. The
// truth follows every transformation, so the aligner can be scored exactly.
import {writeFile} from 'node:fs/promises';
import {encodeWav} from '../../src/analysis/audio/wav';
import {defaultEspeakOptions, synthesize} from '../../src/analysis/tts/espeak';
import {runFf} from '../../src/render/ff';

export type TrueWord = {text: string; startMs: number; endMs: number};
export type Take = {samples: Float32Array; sampleRate: number; words: TrueWord[]; transcript: string};

const spans = (text: string) => [...text.matchAll(/\S+/g)].map((m) => ({charStart: m.index, charEnd: m.index + m[0].length}));

/** Deterministic noise (a fixed LCG), about -60 dBFS. */
const noise = (length: number, seed = 1): Float32Array => {
	let state = seed;
	return Float32Array.from({length}, () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return ((state / 2 ** 32) * 2 - 1) * 0.0017;
	});
};

/** The sentences spoken one after another, `pausesMs[i]` of room tone before sentence i (and one after the last). */
export const makeTake = async ({sentences, pausesMs, rateWpm = 165}: {sentences: string[]; pausesMs: number[]; rateWpm?: number}): Promise<Take> => {
	const spoken = [];
	for (const text of sentences) spoken.push(await synthesize({text, words: spans(text), options: {...defaultEspeakOptions, rateWpm}}));
	const sampleRate = spoken[0].sampleRate;
	const toSamples = (ms: number) => Math.round((ms * sampleRate) / 1000);
	const total = spoken.reduce((n, s) => n + s.samples.length, 0) + pausesMs.reduce((n, ms) => n + toSamples(ms), 0);
	const samples = noise(total);
	const words: TrueWord[] = [];
	let at = 0;
	spoken.forEach((s, i) => {
		at += toSamples(pausesMs[i] ?? 0);
		for (let k = 0; k < s.samples.length; k++) samples[at + k] += s.samples[k];
		const offsetMs = (at * 1000) / sampleRate;
		const texts = sentences[i].split(/\s+/);
		s.words.forEach((w, k) => words.push({text: texts[k], startMs: w.startMs + offsetMs, endMs: w.endMs + offsetMs}));
		at += s.samples.length;
	});
	return {samples, sampleRate, words, transcript: sentences.join(' ')};
};

/**
 * The take written as a WAV and passed through ffmpeg: `tempo` < 1 slows it
 * down (atempo keeps the pitch), then it is resampled to `sampleRate` and
 * written as `file` (the extension picks the format: .wav, .mp3, ...).
 */
export const transformTake = async ({take, file, tempo = 1, sampleRate, channels = 1}: {take: Take; file: string; tempo?: number; sampleRate: number; channels?: number}): Promise<TrueWord[]> => {
	const source = `${file}.source.wav`;
	await writeFile(source, encodeWav({samples: take.samples, sampleRate: take.sampleRate}));
	await runFf({bin: 'ffmpeg', args: ['-v', 'error', '-y', '-i', source, '-af', `atempo=${tempo}`, '-ar', String(sampleRate), '-ac', String(channels), file]});
	return take.words.map((w) => ({...w, startMs: w.startMs / tempo, endMs: w.endMs / tempo}));
};
