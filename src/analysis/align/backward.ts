// The second half of a take cut in two, aligned from its end backwards: the
// text's last word is the audio's last word, so this half needs no guess of
// where in the text it starts. Each window takes the last words still to place
// with every sentence optional (a sentence only partly inside the window is
// left for the next one), keeps the words well after the window's start, and
// the next window ends in the pause before them.
import {findPauses, speechMsBetween} from './activity';
import type {DecodedWord, loadEngine} from './engine';
import {decodeSkipping, refit, slice, windowEnd, windowWords, type DecodeInput} from './windows';

type Engine = Awaited<ReturnType<typeof loadEngine>>;

/** Words starting this close to a window's start may belong to speech cut off there: the next window redoes them. */
const MARGIN_MS = 2_000;
/** A pause at least this long is a clean place to end the next window. */
const CUT_PAUSE_MS = 150;

export type BackwardResult = {
	/** Timed words (indices into the keys given), in order. */
	words: DecodedWord[];
	/** The first word placed: the words before it belong to audio before this half. */
	firstWord: number;
	/** Null, or where no window could be matched (the words before `firstWord` are then unplaced). */
	failedAtMs: number | null;
};

/** Which decoded words to keep (from a heard word well after `startMs`, best after a pause), and where the next window ends. */
const keepTail = (words: DecodedWord[], startMs: number): {kept: DecodedWord[]; nextEndMs: number} => {
	const heardAt = words.flatMap((w, i) => (w.wordIndex >= 0 && !w.missing ? [i] : []));
	let k = heardAt.findIndex((i) => words[i].startMs >= startMs + MARGIN_MS);
	if (k < 0) k = heardAt.length - 1;
	const pauseBefore = (j: number) => {
		const before = words[heardAt[j] - 1];
		return before && before.wordIndex < 0 && before.endMs - before.startMs >= CUT_PAUSE_MS ? before : null;
	};
	for (let j = k; j <= Math.min(heardAt.length - 1, k + 10); j++) {
		if (pauseBefore(j)) {
			k = j;
			break;
		}
	}
	const pause = pauseBefore(k);
	const nextEndMs = pause ? Math.max((pause.startMs + pause.endMs) / 2, pause.endMs - 500) : words[heardAt[k]].startMs;
	return {kept: words.slice(heardAt[k]), nextEndMs};
};

/**
 * The last words of `keys` heard in the window, indices into `keys`. Offered
 * too few (the first one offered was heard, so more may be in the window), it
 * gets twice as many.
 */
const decodeTail = (engine: Engine, {samples, offsetMs, keys, starts, expected, speech}: {samples: Float32Array; offsetMs: number; keys: string[]; starts: number[]; expected: number; speech: Uint8Array}): DecodedWord[] | null => {
	let count = windowWords(expected, keys.length);
	for (let attempt = 0; attempt < 3; attempt++) {
		const from = keys.length - count;
		const window = {samples, offsetMs, keys: keys.slice(from), starts: starts.filter((s) => s >= from).map((s) => s - from)};
		const words = refit(engine, decodeSkipping(engine, {...window, phoneLoop: false}), {...window, speech});
		if (!words) return null;
		const firstHeard = words.find((w) => w.wordIndex >= 0 && !w.missing);
		if (firstHeard?.wordIndex !== 0 || from === 0 || attempt === 2) return words.map((w) => (w.wordIndex < 0 ? w : {...w, wordIndex: w.wordIndex + from}));
		count = Math.min(keys.length, count * 2);
	}
	return null;
};

/** From the first word heard on: text before it belongs to earlier audio. */
const fromFirstHeard = (words: DecodedWord[]): DecodedWord[] => words.slice(Math.max(0, words.findIndex((w) => w.wordIndex >= 0 && !w.missing)));

export const decodeBackward = ({engine, samples, sampleRate, keys, starts, speech, options, wordsPerSpeechMs}: DecodeInput & {
	/** Words per ms of speech, measured over the whole take. */
	wordsPerSpeechMs: number;
}): BackwardResult => {
	const durationMs = (samples.length * 1000) / sampleRate;
	const pauses = findPauses(speech, 300);
	const parts: DecodedWord[][] = [];
	let to = keys.length;
	let endMs = durationMs;
	while (to > 0 && endMs > 0) {
		const first = endMs <= options.windowMs * 1.5;
		const startMs = first ? 0 : Math.min(endMs - 1000, windowEnd(pauses, endMs - options.windowMs));
		const expected = wordsPerSpeechMs * speechMsBetween(speech, startMs, endMs);
		const words = decodeTail(engine, {samples: slice(samples, startMs, endMs, sampleRate), offsetMs: startMs, keys: keys.slice(0, to), starts, expected, speech});
		if (!words || !words.some((w) => w.wordIndex >= 0 && !w.missing)) return {words: parts.reverse().flat(), firstWord: to, failedAtMs: endMs};
		const {kept, nextEndMs} = first ? {kept: fromFirstHeard(words), nextEndMs: 0} : keepTail(words, startMs);
		parts.push(kept);
		to = kept.find((w) => w.wordIndex >= 0)?.wordIndex ?? to;
		endMs = nextEndMs;
	}
	return {words: parts.reverse().flat(), firstWord: to, failedAtMs: null};
};
