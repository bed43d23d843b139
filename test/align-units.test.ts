// The aligner's pure parts, on inline data: the reference format, the scoring,
// transcript words, pronunciations (fillers drawn out included), resampling and
// the CLI's output formats.
import {describe, expect, it} from 'vitest';
import {boundaryErrors, pairWords, summarize} from '../src/analysis/align/evaluate';
import {drawnOut} from '../src/analysis/align/lexicon';
import {ipaToArpabet, spellOut} from '../src/analysis/align/pronounce';
import {resample} from '../src/analysis/align/resample';
import {parseTextGrid, wordIntervals} from '../src/analysis/align/textgrid';
import {classifyWord, wordsFromTranscript} from '../src/analysis/align/transcript';
import {toJson, toSrt, toVtt} from '../src/cli/align-output';

const LONG = `File type = "ooTextFile"
Object class = "TextGrid"

xmin = 0
xmax = 1.5
tiers? <exists>
size = 2
item []:
    item [1]:
        class = "IntervalTier"
        name = "words"
        xmin = 0
        xmax = 1.5
        intervals: size = 3
        intervals [1]:
            xmin = 0
            xmax = 0.25
            text = ""
        intervals [2]:
            xmin = 0.25
            xmax = 0.8
            text = "say ""hi"""
        intervals [3]:
            xmin = 0.8
            xmax = 1.5
            text = "2"
    item [2]:
        class = "TextTier"
        name = "marks"
        xmin = 0
        xmax = 1.5
        points: size = 1
        points [1]:
            number = 0.5
            mark = "x"
`;

// Praat's short layout, as MFA writes it: the same values without their labels.
const SHORT = `File type = "ooTextFile"
Object class = "TextGrid"

0
1.5
<exists>
1
"IntervalTier"
"words"
0
1.5
2
0
0.7
"hello"
0.7
1.5
""
`;

describe('parseTextGrid', () => {
	it('reads the long layout, with quotes escaped by doubling and a point tier skipped', () => {
		expect(parseTextGrid(LONG)).toEqual([
			{
				name: 'words',
				intervals: [
					{startMs: 0, endMs: 250, text: ''},
					{startMs: 250, endMs: 800, text: 'say "hi"'},
					{startMs: 800, endMs: 1500, text: '2'},
				],
			},
		]);
	});

	it('reads the short layout; wordIntervals drops the silences', () => {
		expect(wordIntervals(parseTextGrid(SHORT))).toEqual([{startMs: 0, endMs: 700, text: 'hello'}]);
	});

	it('refuses what is not a TextGrid', () => {
		expect(() => parseTextGrid('hello world')).toThrow(/not a TextGrid/);
		expect(() => parseTextGrid(SHORT.split('\n').slice(0, 12).join('\n'))).toThrow(/ends early/);
	});
});

describe('boundary scoring', () => {
	const w = (text: string, startMs: number, endMs: number) => ({text, startMs, endMs});

	it('pairs words through an insertion and a substitution, and scores starts and ends', () => {
		const hyp = [w('so', 0, 100), w('uh', 100, 200), w('words', 200, 400), w('end', 400, 500)];
		const ref = [w('so', 10, 90), w('word', 230, 400), w('end', 400, 620)];
		const pairs = pairWords(hyp, ref);
		expect(pairs.map(([h, r]) => [h.text, r.text])).toEqual([
			['so', 'so'],
			['words', 'word'],
			['end', 'end'],
		]);
		expect(boundaryErrors(pairs)).toEqual([10, 10, 30, 0, 0, 120]);
		expect(summarize([10, 10, 30, 0, 0, 120])).toEqual({boundaries: 6, medianMs: 10, meanMs: 170 / 6, within20: 4 / 6, within50: 5 / 6, within100: 5 / 6});
	});
});

