import {describe, expect, test} from 'vitest';
import type {Mood, Word} from '../src/plan';
import {MIN_SHOT_MS, planCuts, type TimedScene} from '../src/analysis/director/cuts';
import {sceneMood} from '../src/analysis/director/mood';
import {styleShots} from '../src/analysis/director/style';
import {tokenize} from '../src/analysis/script/nlp';

const mood = (arousal: number, label: Mood['label'] = 'neutral'): Mood => ({valence: 0, arousal, label});
// Words of 300 ms with 100 ms gaps, starting at 200 ms.
const wordsOf = (n: number, gapEvery = 0): Word[] =>
	Array.from({length: n}, (_, i) => {
		const extra = gapEvery && i >= gapEvery ? 600 : 0;
		const startMs = 200 + i * 400 + extra;
		return {text: ` w${i}`, startMs, endMs: startMs + 300, timestampMs: startMs, confidence: 1};
	});

describe('cuts', () => {
	test('shots tile the narration and never cut inside a word', () => {
		const words = wordsOf(30, 15);
		const scenes: TimedScene[] = [
			{id: 0, paragraph: 0, wordStart: 0, wordEnd: 15, mood: mood(0.9)},
			{id: 1, paragraph: 0, wordStart: 15, wordEnd: 30, mood: mood(0.1)},
		];
		const slots = planCuts({scenes, words, durationMs: 13000});
		expect(slots[0].startMs).toBe(0);
		expect(slots[slots.length - 1].endMs).toBe(13000);
		for (let i = 1; i < slots.length; i++) expect(slots[i].startMs).toBe(slots[i - 1].endMs);
		for (const s of slots) {
			expect(s.endMs - s.startMs).toBeGreaterThanOrEqual(MIN_SHOT_MS);
			expect(words.some((w) => w.startMs < s.startMs && s.startMs < w.endMs)).toBe(false);
		}
		// Intense text is cut faster than calm text.
		const count = (id: number) => slots.filter((s) => s.sceneId === id).length;
		expect(count(0)).toBeGreaterThan(count(1));
	});

	test('a scene too short for its own shot joins the previous shot', () => {
		const words = wordsOf(6);
		const scenes: TimedScene[] = [
			{id: 0, paragraph: 0, wordStart: 0, wordEnd: 5, mood: mood(0.1)},
			{id: 1, paragraph: 0, wordStart: 5, wordEnd: 6, mood: mood(0.1)},
		];
		const slots = planCuts({scenes, words, durationMs: 2700});
		expect(slots).toEqual([{sceneId: 0, startMs: 0, endMs: 2700}]);
	});

	test('a short calm sentence runs on under the calm shot before; after intense text or a new paragraph it keeps its own', () => {
		// Scene 1 is three words (1.3 s): long enough for a shot of its own, short for a calm one.
		const words = wordsOf(12);
		const scenes = (arousal: [number, number], paragraphs: [number, number]): TimedScene[] => [
			{id: 0, paragraph: paragraphs[0], wordStart: 0, wordEnd: 9, mood: mood(arousal[0])},
			{id: 1, paragraph: paragraphs[1], wordStart: 9, wordEnd: 12, mood: mood(arousal[1])},
		];
		const ids = (s: TimedScene[]) => planCuts({scenes: s, words, durationMs: 5000}).map((slot) => slot.sceneId);
		expect(ids(scenes([0.2, 0.2], [0, 0]))).not.toContain(1);
		expect(ids(scenes([0.8, 0.2], [0, 0]))).toContain(1);
		expect(ids(scenes([0.2, 0.2], [0, 1]))).toContain(1);
		expect(ids(scenes([0.2, 0.8], [0, 0]))).toContain(1);
	});

	test('style follows mood: intense → close and cut, new paragraph → fade', () => {
		const scenes: TimedScene[] = [
			{id: 0, paragraph: 0, wordStart: 0, wordEnd: 1, mood: mood(0.2, 'calm')},
			{id: 1, paragraph: 0, wordStart: 1, wordEnd: 2, mood: mood(0.9, 'intense')},
			{id: 2, paragraph: 1, wordStart: 2, wordEnd: 3, mood: mood(0.5)},
		];
		const slots = scenes.map((s) => ({sceneId: s.id, startMs: s.id * 2000, endMs: s.id * 2000 + 2000}));
		const styles = styleShots({slots, scenes});
		expect(styles.map((s) => [s.framing, s.transitionIn.kind])).toEqual([
			['wide', 'cut'],
			['close', 'cut'],
			['medium', 'fade'],
		]);
		for (const s of styles) expect(s.zoomFrom).not.toBe(s.zoomTo);
	});
});

describe('mood', () => {
	const of = (text: string) => sceneMood({text, tokens: tokenize(text)});
	test('valence follows the words, negation softens and flips it', () => {
		expect(of('What a wonderful, happy day.').valence).toBeGreaterThan(0.3);
		expect(of('The war left a terrible, tragic silence.').valence).toBeLessThan(-0.3);
		expect(of('This is not good.').valence).toBeLessThan(0);
	});
	test('exclamations and intensifiers raise arousal; calm words lower it', () => {
		expect(of('This is incredibly exciting! Go now!').arousal).toBeGreaterThan(of('This is exciting.').arousal);
		expect(of('The lake rests, quiet and still.').label).toBe('calm');
	});
});

describe('director cues', () => {
	const of = (text: string) => sceneMood({text, tokens: tokenize(text)});
	test('action verbs and commands raise arousal and are named as cues', () => {
		expect(of('The wave crashed into the harbour and the walls shattered.').arousal).toBeGreaterThan(of('The wave reached the harbour and the walls stood.').arousal);
		expect(of('Run to the door.').cues).toContain('imperative');
		expect(of('Run to the door.').arousal).toBeGreaterThan(of('She went to the door.').arousal);
	});
	test('an ellipsis slows, a question quickens, and each is named', () => {
		expect(of('And then we waited...').arousal).toBeLessThan(of('And then we waited.').arousal);
		expect(of('And then we waited...').cues).toContain('ellipsis');
		expect(of('Where did it go?').cues).toContain('question');
	});
	test('calm text moves slowly, intense text fast: the zoom covers more ground', async () => {
		const {zoomFor} = await import('../src/analysis/director/style');
		const travel = (arousal: number) => Math.abs(zoomFor('medium', 0, arousal).zoomTo - zoomFor('medium', 0, arousal).zoomFrom);
		expect(travel(0.9)).toBeGreaterThan(travel(0.1) * 1.5);
	});
});
