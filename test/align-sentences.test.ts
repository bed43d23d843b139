// Sentence-level skipping, on inline data: where sentences start, the grammar
// that makes each optional, and decoded words numbered by the transcript again.
import {describe, expect, it} from 'vitest';
import type {DecodedWord} from '../src/analysis/align/engine';
import {optionalSentenceGrammar, restoreSkipped, sentenceStarts} from '../src/analysis/align/sentences';

const heard = (key: string, startMs: number): DecodedWord => ({wordIndex: 0, key, startMs, endMs: startMs + 100, probability: 1});
const pause = (startMs: number, endMs: number): DecodedWord => ({wordIndex: -1, key: '<sil>', startMs, endMs, probability: 1});

describe('sentences', () => {
	it('start after . ! ? and closing quotes; long ones are cut in parts', () => {
		expect(sentenceStarts(['Hi.', 'Who', 'said', '"stop!"', 'Go', 'on'])).toEqual([0, 1, 4]);
		expect(sentenceStarts(Array.from({length: 40}, () => 'word'))).toEqual([0, 13, 27]);
		expect(sentenceStarts(['one'])).toEqual([0]);
	});

	it('each sentence is optional in the grammar; a window starting mid-sentence starts with a part', () => {
		expect(optionalSentenceGrammar(['a', 'b', 'c', 'd'], [0, 2])).toContain('public <words> = [a b] [c d];');
		expect(optionalSentenceGrammar(['a', 'b', 'c'], [1])).toContain('public <words> = [a] [b c];');
	});

	it('restores a skipped sentence as missing instants where it would have been', () => {
		const keys = ['a', 'b', 'c', 'd', 'e'];
		const decoded = [pause(0, 50), heard('a', 50), heard('b', 150), pause(250, 600), heard('e', 600)];
		const out = restoreSkipped(decoded, keys, [0, 2, 4])!;
		expect(out.map((w) => [w.wordIndex, w.startMs, w.missing ?? false])).toEqual([
			[-1, 0, false],
			[0, 50, false],
			[1, 150, false],
			[2, 250, true],
			[3, 250, true],
			[-1, 250, false],
			[4, 600, false],
		]);
	});

	it('refuses words that do not follow the sentences', () => {
		expect(restoreSkipped([heard('b', 0), heard('a', 100)], ['a', 'b'], [0, 1])).toEqual(null);
	});
});
