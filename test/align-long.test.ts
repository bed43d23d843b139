// Long audio is cut in two at a pause near the middle: the first half aligned
// forwards on this thread, the second backwards from the text's end on a worker
// thread, the words between them last. Small window and threshold options make
// a short espeak take (known word times) go through every part of that path.
import {beforeAll, describe, expect, it} from 'vitest';
import {alignWords} from '../src/analysis/align/align-words';
import {boundaryErrors, pairWords, summarize} from '../src/analysis/align/evaluate';
import {makeTake, type Take} from './helpers/speech';

const SENTENCES = [
	'The quick brown fox jumps over the lazy dog.',
	'Captions follow every word, even after a long pause.',
	'Nguyen paid 25 dollars for a well-known gadget.',
	'Rain fell on the quiet harbour all night long.',
	'She opened the letter and smiled at the news.',
	'A small boat drifted slowly towards the old pier.',
];
const HALVES = {parallelMinMs: 10_000, singlePassMaxMs: 6_000, windowMs: 6_000};

let take: Take;
beforeAll(async () => {
	take = await makeTake({sentences: SENTENCES, pausesMs: [500, 600, 400, 700, 500, 450, 600]});
}, 30_000);

describe('long audio in two halves, on two threads', () => {
	it('places every word as a single run would (measured: median 10 ms, worst under 90 ms)', async () => {
		const {words, warnings} = await alignWords({samples: take.samples, sampleRate: take.sampleRate, transcript: take.transcript, options: HALVES});
		expect(words.map((w) => w.text)).toEqual(take.words.map((w) => w.text));
		const errors = boundaryErrors(pairWords(words, take.words));
		expect(summarize(errors).medianMs).toBeLessThanOrEqual(30);
		expect(Math.max(...errors)).toBeLessThanOrEqual(150);
		expect(words.every((w, i) => w.endMs > w.startMs && (i === 0 || w.startMs >= words[i - 1].endMs))).toBe(true);
		expect(warnings).toEqual(['not in the dictionary, pronounced by espeak-ng: 25']);
	});

	it('leaves out a sentence the second half does not have, and names it', async () => {
		const script = [...SENTENCES.slice(0, 5), 'Nobody expected the orchestra to play so loudly tonight.', SENTENCES[5]];
		const {words, warnings} = await alignWords({samples: take.samples, sampleRate: take.sampleRate, transcript: script.join(' '), options: HALVES});
		const errors = boundaryErrors(pairWords([...words.slice(0, 44), ...words.slice(53)], take.words));
		expect(errors).toHaveLength(take.words.length * 2);
		expect(Math.max(...errors)).toBeLessThanOrEqual(150);
		expect(warnings).toContainEqual(expect.stringMatching(/^words 45–53 "Nobody expected .*" are not in the recording/));
	});
});
