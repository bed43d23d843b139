import {describe, expect, test} from 'vitest';
import {captionWords, scriptToScenes} from '../src/analysis/script/scenes';
import {checkScript, normaliseScript} from '../src/analysis/script/read';

describe('script → scenes', () => {
	test('one scene per sentence, paragraphs numbered, abbreviations kept', () => {
		const scenes = scriptToScenes('Dr. Smith paid $3.50 today. It rained!\n\nA new day began.');
		expect(scenes.map((s) => [s.paragraph, s.text])).toEqual([
			[0, 'Dr. Smith paid $3.50 today.'],
			[0, 'It rained!'],
			[1, 'A new day began.'],
		]);
	});

	test('a quoted question followed by "she asked" stays one scene', () => {
		const scenes = scriptToScenes('"Really?" she asked. Nobody answered.');
		expect(scenes.map((s) => s.text)).toEqual(['"Really?" she asked.', 'Nobody answered.']);
	});

	test('caption words carry their punctuation and exact character spans', () => {
		const text = '"Really?" she asked - twice.';
		const words = captionWords(text);
		expect(words.map((w) => w.text)).toEqual(['"Really?"', 'she', 'asked -', 'twice.']);
		for (const w of words) expect(text.slice(w.charStart, w.charEnd)).toBe(w.text);
	});

	test('a very long sentence is cut at clause boundaries, no word lost', () => {
		const long =
			'While the rain kept falling on the old tin roof of the house by the river, and the dogs slept by the fire, she laughed loudly for the first time in many long years.';
		const scenes = scriptToScenes(long);
		expect(scenes.length).toBeGreaterThan(1);
		expect(scenes.flatMap((s) => s.words.map((w) => w.text)).join(' ')).toBe(long);
		for (const s of scenes) expect(s.words.length).toBeGreaterThanOrEqual(6);
	});

	test('normalising unifies quotes, dashes, whitespace and line endings', () => {
		expect(normaliseScript('\uFEFF“Hi”\u2014 it’s\r\n\r\n\r\n\r\nme\t\tnow…  ')).toBe('"Hi" - it\'s\n\nme now...');
	});

	test('empty and punctuation-only scripts are refused with the source named', () => {
		expect(() => checkScript({text: '  \n\n ', source: 'a.txt'})).toThrow('a.txt: the script is empty');
		expect(() => checkScript({text: '?! ... -- !!', source: 'b.txt'})).toThrow('b.txt: the script has no words');
		expect(() => checkScript({text: 'word '.repeat(6000), source: 'c.txt'})).toThrow(/c\.txt: the script has 6000 words/);
	});
});
