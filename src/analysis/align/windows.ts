// Long audio in windows: the search's cost per frame grows with the number of
// words it holds (five minutes in one pass: 29 s of CPU here; in 30-second
// windows: 21 s), and so would its memory. Windows much shorter than that align
// worse: the decoder normalises the cepstrum over the window (batch CMN), and a
// short window full of pauses skews the mean. Each window ends in a pause; its text is a prefix
// of the words still to place; the words that end well before the window's end
// are kept, and the next window starts in the pause after them.
import {BEAM_SCHEDULE, decode, type DecodedWord, type DecodeRequest, type loadEngine} from './engine';
import {findPauses, HOP_MS, speechMsBetween} from './activity';
import {restoreSkipped} from './sentences';

type Engine = Awaited<ReturnType<typeof loadEngine>>;

export type WindowOptions = {singlePassMaxMs: number; windowMs: number};

/** Words ending this close to a window's end may belong to speech cut off there: the next window redoes them. */
const MARGIN_MS = 2_000;
/** A window's text: the expected count times TAIL_FACTOR plus SLACK_WORDS, of which CORE_FACTOR times the expected count must be spoken. */
const CORE_FACTOR = 0.6;
const TAIL_FACTOR = 1.4;
const SLACK_WORDS = 8;
/** How far from the target length a window may end, to end in a pause. */
const SNAP_MS = 5_000;
/** A pause at least this long is a clean place to start the next window. */
const CUT_PAUSE_MS = 150;

/** The beam schedule in turn: wider only where the search finds no path. */
export const decodeWithRetry = (engine: Engine, request: Omit<DecodeRequest, 'beams'>): DecodedWord[] | null => {
	for (const beams of BEAM_SCHEDULE) {
		const words = decode(engine, {...request, beams});
		if (words) return words;
	}
	return null;
};

/**
 * The text again with every sentence optional, for a window the plain text
 * does not fit: a sentence the audio lacks is left out (marked missing) instead
 * of failing the window or being forced into the sound nearby. With
 * `phoneLoop`, speech the text lacks goes to a loop of phones instead of
 * pulling the text's words into it.
 */
export const decodeSkipping = (engine: Engine, {samples, offsetMs, keys, starts, phoneLoop}: {samples: Float32Array; offsetMs: number; keys: string[]; starts: number[]; phoneLoop: boolean}): DecodedWord[] | null => {
	const words = decodeWithRetry(engine, {samples, offsetMs, keys, minWords: 1, sentences: {starts, phoneLoop}});
	const restored = words && restoreSkipped(words, keys, starts);
	return restored?.some((w) => w.wordIndex >= 0 && !w.missing) ? restored : null;
};

/** A pause between two heard words holding this much sound (in `speech`) may be speech no word explains, */
const UNEXPLAINED_SOUND_MS = 300;
/**
 * when the decoder doubts it too. Its pauses over breath, a cough or room
 * noise scored 0.78-0.98 on the development recordings; over speech (a
 * sentence cut from the text, or one added in the take) 0.36-0.69.
 */
const DOUBTFUL_PAUSE = 0.75;

/**
 * Whether a decode left speech in a pause between its words: the sign of text
 * forced onto sound that is not it (a sentence the take lacks) or of speech
 * the text lacks. The plain search finds a path either way when the model
 * scores wrong words well enough, so its failing is no test. Pauses before the
 * first word and after the last are not counted: a window's edges hold speech
 * of the words around it.
 */
export const leavesSpeechOut = (words: DecodedWord[], speech: Uint8Array): boolean => doubtfulPauses(words, speech).length > 0;

/** Where (indices into `words`) a decode left speech in a pause between its words. */
export const doubtfulPauses = (words: DecodedWord[], speech: Uint8Array): number[] => {
	const heard = words.flatMap((w, i) => (w.wordIndex >= 0 && !w.missing ? [i] : []));
	return words.flatMap((w, i) => (w.wordIndex < 0 && i > heard[0] && i < heard[heard.length - 1] && w.probability < DOUBTFUL_PAUSE && speechMsBetween(speech, w.startMs, w.endMs) >= UNEXPLAINED_SOUND_MS ? [i] : []));
};

/**
 * `words` when they account for the window's speech, else the window decoded
 * again with sentences optional and a phone loop for speech the text lacks
 * (`words` still, should that find nothing).
 */
export const refit = (engine: Engine, words: DecodedWord[] | null, request: {samples: Float32Array; offsetMs: number; keys: string[]; starts: number[]; speech: Uint8Array}): DecodedWord[] | null =>
	words && !leavesSpeechOut(words, request.speech) ? words : (decodeSkipping(engine, {...request, phoneLoop: true}) ?? words);

export const slice = (samples: Float32Array, fromMs: number, toMs: number, rate: number) =>
	samples.subarray(Math.round((fromMs * rate) / 1000), Math.round((toMs * rate) / 1000));

/** The middle of the longest pause near `targetMs`, else `targetMs`. */
export const windowEnd = (pauses: [number, number][], targetMs: number): number => {
	const near = pauses.filter(([a, b]) => b > targetMs - SNAP_MS && a < targetMs + SNAP_MS);
	if (near.length === 0) return targetMs;
	const [a, b] = near.reduce((best, p) => (p[1] - p[0] > best[1] - best[0] ? p : best));
	return (a + b) / 2;
};

/** How many words a window's text offers, for `expected` words heard. */
export const windowWords = (expected: number, available: number) => Math.min(available, Math.ceil(expected * TAIL_FACTOR) + SLACK_WORDS);

