import {describe, expect, it} from 'vitest';
import {ReelError} from '../src/analysis/errors';
import {defaultEspeakOptions, listVoices, synthesize, type SpeechResult} from '../src/analysis/tts/espeak';
import {LEAD_PAD_MS, timeWords, type Phone} from '../src/analysis/tts/timing';

// Caption words the way the script stage cuts them: whitespace chunks, punctuation attached.
const spans = (text: string) => [...text.matchAll(/\S+/g)].map((m) => ({charStart: m.index, charEnd: m.index + m[0].length}));

const rms = ({samples, sampleRate}: SpeechResult, fromMs: number, toMs: number): number => {
	const a = Math.floor((fromMs * sampleRate) / 1000);
	const b = Math.floor((toMs * sampleRate) / 1000);
	let sum = 0;
	for (let i = a; i < b; i++) sum += samples[i] ** 2;
	return Math.sqrt(sum / Math.max(1, b - a));
};
const durationMs = (r: SpeechResult) => (r.samples.length * 1000) / r.sampleRate;
const speak = (text: string, options = defaultEspeakOptions) => synthesize({text, words: spans(text), options});

const phone = (charIndex: number, startMs: number, endMs: number): Phone => ({charIndex, startMs, endMs});

describe('timeWords (engine events → caption words)', () => {
	it('splits an engine word that swallowed the next caption word, on phoneme boundaries', () => {
		// espeak reads "in the" as one word: all four phonemes carry the position of "in".
		const phones = [phone(0, 100, 150), phone(0, 150, 200), phone(0, 200, 250), phone(0, 250, 300)];
		expect(timeWords({text: 'in the', words: spans('in the'), phones, durationMs: 400})).toEqual({
			keepFromMs: 100 - LEAD_PAD_MS,
			keepToMs: 330,
			words: [
				{startMs: 10, endMs: 110},
				{startMs: 110, endMs: 210},
			],
		});
	});

	it('gives a skipped symbol the pause around it, and a gap-positioned engine word to the word before', () => {
		// "— Hi 😀 there": the emoji is read "grinning face"; "face" is reported at the space after it.
		const text = '— Hi 😀 there';
		const phones = [phone(2, 10, 100), phone(5, 100, 200), phone(7, 200, 300), phone(8, 400, 500)];
		expect(timeWords({text, words: spans(text), phones, durationMs: 600}).words).toEqual([
			{startMs: 0, endMs: 10},
			{startMs: 10, endMs: 100},
			{startMs: 100, endMs: 300},
			{startMs: 400, endMs: 500},
		]);
	});

	it('keeps every word non-empty and in order when the engine reports nothing usable', () => {
		const {words} = timeWords({text: 'a b c', words: spans('a b c'), phones: [], durationMs: 90});
		expect(words).toEqual([
			{startMs: 0, endMs: 30},
			{startMs: 30, endMs: 60},
			{startMs: 60, endMs: 90},
		]);
	});
});

describe('espeak-ng synthesis', {timeout: 30_000}, () => {
	it('returns audio and one in-order timing per caption word, from the engine', async () => {
		const text = "Hello there, it's 3.5 times faster than COVID-19 tests.";
		const r = await speak(text);
		expect(r.sampleRate).toBe(22050);
		expect(durationMs(r)).toBeGreaterThan(1500);
		expect(r.words).toHaveLength(spans(text).length);
		let previousEnd = 0;
		for (const w of r.words) {
			expect(w.startMs).toBeGreaterThanOrEqual(previousEnd);
			expect(w.endMs).toBeGreaterThan(w.startMs);
			previousEnd = w.endMs;
		}
		expect(previousEnd).toBeLessThanOrEqual(durationMs(r));
		// Leading/trailing silence trimmed to small pads.
		expect(r.words[0].startMs).toBeLessThanOrEqual(LEAD_PAD_MS + 1);
		expect(durationMs(r) - previousEnd).toBeLessThan(60);
		// "3.5" is read "three point five": far longer than "it's".
		expect(r.words[3].endMs - r.words[3].startMs).toBeGreaterThan(2 * (r.words[2].endMs - r.words[2].startMs));
	});

	it('is loud inside words and quiet in the pause a comma makes', async () => {
		const r = await speak('Wait, then go.');
		const [wait, then, go] = r.words;
		expect(then.startMs - wait.endMs).toBeGreaterThan(80);
		const pause = rms(r, wait.endMs, then.startMs);
		for (const w of [wait, then, go]) expect(rms(r, w.startMs, w.endMs)).toBeGreaterThan(20 * pause);
		expect(pause).toBeLessThan(0.005);
	});

	it('maps positions back through emoji (UTF-16) and escaped SSML characters', async () => {
		const plain = await speak('I love it');
		const emoji = await speak('I 😀 love it');
		const loveMs = (r: SpeechResult, i: number) => r.words[i].endMs - r.words[i].startMs;
		expect(loveMs(emoji, 2)).toBeLessThan(1.4 * loveMs(plain, 1));
		expect(loveMs(emoji, 2)).toBeGreaterThan(0.6 * loveMs(plain, 1));
		// Unescaped, "<B and C>" would be swallowed as an SSML tag.
		const tagLike = await speak('A<B and C>D');
		expect(durationMs(tagLike)).toBeGreaterThan(0.7 * durationMs(await speak('A B and C D')));
	});

	it('speaks faster at a higher rate', async () => {
		const text = 'The quick brown fox jumps over the lazy dog.';
		const slow = await speak(text, {...defaultEspeakOptions, rateWpm: 120});
		const fast = await speak(text, {...defaultEspeakOptions, rateWpm: 300});
		expect(durationMs(fast)).toBeLessThan(0.6 * durationMs(slow));
	});

	it('rejects an unknown voice by name and says how to list voices', async () => {
		const error = await speak('Hi.', {...defaultEspeakOptions, voice: 'xx-nowhere'}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ReelError);
		expect((error as ReelError).code).toBe('BAD_OPTION');
		expect((error as ReelError).message).toMatch(/"xx-nowhere".*listVoices/);
		// The failed switch must not leave a stale voice selected for the next call.
		await expect(speak('Hi.', {...defaultEspeakOptions, voice: 'fr'})).resolves.toBeTruthy();
		expect(await listVoices()).toEqual(expect.arrayContaining(['en-us', 'en-gb', 'fr', 'de']));
	});
});
