// How far to trust the result, per word and as a whole: the decoder's own
// score, words squeezed to the shortest possible duration (the text had more
// words than the audio there), sentences forced onto speech that is not
// theirs, and speech that no transcript word covers.
import {frameAt, HOP_MS, speechMask, type Activity} from './activity';
import type {DecodedWord} from './engine';
import type {AlignedWord} from './types';
import {doubtfulPauses} from './windows';

/** Every phone at the model's 3-frame minimum: the word was forced into too little audio. */
const MIN_PHONE_MS = 30;
/** Untranscribed sound must stand this far above the floor, and last this long, to be reported. */
const EXTRA_SPEECH_DB = 10;
const EXTRA_SPEECH_MS = 1_000;
/** This many low-confidence words in a row are reported as a stretch that does not match. */
const LOW_CONFIDENCE = 0.5;
const LOW_RUN = 3;

/** A forced word's score is cut by this, as a squeezed one's is. */
const FORCED_FACTOR = 0.3;

/**
 * The decode with the words of a sentence that still holds a doubtful pause
 * (speech no word explains, windows.ts) scored down: after the decode with a
 * phone loop, that is text forced onto sound that is not it, as when the
 * transcript belongs to another take. The low-confidence warning then names it.
 */
export const distrustForced = ({decoded, starts, speech}: {decoded: DecodedWord[]; starts: number[]; speech: Uint8Array}): DecodedWord[] => {
	const sentenceOf = (wordIndex: number) => starts.filter((s) => s <= wordIndex).length;
	const heardNear = (i: number, step: -1 | 1): DecodedWord | undefined => {
		for (let j = i + step; j >= 0 && j < decoded.length; j += step) if (decoded[j].wordIndex >= 0 && !decoded[j].missing) return decoded[j];
		return undefined;
	};
	const forced = new Set<number>();
	for (const i of doubtfulPauses(decoded, speech)) {
		const [before, after] = [heardNear(i, -1), heardNear(i, 1)];
		if (before && after && sentenceOf(before.wordIndex) === sentenceOf(after.wordIndex)) forced.add(sentenceOf(before.wordIndex));
	}
	if (forced.size === 0) return decoded;
	return decoded.map((w) => (w.wordIndex >= 0 && !w.missing && forced.has(sentenceOf(w.wordIndex)) ? {...w, probability: w.probability * FORCED_FACTOR} : w));
};

/** The decoder's score, cut where a word of `phones` phones got no more than the minimum time. */
export const wordConfidence = (word: DecodedWord, phones: number): number => {
	const squeezed = phones >= 3 && word.endMs - word.startMs <= phones * MIN_PHONE_MS;
	const score = Math.max(0, Math.min(1, word.probability));
	return Math.round((squeezed ? score * FORCED_FACTOR : score) * 1000) / 1000;
};

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const quote = (words: AlignedWord[]) => `"${words.map((w) => w.text).join(' ').slice(0, 60)}"`;

/** Runs of words the decoder placed with little confidence: text the audio may not contain. */
export const lowConfidenceWarnings = (words: AlignedWord[]): string[] => {
	const warnings: string[] = [];
	let i = 0;
	while (i < words.length) {
		if (words[i].confidence >= LOW_CONFIDENCE || words[i].startMs === words[i].endMs) { // an instant: nothing heard, reported elsewhere
			i++;
			continue;
		}
		let end = i;
		while (end < words.length && words[end].confidence < LOW_CONFIDENCE && words[end].startMs < words[end].endMs) end++;
		if (end - i >= LOW_RUN) {
			const run = words.slice(i, end);
			warnings.push(`words ${i + 1}–${end} ${quote(run)} at ${seconds(run[0].startMs)}–${seconds(run[run.length - 1].endMs)} s fit the audio poorly: are they in the recording?`);
		}
		i = end;
	}
	return warnings;
};

/** Transcript words the audio was found not to hold (a sentence cut from the take), one warning per run. */
export const missingWarnings = ({words, decoded, spokenIndex}: {words: AlignedWord[]; decoded: DecodedWord[]; spokenIndex: number[]}): string[] => {
	const missing = decoded.filter((w) => w.missing).map((w) => spokenIndex[w.wordIndex]);
	const runs: [number, number][] = [];
	for (const i of missing) {
		const last = runs[runs.length - 1];
		if (last && spokenIndex.indexOf(i) === spokenIndex.indexOf(last[1]) + 1) last[1] = i;
		else runs.push([i, i]);
	}
	return runs.map(([a, b]) => `words ${a + 1}–${b + 1} ${quote(words.slice(a, b + 1))} are not in the recording: left out at ${seconds(words[a].startMs)} s (they get no time on screen)`);
};

/** Where a gap sits in the transcript: between which words. */
const between = (words: AlignedWord[], before: number): string => {
	const name = (i: number) => `word ${i + 1} "${words[i].text}"`;
	if (before < 0) return `before ${name(0)}`;
	return before + 1 < words.length ? `between ${name(before)} and ${name(before + 1)}` : `after ${name(before)}, the last`;
};

/** Stretches of clear sound between aligned words: speech the transcript does not have. */
export const extraSpeechWarnings = ({words, activity, durationMs}: {words: AlignedWord[]; activity: Activity; durationMs: number}): string[] => {
	const mask = speechMask(activity, EXTRA_SPEECH_DB);
	const gaps: [number, number, number][] = [];
	let previousEnd = 0;
	words.forEach((w, i) => {
		if (w.startMs > previousEnd) gaps.push([previousEnd, w.startMs, i - 1]);
		previousEnd = Math.max(previousEnd, w.endMs);
	});
	gaps.push([previousEnd, durationMs, words.length - 1]);
	return gaps.flatMap(([a, b, before]) => {
		const from = frameAt(a, mask.length);
		const to = frameAt(b, mask.length);
		const soundMs = mask.subarray(from, to).reduce((n, s) => n + s, 0) * HOP_MS;
		return soundMs >= EXTRA_SPEECH_MS
			? [`${seconds(a)}–${seconds(b)} s holds ${seconds(soundMs)} s of sound that no transcript word covers (${between(words, before)}): is speech missing from the transcript?`]
			: [];
	});
};
