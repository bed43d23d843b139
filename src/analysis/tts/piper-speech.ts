// One sentence from a Piper voice, with word timings. A neural voice reports
// no phoneme events, so the words are found in its audio by the forced
// aligner (English acoustic model). Where the aligner cannot follow (another
// language, or audio with no speech in it, such as Piper's silent test
// voice), the words are spread over the sentence by their phoneme counts, and
// the caller is told that these times are estimates.
import {alignWords} from '../align/align-words';
import {detectSpeech} from '../audio/vad';
import {ReelError} from '../errors';
import {enginePhonemes} from './espeak-engine';
import {infer, loadPiperVoice, sentenceIds, type PiperOptions, type PiperVoice} from './piper';
import {wordsFromDurations} from './piper-durations';
import {phonemeCount} from './piper-phonemes';
import type {SpeechResult, WordSpan, WordTiming} from './types';

/** The aligner's acoustic model is US English; other languages would be aligned against the wrong sounds. */
const ALIGNABLE_LANGUAGE = /^en([_-]|$)/i;
/** A word with no phonemes of its own ("—") still gets a sliver, so every word stays on screen a moment. */
const MIN_WEIGHT = 0.25;

/** Words laid end to end over [fromMs, toMs] in proportion to their weights. */
export const spreadByWeight = ({weights, fromMs, toMs}: {weights: number[]; fromMs: number; toMs: number}): WordTiming[] => {
	const w = weights.map((x) => Math.max(MIN_WEIGHT, x));
	const total = w.reduce((a, b) => a + b, 0);
	let at = fromMs;
	return w.map((x) => {
		const startMs = at;
		at += ((toMs - fromMs) * x) / total;
		return {startMs, endMs: at};
	});
};

const estimateWords = async (voice: PiperVoice, texts: string[], durationMs: number): Promise<WordTiming[]> => {
	const weights = await Promise.all(texts.map(async (t) => phonemeCount((await enginePhonemes({text: t, voice: voice.config.espeakVoice})) ?? '')));
	return spreadByWeight({weights, fromMs: 0, toMs: durationMs});
};

export const alignOrEstimate = async ({voice, texts, samples, label, warn}: {
	voice: PiperVoice;
	texts: string[];
	samples: Float32Array;
	label: string;
	warn: (m: string) => void;
}): Promise<WordTiming[]> => {
	const {sampleRate} = voice.config;
	const durationMs = (samples.length * 1000) / sampleRate;
	if (!ALIGNABLE_LANGUAGE.test(voice.config.language)) {
		warn(`${label}: no aligner model for ${voice.config.language}; word times estimated from phoneme counts`);
		return estimateWords(voice, texts, durationMs);
	}
	try {
		const {words, warnings} = await alignWords({samples, sampleRate, words: texts});
		for (const w of warnings) warn(`${label}: ${w}`);
		return words.map((w) => ({startMs: w.startMs, endMs: Math.max(w.endMs, w.startMs + 1)}));
	} catch (error) {
		if (!(error instanceof ReelError) || !['AUDIO_SILENT', 'ALIGN_FAILED'].includes(error.code)) throw error;
		warn(`${label}: the aligner found no speech to follow (${error.message}); word times estimated from phoneme counts`);
		return estimateWords(voice, texts, durationMs);
	}
};

/**
 * VITS voices start and end with a little room tone of their own; the caller
 * adds the pauses between sentences, so keep only the speech (Silero VAD, with
 * its padding). Audio with no speech in it is kept whole: there is nothing to
 * trim to, and the timings are then estimates over all of it.
 */
export const trimToSpeech = async (samples: Float32Array, sampleRate: number): Promise<{samples: Float32Array; fromMs: number}> => {
	const speech = await detectSpeech({samples, sampleRate});
	if (speech.length === 0) return {samples, fromMs: 0};
	const from = Math.floor((speech[0].startMs * sampleRate) / 1000);
	const to = Math.min(samples.length, Math.ceil((speech[speech.length - 1].endMs * sampleRate) / 1000));
	return {samples: samples.slice(from, to), fromMs: (from * 1000) / sampleRate};
};

const clamp = (ms: number, maxMs: number) => Math.max(0, Math.min(maxMs, ms));

export const synthesizePiper = async ({text, words, options, warn}: {
	text: string;
	words: WordSpan[];
	options: PiperOptions;
	warn: (m: string) => void;
}): Promise<SpeechResult> => {
	const voice = await loadPiperVoice(options.model);
	const {phonemes, ids, missing} = await sentenceIds(voice, text);
	if (missing.length > 0) warn(`${options.model}: the voice has no id for ${missing.map((m) => JSON.stringify(m)).join(', ')}; skipped, as Piper does`);
	const {sampleRate, idMap} = voice.config;
	const raw = await infer(voice, ids, options);
	const {samples, fromMs} = await trimToSpeech(raw.samples, sampleRate);
	if (samples.length === 0) throw new ReelError('TTS_FAILED', `${options.model}: the voice returned no audio for "${text.slice(0, 60)}"`);
	const durationMs = (samples.length * 1000) / sampleRate;
	// The model's own phoneme durations when it reports them and its words pair up with the caption's; else the aligner.
	const fromModel = raw.idSamples && wordsFromDurations({phonemes, idMap, idSamples: raw.idSamples, sampleRate, wordCount: words.length});
	if (fromModel) return {samples, sampleRate, words: fromModel.map((w) => ({startMs: clamp(w.startMs - fromMs, durationMs), endMs: clamp(w.endMs - fromMs, durationMs)}))};
	const texts = words.map((w) => text.slice(w.charStart, w.charEnd));
	const label = `piper voice ${options.model}: "${text.slice(0, 40)}${text.length > 40 ? '…' : ''}"`;
	return {samples, sampleRate, words: await alignOrEstimate({voice, texts, samples, label, warn})};
};