/** The words up to the last one heard: text left over at the end belongs to audio that follows. */
const throughLastHeard = (words: DecodedWord[]): DecodedWord[] => {
	let last = words.length - 1;
	while (last >= 0 && (words[last].wordIndex < 0 || words[last].missing)) last--;
	return words.slice(0, last + 1);
};

/** How many of the decoded words to keep, and where the next window starts. */
const acceptWords = (words: DecodedWord[], endMs: number): {kept: DecodedWord[]; nextStartMs: number} => {
	const spokenAt = words.flatMap((w, i) => (w.wordIndex >= 0 && !w.missing ? [i] : []));
	let count = spokenAt.filter((i) => words[i].endMs <= endMs - MARGIN_MS).length || 1;
	const pauseAfter = (c: number): DecodedWord | null => {
		const next = words[spokenAt[c - 1] + 1];
		return next && next.wordIndex < 0 && next.endMs - next.startMs >= CUT_PAUSE_MS ? next : null;
	};
	// Prefer to cut in a pause: the last kept word followed by one.
	for (let c = count; c >= Math.max(1, count - 10); c--) {
		if (pauseAfter(c)) {
			count = c;
			break;
		}
	}
	const lastIndex = spokenAt[count - 1];
	const pause = pauseAfter(count);
	const nextStartMs = pause ? Math.min((pause.startMs + pause.endMs) / 2, pause.startMs + 500) : words[lastIndex].endMs;
	return {kept: words.slice(0, lastIndex + 1), nextStartMs};
};

/**
 * One window of long audio: a prefix of `keys`, about `expected` words long.
 * Offered too few words (all used), it gets twice as many; ending on the last
 * word it had to speak (perhaps forced in), it gives up: the caller decodes it
 * again with every sentence optional.
 */
const decodeWindow = (engine: Engine, {samples, offsetMs, keys, expected}: {samples: Float32Array; offsetMs: number; keys: string[]; expected: number}): DecodedWord[] | null => {
	let count = windowWords(expected, keys.length);
	const minWords = Math.max(1, Math.floor(expected * CORE_FACTOR));
	for (let attempt = 0; attempt < 3; attempt++) {
		const words = decodeWithRetry(engine, {samples, offsetMs, keys: keys.slice(0, count), minWords: Math.min(minWords, count)});
		const used = words ? words.filter((w) => w.wordIndex >= 0).length : 0;
		// Only the words it had to speak, perhaps forced in: slower speech than elsewhere, or text the audio lacks.
		if (!words || used <= Math.min(minWords, count)) return null;
		if (used < count || count >= keys.length) return words;
		count = Math.min(keys.length, count * 2);
	}
	return null;
};

/**
 * All words placed, in order (pauses with wordIndex -1 between them, words the
 * audio lacks marked missing), or null where the audio and the text could not
 * be matched from `fromWord` on.
 */
/** What every decoder of a take (windows, backward, the worker, the halves) is given. */
export type DecodeInput = {
	engine: Engine;
	samples: Float32Array;
	sampleRate: number;
	keys: string[];
	/** Where sentences start in `keys`. */
	starts: number[];
	/** Speech mask in HOP_MS frames, to find pauses and the speaking rate. */
	speech: Uint8Array;
	options: WindowOptions;
};

export const decodeInWindows = ({engine, samples, sampleRate, keys, starts, speech, options, openEnd = false, wordsPerSpeechMs: rate}: DecodeInput & {
	/** The audio ends before the text does (the first half of a take cut in two): place as many words as the audio holds. */
	openEnd?: boolean;
	/** Words per ms of speech; by default the text over this audio (not so for an open end). */
	wordsPerSpeechMs?: number;
}): {words: DecodedWord[]; failedFrom: number | null; failedAtMs: number} => {
	const durationMs = (samples.length * 1000) / sampleRate;
	const pauses = findPauses(speech, 300);
	const wordsPerSpeechMs = rate ?? keys.length / Math.max(1000, speech.reduce((n, s) => n + s, 0) * HOP_MS);
	const out: DecodedWord[] = [];
	let from = 0;
	let startMs = 0;
	while (from < keys.length) {
		const rest = keys.slice(from);
		const restStarts = starts.filter((s) => s >= from).map((s) => s - from);
		const lastWindow = startMs === 0 ? durationMs <= options.singlePassMaxMs : durationMs - startMs <= options.windowMs * 1.5;
		const endMs = lastWindow ? durationMs : windowEnd(pauses, startMs + options.windowMs);
		const window = {samples: slice(samples, startMs, endMs, sampleRate), offsetMs: startMs};
		const expected = wordsPerSpeechMs * speechMsBetween(speech, startMs, endMs);
		const exact = lastWindow && !openEnd;
		const plain = exact ? decodeWithRetry(engine, {...window, keys: rest}) : decodeWindow(engine, {...window, keys: rest, expected});
		const words = refit(engine, plain, {...window, keys: exact ? rest : rest.slice(0, windowWords(expected, rest.length)), starts: restStarts, speech});
		if (!words) return {words: out, failedFrom: from, failedAtMs: startMs};
		const {kept, nextStartMs} = exact ? {kept: words, nextStartMs: durationMs} : lastWindow ? {kept: throughLastHeard(words), nextStartMs: durationMs} : acceptWords(words, endMs);
		out.push(...kept.map((w) => ({...w, wordIndex: w.wordIndex < 0 ? -1 : w.wordIndex + from})));
		from += kept.filter((w) => w.wordIndex >= 0).length;
		startMs = nextStartMs;
		if (lastWindow) break; // open end: the rest of the text is not in this audio
	}
	return {words: out, failedFrom: null, failedAtMs: durationMs};
};
