// The sync requirement, checked on rendered caption markup: at the frame
// holding the midpoint of each word, the highlighted word is that word.
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {Captions} from '../src/compositions/captions/Captions';
import {checkCaptionSync, highlightedText} from '../src/compositions/captions/check-sync';
import {captionAt, makeCaptionPages} from '../src/compositions/captions/pages';
import type {CaptionStyle, Word} from '../src/plan';

const STYLE: CaptionStyle = {
	fontFamily: 'Montserrat',
	fontWeight: 800,
	fontSizePx: 90,
	color: '#FFFFFF',
	highlightColor: '#FFD400',
	strokeColor: '#000000',
	strokeWidthPx: 6,
	bottomFraction: 0.3,
	combineWithinMs: 1200,
};

// [text, startMs, endMs]: tight runs, small gaps, a comma pause, a 2.6 s
// silence, short function words, and a word that is not frame-aligned.
const RAW: Array<[string, number, number]> = [
	['Every', 0, 310], [' morning', 330, 720], [' the', 720, 810], [' city', 840, 1190],
	[' wakes', 1230, 1640], [' up,', 1660, 1980], [' slowly.', 2240, 2810],
	[' Then', 5400, 5620], [' everything', 5650, 6180], [' moves', 6200, 6555],
	[' at', 6555, 6640], [' once!', 6700, 7260], [' Light', 7410, 7777], [' floods', 7790, 8233], [' in.', 8250, 8700],
];
const WORDS: Word[] = RAW.map(([text, startMs, endMs]) => ({text, startMs, endMs, timestampMs: startMs, confidence: 1}));
const size = {width: 1080, height: 1920};

const markupAt = (words: Word[], timeMs: number) =>
	renderToStaticMarkup(
		<Captions pages={makeCaptionPages({words, combineWithinMs: STYLE.combineWithinMs})} style={STYLE} timeMs={timeMs} {...size} />,
	);

describe('caption sync', () => {
	it.each([24, 25, 30, 60])('highlights the spoken word at every word midpoint (%i fps)', (fps) => {
		const result = checkCaptionSync({words: WORDS, fps, style: STYLE, ...size});
		expect(result).toEqual({checkedWords: WORDS.length, errors: []});
	});

	it('reports a word whose midpoint shows another word (the check can fail)', () => {
		// "wakes" is timed to start before the middle of "city": at city's midpoint
		// the newer word is highlighted, and the check must say so.
		const overlapping = WORDS.map((w, i) => (i === 4 ? {...w, startMs: 950} : w));
		const {errors} = checkCaptionSync({words: overlapping, fps: 30, style: STYLE, ...size});
		expect(errors).toEqual([{wordIndex: 3, word: 'city', frame: 30, timeMs: 1000, shown: 'wakes'}]);
	});

	it('reports a word too short to hold a frame of its own', () => {
		// 10 ms inside a frame that belongs to the next word: no viewer can see it.
		const blink = [...WORDS.slice(0, 2), {...WORDS[2], startMs: 720, endMs: 730}, ...WORDS.slice(3)];
		const blinkNext = blink.map((w, i) => (i === 3 ? {...w, startMs: 730} : w));
		const {errors} = checkCaptionSync({words: blinkNext, fps: 30, style: STYLE, ...size});
		expect(errors.map((e) => [e.word, e.shown])).toEqual([['the', 'city']]);
	});

	it('shows nothing during a long silence, and the next page when speech resumes', () => {
		expect(markupAt(WORDS, 4000)).toBe('');
		expect(highlightedText(markupAt(WORDS, 5410))).toBe('Then');
	});

	it('keeps the page and the last word up between words of the same page', () => {
		const pages = makeCaptionPages({words: WORDS, combineWithinMs: STYLE.combineWithinMs});
		const inGap = captionAt({pages, timeMs: 2100}); // between "up," and "slowly."
		const onWord = captionAt({pages, timeMs: 2300});
		expect(inGap?.pageIndex).toBe(onWord?.pageIndex);
		expect(highlightedText(markupAt(WORDS, 2100))).toBe('up,');
	});

	it('shows nothing before the first word and after the last page has lingered', () => {
		const shifted = WORDS.map((w) => ({...w, startMs: w.startMs + 500, endMs: w.endMs + 500}));
		expect(markupAt(shifted, 200)).toBe('');
		expect(markupAt(WORDS, 8700 + 1000)).toBe('');
	});

	it('puts every word on exactly one page, in order', () => {
		const pages = makeCaptionPages({words: WORDS, combineWithinMs: STYLE.combineWithinMs});
		expect(pages.flatMap((p) => p.tokens.map((t) => t.text.trim()))).toEqual(WORDS.map((w) => w.text.trim()));
		pages.forEach((p, i) => i > 0 && expect(p.startMs).toBeGreaterThanOrEqual(pages[i - 1].endMs));
	});
});

describe('pages and sentences', () => {
	it('a page never runs on from one sentence into the next', () => {
		const w = (text: string, startMs: number) => ({text, startMs, endMs: startMs + 200, timestampMs: startMs, confidence: 1});
		// "again." and "Down" are 250 ms apart: without a break they would share a page.
		const words = [w('and', 0), w(' again.', 250), w(' Down', 500), w(' by', 750)];
		const joined = makeCaptionPages({words, combineWithinMs: 900});
		expect(joined.map((p) => p.text.trim())).toEqual(['and again. Down by']);
		const split = makeCaptionPages({words, combineWithinMs: 900, breakAfter: [1]});
		expect(split.map((p) => p.text.trim())).toEqual(['and again.', 'Down by']);
		// The short pause between the sentences is bridged: no blank frames between the pages.
		expect(split[0].endMs).toBe(split[1].startMs);
	});
});
