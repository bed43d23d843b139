// Word timings from the model itself, for Piper voices exported with their
// duration output (piper1-gpl's "alignment" patch exposes how many frames the
// model gave each phoneme id). The ids are walked the way they were built
// (bos + pad, each phoneme + pad, eos), so every phoneme gets its samples, and
// the spaces between espeak's words mark where words begin and end.
import {BOS, PAD, type PiperConfig} from './piper-config';
import type {WordTiming} from './types';

/** Symbols Piper keeps from the text that are not sounds of a word. */
const NOT_IN_WORD = new Set([' ', '.', ',', '?', '!', ':', ';', '-', '—', '…', '"', "'", '(', ')']);

/**
 * `idSamples[i]` is how many audio samples id i produced. Returns one timing
 * per espeak word, or null when the ids do not line up with the phonemes or
 * the words do not pair up one to one with the caption's (espeak reads "in
 * the" as one word, "1990" as several): the caller then uses the aligner.
 */
export const wordsFromDurations = ({phonemes, idMap, idSamples, sampleRate, wordCount}: {
	phonemes: string[];
	idMap: PiperConfig['idMap'];
	idSamples: number[];
	sampleRate: number;
	wordCount: number;
}): WordTiming[] | null => {
	const pad = idMap.get(PAD)!;
	let at = idMap.get(BOS)!.length + pad.length;
	let t = idSamples.slice(0, at).reduce((a, b) => a + b, 0);
	const words: {start: number; end: number}[] = [];
	let open: {start: number; end: number} | null = null;
	for (const phoneme of phonemes) {
		const ids = idMap.get(phoneme);
		if (!ids) continue; // skipped when the ids were built, so it has no samples either
		const n = ids.length + pad.length;
		if (at + n > idSamples.length) return null;
		const duration = idSamples.slice(at, at + n).reduce((a, b) => a + b, 0);
		if (NOT_IN_WORD.has(phoneme)) {
			if (open) words.push(open);
			open = null;
		} else {
			open ??= {start: t, end: t};
			open.end = t + duration;
		}
		at += n;
		t += duration;
	}
	if (open) words.push(open);
	if (words.length !== wordCount) return null;
	const ms = (samples: number) => (samples * 1000) / sampleRate;
	return words.map((w) => ({startMs: ms(w.start), endMs: ms(w.end)}));
};
