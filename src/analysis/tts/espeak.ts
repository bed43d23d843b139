// Narration from espeak-ng (compiled to JS/WASM, GPL-3.0, runs in a worker
// thread) with word timings read from the engine's own phoneme events, never
// estimated from the text.
import {ReelError} from '../errors';
import {engineSynth, engineVoices, type EngineEvent} from './espeak-engine';
import {timeWords, type Phone} from './timing';
import type {SpeechResult, WordSpan} from './types';

export type {SpeechResult, WordSpan, WordTiming} from './types';

export type EspeakOptions = {
	/** A language code ("en-us", "en-gb", "fr"), voice name or identifier, optionally "+variant" ("en-us+f3"). @default 'en-us' */
	voice: string;
	/** espeak's nominal words per minute (80–450); real speech runs ~10% faster. @default 165 */
	rateWpm: number;
	/** Base pitch, 0–99. @default 50 */
	pitch: number;
};

export const defaultEspeakOptions: EspeakOptions = {voice: 'en-us', rateWpm: 165, pitch: 50};

const RATE_RANGE = [80, 450] as const;
const PITCH_RANGE = [0, 99] as const;
/** Below this RMS (about -40 dBFS) an unnamed phoneme is a pause, not a sound. */
const SILENCE_RMS = 0.01;

/** Language codes the installed voices answer to ("af", "en-us", "fr", "fr-fr", ...), each usable as `voice`. */
export const listVoices = async (): Promise<string[]> => [...new Set(await engineVoices())].sort();

const checkOptions = ({voice, rateWpm, pitch}: EspeakOptions): void => {
	if (!(rateWpm >= RATE_RANGE[0] && rateWpm <= RATE_RANGE[1])) {
		throw new ReelError('BAD_OPTION', `espeak rate must be ${RATE_RANGE[0]}–${RATE_RANGE[1]} words per minute, got ${rateWpm}`);
	}
	if (!(pitch >= PITCH_RANGE[0] && pitch <= PITCH_RANGE[1])) {
		throw new ReelError('BAD_OPTION', `espeak pitch must be ${PITCH_RANGE[0]}–${PITCH_RANGE[1]}, got ${pitch}`);
	}
	if (voice.trim() === '') throw new ReelError('BAD_OPTION', 'espeak voice is empty: use a language code such as en-us');
};

const unknownVoice = async (voice: string): Promise<ReelError> =>
	new ReelError(
		'BAD_OPTION',
		`unknown espeak-ng voice "${voice}": use a language code such as en-us, en-gb, fr or de, optionally ` +
			`with a variant (en-us+f3); listVoices() in src/analysis/tts/espeak.ts lists all ${(await listVoices()).length}`,
	);

const checkSpans = (text: string, words: WordSpan[]): void => {
	let previousEnd = 0;
	words.forEach(({charStart, charEnd}, i) => {
		if (!(charStart >= previousEnd && charEnd > charStart && charEnd <= text.length)) {
			throw new Error(`words[${i}] = ${charStart}..${charEnd} is not an ordered, non-empty span of the ${text.length}-character text`);
		}
		previousEnd = charEnd;
	});
};

/**
 * espeak reads its input as SSML, so `<`, `>` and `&` are escaped (a stray "<"
 * would otherwise hide text as a tag). Its event positions count code points
 * of that escaped string from 1; `offsets` maps them back to `text`.
 */
const toSsml = (text: string): {ssml: string; offsets: number[]} => {
	let ssml = '';
	const offsets: number[] = [];
	let offset = 0;
	for (const char of text) {
		const escaped = char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : char;
		for (const part of escaped) {
			ssml += part;
			offsets.push(offset);
		}
		offset += char.length;
	}
	offsets.push(offset);
	return {ssml, offsets};
};

const rmsOf = (audio: Int16Array, fromIndex: number, toIndex: number): number => {
	let sum = 0;
	for (let i = fromIndex; i < toIndex; i++) sum += audio[i] * audio[i];
	return Math.sqrt(sum / Math.max(1, toIndex - fromIndex)) / 32768;
};

/**
 * A phoneme starts at its event and lasts until the next phoneme event. espeak
 * gives pauses an empty name, but also some linking sounds ("worry_about"), so
 * an unnamed phoneme counts as part of the word only when it is audible.
 */
const phonesFrom = (events: EngineEvent[], offsets: number[], audio: Int16Array, sampleRate: number): Phone[] => {
	const durationMs = (audio.length * 1000) / sampleRate;
	const timed: (Phone & {named: boolean})[] = [];
	let charIndex = 0;
	for (const event of events) {
		if (event.type === 'word') {
			charIndex = offsets[Math.min(offsets.length - 1, Math.max(0, event.textPosition - 1))];
			continue;
		}
		const previous = timed[timed.length - 1];
		if (previous && previous.endMs === durationMs) previous.endMs = Math.min(durationMs, event.audioMs);
		if (event.type === 'phoneme') {
			timed.push({charIndex, startMs: event.audioMs, endMs: durationMs, named: Boolean(event.id)});
		}
	}
	const index = (ms: number) => Math.min(audio.length, Math.round((ms * sampleRate) / 1000));
	return timed
		.filter((p) => p.named || rmsOf(audio, index(p.startMs), index(p.endMs)) >= SILENCE_RMS)
		.map(({charIndex: c, startMs, endMs}) => ({charIndex: c, startMs, endMs}));
};

/**
 * Speaks one sentence (or clause) and times the caller's words in it. The audio
 * starts and ends within a few tens of milliseconds of speech; the caller adds
 * the pauses between sentences.
 */
export const synthesize = async ({text, words, options}: {
	text: string;
	words: WordSpan[];
	options: EspeakOptions;
}): Promise<SpeechResult> => {
	checkOptions(options);
	checkSpans(text, words);
	const {ssml, offsets} = toSsml(text);
	const speech = await engineSynth({
		ssml,
		voice: options.voice,
		rateWpm: Math.round(options.rateWpm),
		pitch: Math.round(options.pitch),
	});
	if (!speech) throw await unknownVoice(options.voice);
	const {audio, sampleRate, events} = speech;
	if (audio.length === 0 && words.length > 0) {
		throw new ReelError('TTS_FAILED', `espeak-ng produced no audio for "${text.slice(0, 60)}"`);
	}
	const durationMs = (audio.length * 1000) / sampleRate;
	const timed = timeWords({text, words, phones: phonesFrom(events, offsets, audio, sampleRate), durationMs});

	// Cut on whole samples just outside the kept stretch, and shift the words by the sliver gained.
	const from = Math.floor((timed.keepFromMs * sampleRate) / 1000);
	const to = Math.min(audio.length, Math.ceil((timed.keepToMs * sampleRate) / 1000));
	const shiftMs = timed.keepFromMs - (from * 1000) / sampleRate;
	const samples = new Float32Array(Math.max(0, to - from));
	for (let i = 0; i < samples.length; i++) samples[i] = audio[from + i] / 32768;
	const timings = timed.words.map((w) => ({startMs: w.startMs + shiftMs, endMs: w.endMs + shiftMs}));
	return {samples, sampleRate, words: timings};
};
