// Where the transcript and the recording disagree. A script edited after the
// take (a sentence added, one cut) makes the plain word sequence unalignable:
// the decoder finds no path, or forces the extra words into whatever sound is
// near. Decoded instead with every sentence optional (fsg.ts), the words that
// are there keep their places and a sentence the audio lacks is simply not heard.
import type {DecodedWord} from './engine';

/** A sentence longer than this many words is skipped in parts, so one stray clause does not cost the whole sentence. */
const MAX_SENTENCE_WORDS = 16;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;

/** Indices (into the spoken words) where a sentence, or a part of a long one, starts. Always holds 0. */
export const sentenceStarts = (texts: string[]): number[] => {
	const starts: number[] = [];
	let from = 0;
	texts.forEach((text, i) => {
		if (!SENTENCE_END.test(text) && i < texts.length - 1) return;
		const length = i + 1 - from;
		const parts = Math.ceil(length / MAX_SENTENCE_WORDS);
		for (let p = 0; p < parts; p++) starts.push(from + Math.round((p * length) / parts));
		from = i + 1;
	});
	return starts.length ? starts : [0];
};

/** The sentences (as [from, to) over `count` words) that start inside the first `count` words. */
const spans = (starts: number[], count: number): [number, number][] => {
	const inside = starts.filter((s) => s < count);
	if (inside[0] !== 0) inside.unshift(0);
	return inside.map((s, i) => [s, inside[i + 1] ?? count]);
};

/**
 * The decoded words numbered by the transcript again: sentences whose words
 * came out in order are heard; the others are added back as `missing`, an
 * instant where they would have been. Null when the words do not fit the sentences.
 */
export const restoreSkipped = (decoded: DecodedWord[], keys: string[], starts: number[]): DecodedWord[] | null => {
	const heard = decoded.filter((w) => w.wordIndex >= 0);
	const out: DecodedWord[] = [];
	let next = 0; // into heard
	let cursor = 0; // into decoded
	let lastEndMs = decoded[0]?.startMs ?? 0;
	for (const [a, b] of spans(starts, keys.length)) {
		const found = keys.slice(a, b).every((key, k) => heard[next + k]?.key === key);
		if (!found) {
			for (let i = a; i < b; i++) out.push({wordIndex: i, startMs: lastEndMs, endMs: lastEndMs, probability: 0, missing: true});
			continue;
		}
		const lastHeard = heard[next + b - a - 1];
		while (cursor < decoded.length && decoded[cursor] !== heard[next]) out.push(decoded[cursor++]); // pauses before it
		for (let i = a; i < b; i++) {
			while (decoded[cursor] !== heard[next]) out.push(decoded[cursor++]);
			out.push({...decoded[cursor++], wordIndex: i});
			next++;
		}
		lastEndMs = lastHeard.endMs;
	}
	if (next < heard.length) return null; // words heard out of sentence order: the grammar was not followed
	out.push(...decoded.slice(cursor));
	return out;
};
