// Sentence-level skipping, on inline data: where sentences start, when a
// decode leaves speech unexplained, and decoded words numbered by the
// transcript again.
import {describe, expect, it} from 'vitest';
import type {DecodedWord} from '../src/analysis/align/engine';
import {restoreSkipped, sentenceStarts} from '../src/analysis/align/sentences';
import {leavesSpeechOut} from '../src/analysis/align/windows';

const heard = (key: string, startMs: number): DecodedWord => ({wordIndex: 0, key, startMs, endMs: startMs + 100, probability: 1});
const pause = (startMs: number, endMs: number): DecodedWord => ({wordIndex: -1, key: '<sil>', startMs, endMs, probability: 1});

describe('sentences', () => {
	it('start after . ! ? and closing quotes; long ones are cut in parts', () => {
		expect(sentenceStarts(['Hi.', 'Who', 'said', '"stop!"', 'Go', 'on'])).toEqual([0, 1, 4]);
		expect(sentenceStarts(Array.from({length: 40}, () => 'word'))).toEqual([0, 13, 27]);
		expect(sentenceStarts(['one'])).toEqual([0]);
	});

	it('a pause between words that holds sound and that the decoder doubts is speech left unexplained', () => {
		// 5 ms frames: sound from 1000 to 1500 ms.
		const speech = new Uint8Array(600);
		speech.fill(1, 200, 300);
		const around = (gap: DecodedWord) => [heard('a', 800), gap, heard('b', 1600)];
		expect(leavesSpeechOut(around({...pause(900, 1600), probability: 0.5}), speech)).toBe(true);
		expect(leavesSpeechOut(around({...pause(900, 1600), probability: 0.9}), speech)).toBe(false); // sure of its pause: breath, a cough
		expect(leavesSpeechOut(around({...pause(900, 1150), probability: 0.5}), speech)).toBe(false); // 150 ms of sound: too little
		// Before the first word heard: speech of words outside the window.
		expect(leavesSpeechOut([{...pause(900, 1600), probability: 0.5}, heard('b', 1600)], speech)).toBe(false);
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
