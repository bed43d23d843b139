// Cut points and heard pauses (issue 7 part 4): with the narration's pauses
// from VAD, a cut sits in the silence inside its word gap, and a shot inside a
// sentence prefers the gap the speaker breathes in; never inside a word.
import {describe, expect, test} from 'vitest';
import {planCuts, type TimedScene} from '../src/analysis/director/cuts';
import {MIN_PAUSE_MS, timingPauses} from '../src/analysis/director/pauses';
import type {Mood, Word} from '../src/plan';

const mood = (arousal: number): Mood => ({valence: 0, arousal, label: 'neutral'});
const word = (startMs: number, endMs: number): Word => ({text: ' w', startMs, endMs, timestampMs: startMs, confidence: 1});

describe('cuts snap to heard pauses', () => {
	// Two one-sentence scenes; the gap between them (1400–2600 ms) holds a pause the speaker really made at 1500–1900.
	const words = [word(100, 600), word(700, 1400), word(2600, 3000), word(3100, 3600)];
	const scenes: TimedScene[] = [
		{id: 0, paragraph: 0, wordStart: 0, wordEnd: 2, mood: mood(0.9)},
		{id: 1, paragraph: 0, wordStart: 2, wordEnd: 4, mood: mood(0.9)},
	];

	test('a scene cut moves from just before the next word into the pause', () => {
		expect(planCuts({scenes, words, durationMs: 4000})[1].startMs).toBe(2480); // 120 ms before the word
		expect(planCuts({scenes, words, durationMs: 4000, pauses: [{startMs: 1500, endMs: 1900}]})[1].startMs).toBe(1900);
	});

	test('an inner cut prefers a gap with a pause to a slightly nearer gap without one', () => {
		// Twelve 300 ms words with 200 ms gaps, one intense scene: about four shots.
		const many = Array.from({length: 12}, (_, i) => word(i * 500, i * 500 + 300));
		const one: TimedScene[] = [{id: 0, paragraph: 0, wordStart: 0, wordEnd: 12, mood: mood(1)}];
		const plain = planCuts({scenes: one, words: many, durationMs: 6000}).map((s) => s.startMs);
		// The speaker breathes in the next gap, one word later than the first plain inner cut.
		const pause = {startMs: plain[1] + 420, endMs: plain[1] + 620};
		const paused = planCuts({scenes: one, words: many, durationMs: 6000, pauses: [pause]}).map((s) => s.startMs);
		expect(paused[1]).toBeGreaterThanOrEqual(pause.startMs);
		expect(paused[1]).toBeLessThanOrEqual(pause.endMs);
		// Far from the ideal place, a pause does not pull the cut.
		const far = {startMs: plain[1] + 1420, endMs: plain[1] + 1620};
		expect(planCuts({scenes: one, words: many, durationMs: 6000, pauses: [far]})[1].startMs).toBe(plain[1]);
	});

	test('whatever the pauses, no cut falls inside a word', () => {
		const many = Array.from({length: 40}, (_, i) => word(i * 350, i * 350 + 280 + (i % 3) * 30));
		const sceneList: TimedScene[] = [0, 10, 20, 30].map((start, id) => ({id, paragraph: 0, wordStart: start, wordEnd: start + 10, mood: mood(id % 2 ? 0.9 : 0.2)}));
		// Pauses that straddle words too, as a detector's padding can make them.
		const pauses = Array.from({length: 30}, (_, i) => ({startMs: i * 470 + 100, endMs: i * 470 + 260}));
		for (const s of planCuts({scenes: sceneList, words: many, durationMs: 14200, pauses})) {
			expect(many.some((w) => w.startMs < s.startMs && s.startMs < w.endMs)).toBe(false);
		}
	});
});

describe('pauses from exact word timings (espeak)', () => {
	test('every gap between words, and before the first and after the last, of MIN_PAUSE_MS or more', () => {
		// Two sentences; inside the first a 40 ms gap (too short) and a 180 ms one (a comma).
		const sceneWords = [
			[{startMs: 250, endMs: 500}, {startMs: 540, endMs: 800}, {startMs: 980, endMs: 1200}],
			[{startMs: 1380, endMs: 1700}],
		];
		expect(MIN_PAUSE_MS).toBeGreaterThan(40);
		expect(timingPauses({sceneWords, durationMs: 2200})).toEqual([
			{startMs: 0, endMs: 250},
			{startMs: 800, endMs: 980},
			{startMs: 1200, endMs: 1380},
			{startMs: 1700, endMs: 2200},
		]);
	});

	test('a cut between sentences stays in the silence the timings give', () => {
		const words = [word(250, 800), word(900, 1200), word(1380, 1700), word(1750, 2000)];
		const scenes: TimedScene[] = [
			{id: 0, paragraph: 0, wordStart: 0, wordEnd: 2, mood: mood(0.9)},
			{id: 1, paragraph: 0, wordStart: 2, wordEnd: 4, mood: mood(0.9)},
		];
		const pauses = timingPauses({sceneWords: [words.slice(0, 2), words.slice(2)], durationMs: 2500});
		const cut = planCuts({scenes, words, durationMs: 2500, pauses})[1].startMs;
		expect(cut).toBeGreaterThanOrEqual(1200);
		expect(cut).toBeLessThanOrEqual(1380);
	});
});
