// The narration of a whole script: each scene synthesised on its own (so
// timings come from the engine per sentence), joined with pauses, finished to
// the target loudness, written as one WAV. Two cache levels: each sentence's
// raw speech (so editing one sentence re-synthesises only that one), and the
// finished narration (so an unchanged script does no audio work at all). The
// loudness finish spans the whole narration, so it is redone on every join;
// it is cheap beside synthesis.
import {existsSync, statSync} from 'node:fs';
import {ReelError} from '../errors';
import type {ScriptScene} from '../script/scenes';
import {codeVersion} from '../cache/code-version';
import {createCacheStore, entryFile, hashKey, type CacheStore} from '../cache/store';
import {encodeWav} from '../audio/wav';
import {finishBuffer, finishLoudness} from '../audio/finish';
import {createLoudnessMeter, type LoudnessMeter} from '../audio/loudness';
import {synthesize, type EspeakOptions} from './espeak';
import {warmUp} from './espeak-engine';
import type {PiperOptions} from './piper';
import type {SpeechResult} from './types';
import {narrationFiles, readNarration, writeNarration, type Narration} from './narration-store';
import {cachedSpeech, SPEECH_STAGE, speechKey} from './speech-cache';

export type {Narration} from './narration-store';

/** Which engine speaks, with its settings. */
export type NarrationVoice = {engine: 'espeak'; options: EspeakOptions} | {engine: 'piper'; options: PiperOptions};

/** Silence before the first word, between sentences, between paragraphs, after the last word. */
export const PAUSES_MS = {lead: 250, sentence: 180, paragraph: 550, tail: 500};
export const NARRATION_STAGE = 'narration';
/** espeak sentences asked for before the first answer is taken (see narrate). */
const SENTENCES_AHEAD = 8;

/** A Piper voice is named by its model path; its size and time stamp stand in for its 20–120 MB of content. */
const voiceIdentity = (voice: NarrationVoice): unknown => {
	if (voice.engine === 'espeak') return {engine: 'espeak', ...voice.options};
	const stamp = (file: string) => (existsSync(file) ? [statSync(file).size, statSync(file).mtimeMs] : null);
	return {engine: 'piper', ...voice.options, stamp: stamp(voice.options.model), configStamp: stamp(`${voice.options.model}.json`)};
};

/** The finished narration's key: its sentences' keys, how they are paragraphed, and the join and finish code. */
export const narrationKey = (scenes: ScriptScene[], voice: NarrationVoice): string => {
	const identity = voiceIdentity(voice);
	const joinCode = codeVersion(['src/analysis/tts/narrate.ts', 'src/analysis/audio/finish.ts', 'src/analysis/audio/loudness.ts', 'src/analysis/audio/dsp.ts', 'src/analysis/audio/dsp.wasm', 'src/analysis/audio/wav.ts']);
	return hashKey(['narration', joinCode, PAUSES_MS, scenes.map((s) => [s.paragraph, speechKey(s, identity)])]).slice(0, 20);
};

/**
 * Call as soon as the scenes are known. Unless this narration is cached, starts
 * the engine and has it compile itself on a throwaway sentence on its own thread
 * while the caller runs its other stages: a cold engine spends most of its first
 * second in V8's JIT. Changes no result (see warmUp). Returns whether the
 * engine will speak: the narration stage then waits on another thread, and the
 * caller's main thread is free for work that does not need its result.
 */
export const prepareNarration = ({scenes, voice}: {scenes: ScriptScene[]; voice: NarrationVoice}): boolean => {
	const key = narrationKey(scenes, voice);
	if (existsSync(entryFile(NARRATION_STAGE, key)) && existsSync(narrationFiles(key).wavFile)) return false;
	// Every sentence cached: only the join is left, and a warming engine would take CPU from it.
	const identity = voiceIdentity(voice);
	if (scenes.every((s) => existsSync(entryFile(SPEECH_STAGE, speechKey(s, identity))))) return false;
	if (voice.engine === 'espeak') void warmUp(voice.options.voice);
	// Opening the model (onnxruntime's start-up, graph optimisation) overlaps the clip scan; a failure is reported by narrate.
	else void import('./piper').then(({loadPiperVoice}) => loadPiperVoice(voice.options.model)).catch(() => {});
	return true;
};

/**
 * Call before the scenes are known, when the script is new or edited (its
 * scenes are not cached), so its speech will be needed: espeak starts and
 * compiles itself beside the NLP pass instead of after it. Changes no result.
 */
export const prepareEngine = (voice: NarrationVoice): void => {
	if (voice.engine === 'espeak') void warmUp(voice.options.voice);
};

type Speak = (scene: ScriptScene, warn: (m: string) => void) => Promise<SpeechResult>;

/** The engine for one scene; Piper (and onnxruntime with it) is loaded only when chosen. */
const speakerFor = async (voice: NarrationVoice): Promise<Speak> => {
	if (voice.engine === 'espeak') return (scene) => synthesize({text: scene.text, words: scene.words, options: voice.options});
	const {synthesizePiper} = await import('./piper-speech');
	return (scene, warn) => synthesizePiper({text: scene.text, words: scene.words, options: voice.options, warn});
};

