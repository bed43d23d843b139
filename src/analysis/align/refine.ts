// Boundaries next to pauses, moved onto the signal. The acoustic model works in
// 10 ms frames and, in a noisy room, lets a word swallow part of the pause next
// to it (a weak "th" looks like the noise); the energy onset and offset, measured
// against the recording's own floor, say where the sound really starts and stops.
import {boundaryMs, frameAt, HOP_MS, speechMask, type Activity} from './activity';

export type RefineOptions = {
	/** Sound counts as speech this far above the floor. @default 4 */
	thresholdDb: number;
	/** How far a boundary may move. @default 150 */
	searchMs: number;
	/** A silent stretch at least this long between two joined words becomes a pause. @default 100 */
	minGapMs: number;
	/** Shortest word kept. @default 30 */
	minWordMs: number;
};

export const defaultRefineOptions: RefineOptions = {thresholdDb: 4, searchMs: 150, minGapMs: 100, minWordMs: 30};

/** A word as the decoder placed it, and whether it has a pause (or the audio's edge) on either side. */
export type PlacedWord = {startMs: number; endMs: number; pauseBefore: boolean; pauseAfter: boolean};

/** Speech onset near `ms`: back to the start of the sound it is in, or on to the next sound. */
const onset = (mask: Uint8Array, ms: number, loMs: number, hiMs: number): number => {
	const lo = frameAt(loMs, mask.length);
	const hi = frameAt(hiMs, mask.length);
	let f = frameAt(ms, mask.length);
	if (mask[f]) while (f > lo && mask[f - 1]) f--;
	else while (f < hi && !(mask[f] && mask[f + 1])) f++;
	return mask[f] ? boundaryMs(f) : ms; // no sound in reach: keep the decoder's
};

/** Speech offset near `ms`: on to the end of the sound it is in, or back to the last sound. */
const offset = (mask: Uint8Array, ms: number, loMs: number, hiMs: number): number => {
	const lo = frameAt(loMs, mask.length);
	const hi = frameAt(hiMs, mask.length);
	let f = frameAt(ms - HOP_MS, mask.length);
	if (mask[f]) while (f < hi && mask[f + 1]) f++;
	else while (f > lo && !(mask[f] && mask[f - 1])) f--;
	return mask[f] ? boundaryMs(f + 1) : ms;
};

/** The longest silent run between two frames, as [from, to) frames. */
const longestGap = (mask: Uint8Array, from: number, to: number): [number, number] => {
	let best: [number, number] = [from, from];
	let f = from;
	while (f < to) {
		if (mask[f]) {
			f++;
			continue;
		}
		let end = f;
		while (end < to && !mask[end]) end++;
		if (end - f > best[1] - best[0]) best = [f, end];
		f = end;
	}
	return best;
};

export const refineBoundaries = ({words, activity, options = defaultRefineOptions}: {
	words: PlacedWord[];
	activity: Activity;
	options?: RefineOptions;
}): {startMs: number; endMs: number}[] => {
	const mask = speechMask(activity, options.thresholdDb);
	const {searchMs, minWordMs} = options;
	const quietAt = (ms: number) => activity.quiet?.[frameAt(ms, mask.length)] === 1;
	const out = words.map((w, i) => {
		const mid = (w.startMs + w.endMs) / 2;
		const previousEnd = i > 0 ? words[i - 1].endMs : 0;
		const nextStart = i + 1 < words.length ? words[i + 1].startMs : Infinity;
		let {startMs, endMs} = w;
		// Where the voice detector is sure the decoder's edge is in a pause, the sound may end (or start) further in than the usual reach.
		const reachIn = (ms: number) => (quietAt(ms) ? Infinity : searchMs);
		if (w.pauseBefore) startMs = onset(mask, startMs, Math.max(previousEnd, startMs - searchMs), Math.min(mid, startMs + reachIn(startMs)));
		if (w.pauseAfter) endMs = offset(mask, endMs, Math.max(mid, endMs - reachIn(endMs - HOP_MS)), Math.min(nextStart, endMs + searchMs));
		if (endMs - startMs < minWordMs) return {startMs: w.startMs, endMs: w.endMs};
		return {startMs, endMs};
	});
	for (let i = 0; i + 1 < out.length; i++) {
		if (words[i].pauseAfter || words[i + 1].pauseBefore) continue;
		const from = frameAt((out[i].startMs + out[i].endMs) / 2, mask.length);
		const to = frameAt((out[i + 1].startMs + out[i + 1].endMs) / 2, mask.length);
		const [gapFrom, gapTo] = longestGap(mask, from, to);
		if ((gapTo - gapFrom) * HOP_MS < options.minGapMs) continue;
		const gapStart = boundaryMs(gapFrom);
		const gapEnd = boundaryMs(gapTo);
		if (gapStart - out[i].startMs >= minWordMs && out[i + 1].endMs - gapEnd >= minWordMs) {
			out[i].endMs = gapStart;
			out[i + 1].startMs = gapEnd;
		}
	}
	return out;
};
