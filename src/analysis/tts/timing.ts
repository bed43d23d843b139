// Engine phonemes → timings for the caller's words. Pure, so the mapping rules
// are tested without running a synthesiser.
import type {WordSpan, WordTiming} from './types';

/** One audible phoneme, tagged with where its engine word starts in the text. */
export type Phone = {charIndex: number; startMs: number; endMs: number};

/** Silence kept before the first and after the last phoneme; the caller adds its own sentence gaps. */
export const LEAD_PAD_MS = 10;
/** A little more at the end: a final stop or fricative rings on past its event. */
export const TAIL_PAD_MS = 30;
/** Shortest word we ever report, so every word has endMs > startMs. */
const MIN_WORD_MS = 1;

/**
 * The span an engine word belongs to: the one containing its first character,
 * else the one before it. An engine word in a gap is the tail of a multi-word
 * reading of the previous span (an emoji read as "grinning face").
 */
const spanIndexAt = (words: WordSpan[], charIndex: number): number => {
	let index = 0;
	for (let i = 0; i < words.length; i++) {
		if (words[i].charStart <= charIndex) index = i;
		else break;
	}
	return index;
};

const lettersIn = (text: string, {charStart, charEnd}: WordSpan): number =>
	(text.slice(charStart, charEnd).match(/[\p{L}\p{N}]/gu) ?? []).length;

/**
 * Splits one engine word's phonemes over several caller words (espeak reads
 * "in the" as one word), in proportion to their letters, on phoneme boundaries
 * when there are enough phonemes, else evenly in time.
 */
const splitPhones = (phones: Phone[], weights: number[]): WordTiming[] => {
	const total = weights.reduce((a, b) => a + b, 0);
	const first = phones[0].startMs;
	const last = phones[phones.length - 1].endMs;
	let cumulative = 0;
	if (phones.length < weights.length) {
		return weights.map((w) => {
			const startMs = first + ((last - first) * cumulative) / total;
			cumulative += w;
			return {startMs, endMs: first + ((last - first) * cumulative) / total};
		});
	}
	let from = 0;
	return weights.map((w, i) => {
		cumulative += w;
		const left = weights.length - i - 1;
		const to = Math.min(phones.length - left, Math.max(from + 1, Math.round((phones.length * cumulative) / total)));
		const timing = {startMs: phones[from].startMs, endMs: phones[to - 1].endMs};
		from = to;
		return timing;
	});
};

/** Skipped symbols share the pause around them (or a sliver where there is none). */
const fillSilent = (timings: (WordTiming | null)[], fromMs: number, toMs: number): void => {
	let i = 0;
	while (i < timings.length) {
		if (timings[i]) {
			i++;
			continue;
		}
		let end = i;
		while (end < timings.length && !timings[end]) end++;
		const from = timings[i - 1]?.endMs ?? fromMs;
		const to = timings[end]?.startMs ?? toMs;
		const step = Math.max(0, to - from) / (end - i);
		for (let j = i; j < end; j++) timings[j] = {startMs: from + step * (j - i), endMs: from + step * (j - i + 1)};
		i = end;
	}
};

/** Forces the invariants the plan relies on, whatever order the engine reported things in. */
const enforceOrder = (timings: WordTiming[], durationMs: number): WordTiming[] => {
	let previousEnd = 0;
	const out = timings.map(({startMs, endMs}) => {
		const start = Math.max(startMs, previousEnd);
		const end = Math.max(endMs, start + MIN_WORD_MS);
		previousEnd = end;
		return {startMs: start, endMs: end};
	});
	let nextStart = durationMs;
	for (let i = out.length - 1; i >= 0; i--) {
		out[i].endMs = Math.min(out[i].endMs, nextStart);
		out[i].startMs = Math.max(0, Math.min(out[i].startMs, out[i].endMs - MIN_WORD_MS));
		nextStart = out[i].startMs;
	}
	return out;
};

export type TimedSpeech = {
	/** The stretch of engine audio to keep (leading and trailing silence trimmed). */
	keepFromMs: number;
	keepToMs: number;
	/** Relative to keepFromMs. */
	words: WordTiming[];
};

export const timeWords = ({text, words, phones, durationMs}: {
	text: string;
	words: WordSpan[];
	phones: Phone[];
	durationMs: number;
}): TimedSpeech => {
	if (phones.length === 0) {
		// Nothing audible (the text was all symbols the voice skips): spread the words over what there is.
		const even: (WordTiming | null)[] = words.map(() => null);
		fillSilent(even, 0, durationMs);
		return {keepFromMs: 0, keepToMs: durationMs, words: enforceOrder(even as WordTiming[], durationMs)};
	}
	const keepFromMs = Math.max(0, phones[0].startMs - LEAD_PAD_MS);
	const keepToMs = Math.min(durationMs, phones[phones.length - 1].endMs + TAIL_PAD_MS);
	const buckets: Phone[][] = words.map(() => []);
	for (const phone of phones) buckets[spanIndexAt(words, phone.charIndex)]?.push(phone);

	// A word without phonemes was swallowed by the engine word before it (or, leading words, after it)
	// and gets a share of that word's phonemes; a symbol the voice skipped ("—", "<") gets no share.
	const silent = words.map((w, i) => buckets[i].length === 0 && lettersIn(text, w) === 0);
	const owners = buckets.flatMap((bucket, index) => (bucket.length > 0 ? [index] : []));
	const timings: (WordTiming | null)[] = words.map(() => null);
	owners.forEach((owner, k) => {
		const group: number[] = [];
		for (let i = k === 0 ? 0 : owner; i < (owners[k + 1] ?? words.length); i++) if (!silent[i]) group.push(i);
		const split = splitPhones(buckets[owner], group.map((i) => Math.max(1, lettersIn(text, words[i]))));
		group.forEach((i, g) => (timings[i] = split[g]));
	});
	fillSilent(timings, keepFromMs, keepToMs);
	const shifted = (timings as WordTiming[]).map((t) => ({startMs: t.startMs - keepFromMs, endMs: t.endMs - keepFromMs}));
	return {keepFromMs, keepToMs, words: enforceOrder(shifted, keepToMs - keepFromMs)};
};