/**
 * Sentences → one timeline, as they arrive in order: lead, pauses (longer between paragraphs), tail;
 * word times shifted onto it. The loudness finish's first measure is taken on the way, while later
 * sentences are still being spoken (the meter gives the same result, to the bit, part by part).
 */
const createJoin = (scenes: ScriptScene[]) => {
	const parts: Float32Array[] = [];
	const sceneWords: Narration['sceneWords'] = [];
	let sampleRate = 0;
	let meter: LoudnessMeter | null = null;
	let cursorMs = 0;
	const append = (part: Float32Array) => {
		parts.push(part);
		meter?.push(part);
	};
	const silence = (ms: number) => {
		append(new Float32Array(Math.round((ms * sampleRate) / 1000)));
		cursorMs += ms;
	};
	return {
		add: (speech: SpeechResult) => {
			const i = sceneWords.length;
			if (i === 0) {
				sampleRate = speech.sampleRate;
				meter = createLoudnessMeter(sampleRate);
				silence(PAUSES_MS.lead);
			} else {
				silence(scenes[i].paragraph !== scenes[i - 1].paragraph ? PAUSES_MS.paragraph : PAUSES_MS.sentence);
			}
			sceneWords.push(speech.words.map((w) => ({startMs: round(cursorMs + w.startMs), endMs: round(cursorMs + w.endMs)})));
			append(speech.samples);
			cursorMs += (speech.samples.length * 1000) / speech.sampleRate;
		},
		end: () => {
			silence(PAUSES_MS.tail);
			// Joined where the finish works on it, so a minute of narration is not copied again.
			const samples = finishBuffer(parts.reduce((n, p) => n + p.length, 0), sampleRate);
			let offset = 0;
			for (const p of parts) {
				samples.set(p, offset);
				offset += p.length;
			}
			return {samples, sampleRate, durationMs: round((samples.length * 1000) / sampleRate), sceneWords, lufs: meter?.lufs()};
		},
	};
};

export const narrate = async ({scenes, voice, warn = () => {}, cache = createCacheStore(), signal}: {
	scenes: ScriptScene[];
	voice: NarrationVoice;
	warn?: (m: string) => void;
	cache?: CacheStore;
	/** Stops asking for sentences (those already asked for are still spoken, and cached) and rejects. */
	signal?: AbortSignal;
}): Promise<Narration> => {
	if (scenes.length === 0) throw new ReelError('SCRIPT_EMPTY', 'nothing to narrate: the script has no sentences');
	const key = narrationKey(scenes, voice);
	const cached = await readNarration({cache, stage: NARRATION_STAGE, key, warn});
	if (cached) return cached;
	const warnings: string[] = [];
	const collect = (m: string) => {
		warnings.push(m);
		warn(m);
	};
	const identity = voiceIdentity(voice);
	let speak: Speak | null = null;
	const join = createJoin(scenes);
	// espeak is asked for several sentences ahead: its worker speaks them one after another (each from the
	// same state, so in any order), and no sentence waits for this thread to take the last one's answer
	// (about 10 ms a sentence, more while other stages run here). A bounded number, so a long script does not
	// open thousands of cache files at once. Piper runs on this process's cores, so one at a time. Warnings
	// are replayed in the script's order either way.
	const ahead = voice.engine === 'espeak' ? SENTENCES_AHEAD : 1;
	const speakOne = (scene: ScriptScene) => {
		signal?.throwIfAborted();
		const sceneWarnings: string[] = [];
		const speech = cachedSpeech({cache, scene, voiceIdentity: identity, warn: (m) => sceneWarnings.push(m), speak: async (s, w) => (speak ??= await speakerFor(voice))(s, w)});
		return speech.then((result) => ({result, sceneWarnings}));
	};
	const pending: ReturnType<typeof speakOne>[] = [];
	for (const [i, scene] of scenes.entries()) {
		// Starts when the sentence `ahead` places back is done, and fails with it: after a failure (or an abort),
		// only sentences already asked for are spoken.
		const next = i < ahead ? Promise.resolve().then(() => speakOne(scene)) : pending[i - ahead].then(() => speakOne(scene));
		next.catch(() => {}); // a failure is thrown where it is awaited, below
		pending.push(next);
	}
	for (const next of pending) {
		const {result, sceneWarnings} = await next;
		signal?.throwIfAborted();
		sceneWarnings.forEach(collect);
		join.add(result);
	}
	const {samples, sampleRate, durationMs, sceneWords, lufs} = join.end();
	const finished = finishLoudness({samples, sampleRate, lufs});
	const loudness = {before: finished.before, after: finished.after};
	const wav = encodeWav({samples: finished.samples, sampleRate});
	return writeNarration({cache, stage: NARRATION_STAGE, key, wav, result: {durationMs, sceneWords, loudness}, warnings});
};

const round = (x: number) => Math.round(x * 10) / 10;
