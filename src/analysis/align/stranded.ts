// Speech the transcript lacks (a sentence ad-libbed in the take) has no word to
// go to, so the decoder covers it with its silence model and, because any word
// fits speech better than silence does, pulls the nearest transcript word into
// it: the first word of the next sentence ends up inside the ad-lib, cut off by
// sound on both sides, while its own sound is left uncovered next to the rest
// of its sentence. Such a word is put back against its sentence.
import {frameAt, HOP_MS, speechMask, boundaryMs, type Activity} from './activity';
import type {DecodedWord} from './engine';

/** Sound this far above the floor counts. */
const SOUND_DB = 10;
/** A gap holding this much sound is speech, not breath or a click. */
const STRANDED_SOUND_MS = 300;
/** Silences shorter than this inside a word's sound do not end it. */
const BRIDGE_MS = 60;
/** A word put back takes at most this much of the sound before (or after) its neighbour. */
const MAX_WORD_MS = 1_200;

const soundMs = (mask: Uint8Array, fromMs: number, toMs: number): number =>
	mask.subarray(frameAt(fromMs, mask.length), frameAt(toMs, mask.length)).reduce((n, s) => n + s, 0) * HOP_MS;

/** The run of sound that ends at `ms` (going back) or starts there (going on), as its far edge; null when there is none. */
const runEdge = (mask: Uint8Array, ms: number, direction: -1 | 1): number | null => {
	const bridge = Math.round(BRIDGE_MS / HOP_MS);
	let f = frameAt(ms + (direction < 0 ? -HOP_MS : 0), mask.length);
	let quiet = 0;
	let edge: number | null = null;
	for (let steps = 0; f >= 0 && f < mask.length && steps * HOP_MS < MAX_WORD_MS; f += direction, steps++) {
		if (mask[f]) {
			quiet = 0;
			edge = f;
		} else if (++quiet > bridge && edge !== null) break;
		else if (edge === null && quiet > bridge) return null; // silence right at the neighbour: nothing to take
	}
	return edge === null ? null : direction < 0 ? boundaryMs(edge) : boundaryMs(edge + 1);
};

/**
 * Heard words with sound between them and both their transcript neighbours,
 * moved onto the sound next to the neighbour in their own sentence (the next
 * word for a sentence's first word, else the previous one).
 */
export const reattachStranded = ({decoded, activity, starts}: {decoded: DecodedWord[]; activity: Activity; starts: number[]}): DecodedWord[] => {
	const mask = speechMask(activity, SOUND_DB);
	const heard = decoded.filter((w) => w.wordIndex >= 0 && !w.missing);
	const sentenceStart = new Set(starts);
	const moved = new Map<DecodedWord, DecodedWord>();
	heard.forEach((w, i) => {
		const before = heard[i - 1];
		const after = heard[i + 1];
		if (!before || !after) return;
		if (soundMs(mask, before.endMs, w.startMs) < STRANDED_SOUND_MS || soundMs(mask, w.endMs, after.startMs) < STRANDED_SOUND_MS) return;
		const toNext = sentenceStart.has(w.wordIndex) || !sentenceStart.has(after.wordIndex);
		const edge = toNext ? runEdge(mask, after.startMs, -1) : runEdge(mask, before.endMs, 1);
		if (edge === null) return;
		moved.set(w, toNext ? {...w, startMs: edge, endMs: after.startMs, probability: w.probability * 0.5} : {...w, startMs: before.endMs, endMs: edge, probability: w.probability * 0.5});
	});
	if (moved.size === 0) return decoded;
	// A pause the moved word now lands in is dropped.
	const spans = [...moved.values()];
	const covered = (w: DecodedWord) => w.wordIndex < 0 && spans.some((m) => w.startMs < m.endMs && w.endMs > m.startMs);
	return decoded.filter((w) => !covered(w)).map((w) => moved.get(w) ?? w);
};