describe('transcript words', () => {
	it('keeps tokens with letters or digits, as written; noise marks are events', () => {
		expect(wordsFromTranscript('“Well-known,” she said — 25 [laughs] <VOCNOISE> ...')).toEqual([
			{text: '“Well-known,”', kind: 'speech', parts: ['well', 'known']},
			{text: 'she', kind: 'speech', parts: ['she']},
			{text: 'said', kind: 'speech', parts: ['said']},
			{text: '25', kind: 'speech', parts: ['25']},
			{text: '[laughs]', kind: 'noise', parts: []},
			{text: '<VOCNOISE>', kind: 'noise', parts: []},
		]);
		expect(classifyWord("Don’t!")).toEqual({text: "Don’t!", kind: 'speech', parts: ["don't"]});
		expect(classifyWord('—')).toEqual({text: '—', kind: 'none', parts: []});
	});
});

describe('pronunciations', () => {
	it('maps espeak IPA (stress marks, r-coloured vowels, affricates) onto ARPAbet', () => {
		expect(ipaToArpabet('ˈɑːɹ\u0007')).toEqual(['AA', 'R']);
		expect(ipaToArpabet('tʃ')).toEqual(['CH']);
		expect(ipaToArpabet('n̩')).toEqual(['AH', 'N']);
		expect(['n', 'ˈuː', 'j', 'ɛ', 'n'].flatMap(ipaToArpabet)).toEqual(['N', 'UW', 'Y', 'EH', 'N']);
		expect(ipaToArpabet('ʔ')).toEqual([]);
	});

	it('spells out a word as a last resort', () => {
		expect(spellOut('Xyz')).toEqual(['K', 'S', 'Y', 'Z']);
		expect(spellOut('…')).toEqual(['AH']);
	});

	it('draws a filler out on its held sound: the last vowel, else the last phone', () => {
		expect(drawnOut(['AH', 'M'])).toEqual(['AH', 'AH', 'M']);
		expect(drawnOut(['AH'])).toEqual(['AH', 'AH']);
		expect(drawnOut(['HH', 'M'])).toEqual(['HH', 'M', 'M']);
		expect(drawnOut(['ER', 'M'])).toEqual(['ER', 'ER', 'M']);
	});
});

describe('resample', () => {
	const tone = (hz: number, rate: number, seconds: number) => Float32Array.from({length: rate * seconds}, (_, i) => Math.sin((2 * Math.PI * hz * i) / rate));
	const crossings = (x: Float32Array) => x.reduce((n, v, i) => n + (i > 0 && v >= 0 !== x[i - 1] >= 0 ? 1 : 0), 0);

	it('keeps a tone at its pitch and level, from 8 and 96 kHz to 16 kHz', () => {
		for (const rate of [8000, 96000]) {
			const {samples, sampleRate} = resample({samples: tone(440, rate, 1), sampleRate: rate}, 16000);
			expect(sampleRate).toBe(16000);
			expect(samples.length).toBe(16000);
			expect(crossings(samples)).toBeGreaterThanOrEqual(878);
			expect(crossings(samples)).toBeLessThanOrEqual(882);
			const peak = Math.max(...samples.subarray(100, 15900).map(Math.abs));
			expect(peak).toBeGreaterThan(0.97);
			expect(peak).toBeLessThan(1.03);
		}
	});

	it('removes what the new rate cannot hold', () => {
		const {samples} = resample({samples: tone(12000, 48000, 1), sampleRate: 48000}, 16000);
		expect(Math.max(...samples.subarray(100, 15900).map(Math.abs))).toBeLessThan(0.01);
	});
});

describe('align output formats', () => {
	const words = [
		{text: 'Hello', startMs: 500, endMs: 900, confidence: 0.9},
		{text: 'world.', startMs: 950, endMs: 1400, confidence: 0.8},
		{text: 'Again', startMs: 3000, endMs: 3500, confidence: 0.7},
	];

	it('JSON: one word a line', () => {
		expect(JSON.parse(toJson(words))).toEqual({words});
		expect(toJson(words).split('\n')).toHaveLength(6);
	});

	it('SRT: caption lines broken at sentence ends and pauses', () => {
		expect(toSrt(words)).toBe('1\n00:00:00,500 --> 00:00:01,400\nHello world.\n\n2\n00:00:03,000 --> 00:00:03,500\nAgain\n');
	});

	it('WebVTT: each word after the first stamped with its start', () => {
		expect(toVtt(words)).toBe('WEBVTT\n\n00:00:00.500 --> 00:00:01.400\nHello <00:00:00.950>world.\n\n00:00:03.000 --> 00:00:03.500\nAgain\n');
	});
});
