// The espeak worker on its own: long sentences (more than the glue's 128-byte
// string buffer) are spoken by the one engine, not by a rebuilt one each time,
// and each comes out the same whatever was spoken before it.
import {Worker} from 'node:worker_threads';
import {afterAll, describe, expect, it} from 'vitest';

const worker = new Worker(new URL('../src/analysis/tts/espeak-worker.mjs', import.meta.url), {execArgv: []});
afterAll(() => worker.terminate());

type Reply = {id: number; error?: string; audio?: Int16Array; engines?: number};
let nextId = 0;
const waiting = new Map<number, (reply: Reply) => void>();
worker.on('message', (reply: Reply) => waiting.get(reply.id)?.(reply));
const speak = (ssml: string): Promise<Reply> =>
	new Promise((resolve) => {
		const id = ++nextId;
		waiting.set(id, resolve);
		worker.postMessage({id, kind: 'synth', ssml, voice: 'en-us', rateWpm: 165, pitch: 50});
	});

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
});
