// A transcript that does not match the take: a sentence the speaker left out,
// or one they added. Everything else must keep its true time, and the warning
// must say where the two part ways. The take is espeak-ng speech with known
// word times; long-audio windows are forced with small window options so both
// the single-pass and the windowed paths are exercised on a short take.
import {beforeAll, describe, expect, it} from 'vitest';
import {alignWords} from '../src/analysis/align/align-words';
import {boundaryErrors, pairWords, summarize} from '../src/analysis/align/evaluate';
import type {AlignedWord} from '../src/analysis/align/types';
import {makeTake, type Take, type TrueWord} from './helpers/speech';

const SENTENCES = [
	'The quick brown fox jumps over the lazy dog.',
	'Captions follow every word, even after a long pause.',
	'Nguyen paid 25 dollars for a well-known gadget.',
	'Rain fell on the quiet harbour all night long.',
	'She opened the letter and smiled at the news.',
];
const NOT_SPOKEN = 'Nobody expected the orchestra to play so loudly tonight.';
const WINDOWED = {singlePassMaxMs: 6_000, windowMs: 5_000};

let take: Take;
beforeAll(async () => {
	take = await makeTake({sentences: SENTENCES, pausesMs: [500, 600, 400, 700, 500, 600]});
}, 30_000);

const wordsOf = (sentences: string[]) => sentences.join(' ').split(' ');

/** The words in `truth` keep their times: measured here, medians under 20 ms and worst under 80 ms. */
const expectTrueTimes = (words: AlignedWord[], truth: TrueWord[]) => {
	const errors = boundaryErrors(pairWords(words, truth));
	expect(errors).toHaveLength(truth.length * 2);
	expect(summarize(errors).medianMs).toBeLessThanOrEqual(30);
	expect(Math.max(...errors)).toBeLessThanOrEqual(150);
};

describe('a transcript with a sentence the take does not have', () => {
	it.each([
		{label: 'in one pass', options: {}},
		{label: 'in windows', options: WINDOWED},
	])('leaves it out, times the rest, and names it ($label)', async ({options}) => {
		const script = [...SENTENCES.slice(0, 2), NOT_SPOKEN, ...SENTENCES.slice(2)];
		const {words, warnings} = await alignWords({samples: take.samples, sampleRate: take.sampleRate, transcript: script.join(' '), options});
		expect(words.map((w) => w.text)).toEqual(wordsOf(script));
		const extra = words.slice(18, 27);
		expect(extra.map((w) => w.text).join(' ')).toBe(NOT_SPOKEN);
		const pauseMs = take.words[17].endMs; // "pause." ends, then the take goes on with "Nguyen"
		for (const w of extra) {
			expect(w).toMatchObject({confidence: 0});
			expect(w.endMs).toBe(w.startMs);
			expect(Math.abs(w.startMs - pauseMs)).toBeLessThan(600);
		}
		expectTrueTimes([...words.slice(0, 18), ...words.slice(27)], take.words);
		expect(warnings).toContainEqual(expect.stringMatching(/^words 19–27 "Nobody expected .*" are not in the recording: left out at 7\.\d s/));
		expect(warnings.join('\n')).not.toMatch(/could not match|fit the audio poorly/);
	});
});

describe('a take with a sentence the transcript does not have', () => {
	it.each([
		{label: 'in one pass', options: {}},
		{label: 'in windows', options: WINDOWED},
	])('times every transcript word on its own sound and says where the extra speech is ($label)', async ({options}) => {
		const script = [SENTENCES[0], ...SENTENCES.slice(2)];
		const {words, warnings} = await alignWords({samples: take.samples, sampleRate: take.sampleRate, transcript: script.join(' '), options});
		expect(words.map((w) => w.text)).toEqual(wordsOf(script));
		// "Nguyen", right after the unscripted sentence, is the word the decoder pulls into it.
		expectTrueTimes(words, [...take.words.slice(0, 9), ...take.words.slice(18)]);
		expect(warnings).toContainEqual(expect.stringMatching(/^3\.\d–7\.\d s holds \d\.\d s of sound that no transcript word covers \(between word 9 "dog\." and word 10 "Nguyen"\)/));
	});
});

describe('a transcript of another take', () => {
	const OTHER = [
		'Nobody expected the orchestra to play so loudly tonight.',
		'Every morning the baker sells warm bread to the village.',
		'Our train left the station twenty minutes late.',
		'Mountains rise above the clouds like islands in a sea.',
		'He forgot his keys again and waited at the door.',
	];
	it.each([
		{label: 'in one pass', options: {}},
		{label: 'in windows', options: WINDOWED},
	])('trusts none of its words, and says so ($label)', async ({options}) => {
		const {words, warnings} = await alignWords({samples: take.samples, sampleRate: take.sampleRate, transcript: OTHER.join(' '), options});
		expect(words.map((w) => w.text)).toEqual(wordsOf(OTHER));
		// Measured: sentences left out score 0, those forced onto the take's speech 0.19–0.29.
		for (const w of words) expect(w.confidence).toBeLessThan(0.5);
		expect(warnings.join('\n')).toMatch(/fit the audio poorly|not in the recording/);
	});
});
