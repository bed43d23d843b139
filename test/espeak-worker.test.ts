// The espeak worker on its own: long sentences (more than the glue's 128-byte
// string buffer) are spoken by the one engine, not by a rebuilt one each time,
// and each comes out the same whatever was spoken before it: the parts of
// memory it saves and restores are all the engine changes.
import {readFileSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import {afterAll, describe, expect, it} from 'vitest';
// @ts-expect-error: a plain-JS helper of the vendored engine, without types
import {memoryLayout} from '../vendor/espeak-ng/memory-layout.mjs';

// Checking mode: after each restore the worker compares its whole memory with a full copy taken before.
const worker = new Worker(new URL('../src/analysis/tts/espeak-worker.mjs', import.meta.url), {execArgv: [], env: {...process.env, REEL_ESPEAK_CHECK_RESTORE: '1'}});
afterAll(() => worker.terminate());

type Reply = {id: number; error?: string; audio?: Int16Array; engines?: number; phonemes?: string};
let nextId = 0;
const waiting = new Map<number, (reply: Reply) => void>();
worker.on('message', (reply: Reply) => waiting.get(reply.id)?.(reply));
const ask = (request: object): Promise<Reply> =>
	new Promise((resolve) => {
		const id = ++nextId;
		waiting.set(id, resolve);
		worker.postMessage({id, ...request});
	});
const speak = (ssml: string, voice = 'en-us') => ask({kind: 'synth', ssml, voice, rateWpm: 165, pitch: 50});

const LONG = [
	'The storm arrived without warning, and by the time the fishermen had pulled their boats onto the sand, the sky was black from one end to the other.',
	'Far below, on the floor of the quiet valley, a river that nobody had named wound its slow way between the pines toward the distant, glittering sea.',
	'Millions of tiny lights came on across the city as evening fell, one window at a time, until the whole hillside looked like a second sky turned upside down.',
];

describe('espeak worker', () => {
	it('speaks sentences longer than its string buffer with one engine, each the same whatever came before', async () => {
		expect(LONG.every((s) => Buffer.byteLength(s) > 128)).toBe(true);
		const first = await speak(LONG[0]);
		const replies = [first];
		for (const text of [...LONG.slice(1), LONG[0], 'Short.', LONG[2]]) replies.push(await speak(text));
		expect(replies.map((r) => r.error)).toEqual(replies.map(() => undefined));
		expect(replies.map((r) => r.engines)).toEqual(replies.map(() => 1));
		expect(Buffer.from(replies[3].audio!.buffer).equals(Buffer.from(first.audio!.buffer))).toBe(true);
		expect(Buffer.from(replies[5].audio!.buffer).equals(Buffer.from(replies[2].audio!.buffer))).toBe(true);
	}, 60_000);

	it('puts back every byte a request changed: numbers, breaks, another voice, phonemes between', async () => {
		const texts = ['Dr. Smith paid $12.50 for 3 apples at 4:30pm on 12/05/2026, didn’t he?', 'A pause <break time="700ms"/> and on.', LONG[1]];
		const replies = [];
		for (const [i, text] of [...texts, ...texts].entries()) {
			replies.push(await speak(`<speak>${text}</speak>`, i % 2 ? 'en-GB-x-rp' : 'en-us'));
			if (i === 2) expect((await ask({kind: 'phonemes', text: 'hello world', voice: 'en-us'})).phonemes).toMatch(/h/);
		}
		expect(replies.map((r) => r.error)).toEqual(replies.map(() => undefined));
		expect(replies.map((r) => r.engines)).toEqual(replies.map(() => 1));
	}, 60_000);

	it('finds where the engine keeps what it writes, as memory-layout.json says', () => {
		const layout = memoryLayout(readFileSync(new URL('../vendor/espeak-ng/espeak-ng.wasm', import.meta.url)));
		expect(layout).toEqual(JSON.parse(readFileSync(new URL('../vendor/espeak-ng/memory-layout.json', import.meta.url), 'utf8')));
		expect(layout.sbrkPointer).toBeLessThan(layout.staticEnd);
	});
});
