// The narration of a whole script: each scene synthesised on its own (so
// timings come from the engine per sentence), joined with pauses, written as
// one WAV. Keyed by a hash of text + voice settings: an unchanged script is
// not synthesised again.
import {createHash} from 'node:crypto';
import {existsSync, statSync} from 'node:fs';
import path from 'node:path';
import type {ScriptScene} from '../script/scenes';
import {cacheDir, publicMediaDir} from '../cache/dirs';
import {readJsonOrNull, writeFileAtomic} from '../cache/files';
import {encodeWav} from '../audio/wav';
import {finishLoudness, type LoudnessReport} from '../audio/finish';
import {synthesize, type EspeakOptions} from './espeak';
import {warmUp} from './espeak-engine';
import type {PiperOptions} from './piper';
import type {SpeechResult} from './types';

/** Which engine speaks, with its settings. */
export type NarrationVoice = {engine: 'espeak'; options: EspeakOptions} | {engine: 'piper'; options: PiperOptions};

export type Narration = {
	/** Relative to the public folder. */
	src: string;
	durationMs: number;
	/** Per scene, per caption word, on the narration timeline. */
	sceneWords: {startMs: number; endMs: number}[][];
	/** Integrated loudness and true peak as synthesised, and as written (see audio/finish). */
	loudness?: {before: LoudnessReport; after: LoudnessReport};
	cached: boolean;
};

/** Silence before the first word, between sentences, between paragraphs, after the last word. */
export const PAUSES_MS = {lead: 250, sentence: 180, paragraph: 550, tail: 500};
const ENGINE_VERSION = {espeak: 'espeak-ng-emscripten@0.3.5/2', piper: 'piper/onnxruntime-node@1.30.0/4'};

/** A Piper voice is named by its model path; its size and time stamp stand in for its 20–120 MB of content. */
const voiceIdentity = (voice: NarrationVoice): unknown => {
	if (voice.engine === 'espeak') return voice.options;
	const stamp = (file: string) => (existsSync(file) ? [statSync(file).size, statSync(file).mtimeMs] : null);
	return {...voice.options, stamp: stamp(voice.options.model), configStamp: stamp(`${voice.options.model}.json`)};
};

export const narrationKey = (scenes: ScriptScene[], voice: NarrationVoice): string =>
	createHash('sha256')
		.update(JSON.stringify([ENGINE_VERSION[voice.engine], PAUSES_MS, voiceIdentity(voice), scenes.map((s) => [s.paragraph, s.text])]))
		.digest('hex')
		.slice(0, 20);

/** Where a narration lives: its WAV in public/ (played by the video), its timings in the cache. */
export const narrationFiles = (key: string) => ({
	src: `reel/narration/${key}.wav`,
	wavFile: path.join(publicMediaDir(), 'narration', `${key}.wav`),
	metaFile: path.join(cacheDir(), 'narration', `${key}.json`),
});

/** A finished narration from an earlier run, or null when either half is missing or unreadable. */
export const cachedNarration = async ({src, wavFile, metaFile}: ReturnType<typeof narrationFiles>): Promise<Narration | null> => {
	const meta = (await readJsonOrNull(metaFile)) as Pick<Narration, 'durationMs' | 'sceneWords' | 'loudness'> | null;
	return meta && existsSync(wavFile) ? {...meta, src, cached: true} : null;
};

/**
 * Call as soon as the scenes are known. Unless this narration is cached, starts
 * the engine and has it compile itself on a throwaway sentence on its own thread
 * while the caller runs its other stages: a cold engine spends most of its first
 * second in V8's JIT. Changes no result (see warmUp).
 */
export const prepareNarration = ({scenes, voice}: {scenes: ScriptScene[]; voice: NarrationVoice}): void => {
	const {wavFile, metaFile} = narrationFiles(narrationKey(scenes, voice));
	if (existsSync(metaFile) && existsSync(wavFile)) return;
	if (voice.engine === 'espeak') return warmUp(voice.options.voice);
	// Opening the model (onnxruntime's start-up, graph optimisation) overlaps the clip scan; a failure is reported by narrate.
	void import('./piper').then(({loadPiperVoice}) => loadPiperVoice(voice.options.model)).catch(() => {});
};

/** The engine for one scene; Piper (and onnxruntime with it) is loaded only when chosen. */
const speakerFor = async (voice: NarrationVoice, warn: (m: string) => void): Promise<(scene: ScriptScene) => Promise<SpeechResult>> => {
	if (voice.engine === 'espeak') return (scene) => synthesize({text: scene.text, words: scene.words, options: voice.options});
	const {synthesizePiper} = await import('./piper-speech');
	return (scene) => synthesizePiper({text: scene.text, words: scene.words, options: voice.options, warn});
};

export const narrate = async ({scenes, voice, warn = () => {}}: {scenes: ScriptScene[]; voice: NarrationVoice; warn?: (m: string) => void}): Promise<Narration> => {
	const entry = narrationFiles(narrationKey(scenes, voice));
	const cached = await cachedNarration(entry);
	if (cached) return cached;
	const {src, wavFile, metaFile} = entry;
	const speak = await speakerFor(voice, warn);

	const parts: Float32Array[] = [];
	let sampleRate = 0;
	let cursorMs = PAUSES_MS.lead;
	const sceneWords: Narration['sceneWords'] = [];
	const silence = (ms: number) => new Float32Array(Math.round((ms * sampleRate) / 1000));
	for (const [i, scene] of scenes.entries()) {
		const speech = await speak(scene);
		if (sampleRate === 0) {
			sampleRate = speech.sampleRate;
			parts.push(silence(PAUSES_MS.lead));
		}
		if (i > 0) {
			const pause = scene.paragraph !== scenes[i - 1].paragraph ? PAUSES_MS.paragraph : PAUSES_MS.sentence;
			parts.push(silence(pause));
			cursorMs += pause;
		}
		sceneWords.push(speech.words.map((w) => ({startMs: round(cursorMs + w.startMs), endMs: round(cursorMs + w.endMs)})));
		parts.push(speech.samples);
		cursorMs += (speech.samples.length * 1000) / speech.sampleRate;
	}
	parts.push(silence(PAUSES_MS.tail));
	const total = parts.reduce((n, p) => n + p.length, 0);
	const samples = new Float32Array(total);
	let offset = 0;
	for (const p of parts) {
		samples.set(p, offset);
		offset += p.length;
	}
	const durationMs = round((total * 1000) / sampleRate);
	const finished = finishLoudness({samples, sampleRate});
	const loudness = {before: finished.before, after: finished.after};
	await writeFileAtomic(wavFile, encodeWav({samples: finished.samples, sampleRate}));
	await writeFileAtomic(metaFile, JSON.stringify({durationMs, sceneWords, loudness}));
	return {src, durationMs, sceneWords, loudness, cached: false};
};

const round = (x: number) => Math.round(x * 10) / 10;
