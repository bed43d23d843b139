// The sync requirement as a reusable check: "the caption on screen at the
// midpoint of each word's time span is the word being spoken, for every word".
// Renders the real caption markup at the frame the video would show, so it
// tests what a viewer sees, not just the page arithmetic. Node-only (tests).
import {renderToStaticMarkup} from 'react-dom/server';
import {frameToMs, msToFrame} from '../../plan';
import type {CaptionStyle, Plan, Word} from '../../plan';
import {Captions} from './Captions';
import {makeCaptionPages, sceneBreaks} from './pages';

export type CaptionSyncInput = {words: Word[]; fps: number; style: CaptionStyle; width: number; height: number; breakAfter?: number[]};

export type CaptionSyncError = {
	wordIndex: number;
	word: string;
	frame: number;
	timeMs: number;
	/** The highlighted text at that frame; null when no word was highlighted. */
	shown: string | null;
};

export type CaptionSyncOutput = {checkedWords: number; errors: CaptionSyncError[]};

export const checkCaptionSync = ({words, fps, style, width, height, breakAfter}: CaptionSyncInput): CaptionSyncOutput => {
	const pages = makeCaptionPages({words, combineWithinMs: style.combineWithinMs, breakAfter});
	const errors: CaptionSyncError[] = [];
	let checkedWords = 0;
	words.forEach((w, wordIndex) => {
		const word = w.text.trim();
		if (word === '') return; // not a token: never shown on its own
		checkedWords++;
		// As the video does it: the frame holding the midpoint, then that frame's time.
		const frame = msToFrame((w.startMs + w.endMs) / 2, fps);
		const timeMs = frameToMs(frame, fps);
		const html = renderToStaticMarkup(<Captions pages={pages} style={style} timeMs={timeMs} width={width} height={height} />);
		const shown = highlightedText(html);
		if (shown !== word) errors.push({wordIndex, word, frame, timeMs, shown});
	});
	return {checkedWords, errors};
};

export const checkPlanCaptionSync = (plan: Plan): CaptionSyncOutput =>
	checkCaptionSync({words: plan.words, fps: plan.fps, style: plan.captionStyle, width: plan.width, height: plan.height, breakAfter: sceneBreaks(plan.scenes)});

/** Text of the element marked data-active="true" in caption markup, or null. */
export const highlightedText = (html: string): string | null => {
	const match = /<span[^>]*data-active="true"[^>]*>([^<]*)<\/span>/.exec(html);
	return match ? decodeEntities(match[1]) : null;
};

const ENTITIES: Record<string, string> = {'&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'"};
const decodeEntities = (s: string): string => s.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (e) => ENTITIES[e]);
