// Which caption page, and which word on it, is on screen at a time. Pure, so
// the sync guarantee is testable without a browser.
import {createTikTokStyleCaptions} from '@remotion/captions';
import type {TikTokPage} from '@remotion/captions';
import type {Word} from '../../plan';

// Tune: a pause this long ends a page, so nothing stays up through a silence.
const BREAK_ON_SILENCE_MS = 700;
// Tune: how long a page lingers after its last word when no page follows at once.
const HOLD_AFTER_LAST_WORD_MS = 350;
// Tune: gaps up to this long keep the old page up until the next one starts.
const BRIDGE_GAP_MS = 600;

export type CaptionPage = TikTokPage & {
	/** When the page leaves the screen (its next page's start at the latest). */
	endMs: number;
};

export type MakeCaptionPagesInput = {
	words: Word[];
	combineWithinMs: number;
	/** Indices of words that end a sentence: a page never runs on into the next sentence. */
	breakAfter?: number[];
};

export const makeCaptionPages = ({words, combineWithinMs, breakAfter = []}: MakeCaptionPagesInput): CaptionPage[] => {
	const breaks = new Set(breakAfter);
	const {pages} = createTikTokStyleCaptions({
		captions: words.map((w, i) => (breaks.has(i) ? {...w, pageBreakAfter: true} : w)),
		combineTokensWithinMilliseconds: combineWithinMs,
		breakOnSilenceAfterMilliseconds: BREAK_ON_SILENCE_MS,
	});
	const nonEmpty = pages.filter((p) => p.tokens.length > 0);
	return nonEmpty.map((page, i) => {
		const lastWordEndMs = Math.max(...page.tokens.map((t) => t.toMs));
		const nextStartMs = i + 1 < nonEmpty.length ? nonEmpty[i + 1].startMs : Infinity;
		// A short gap (between sentences) is bridged so the caption does not blink off for a few frames.
		const bridged = nextStartMs - lastWordEndMs <= BRIDGE_GAP_MS;
		return {...page, endMs: bridged ? nextStartMs : Math.min(nextStartMs, lastWordEndMs + HOLD_AFTER_LAST_WORD_MS)};
	});
};

export type CaptionAtTime = {page: CaptionPage; pageIndex: number; activeTokenIndex: number | null};

/**
 * The page covering `timeMs`, or null in a silence. The active token is the
 * last one already begun: the spoken word, or between words the one just
 * said, so the highlight never blinks off mid-page.
 */
export const captionAt = ({pages, timeMs}: {pages: CaptionPage[]; timeMs: number}): CaptionAtTime | null => {
	const pageIndex = findLastIndex(pages, (p) => p.startMs <= timeMs);
	if (pageIndex === -1 || timeMs >= pages[pageIndex].endMs) return null;
	const page = pages[pageIndex];
	const active = findLastIndex(page.tokens, (t) => t.fromMs <= timeMs);
	return {page, pageIndex, activeTokenIndex: active === -1 ? null : active};
};

const findLastIndex = <T,>(items: T[], test: (item: T) => boolean): number => {
	for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
	return -1;
};

/** The last word of every scene but the final one. */
export const sceneBreaks = (scenes: {wordEnd: number}[]): number[] => scenes.slice(0, -1).map((s) => s.wordEnd - 1);
