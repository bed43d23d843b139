// The composite renderer's pictures go from Chrome to ffmpeg through this
// server; ffmpeg's requests may come before a picture is drawn, and must wait.
// A name is never a path: '../x' is served like any other name, from the server's own file.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, test} from 'vitest';
import {startPictureServer, type PictureServer} from '../src/render/composite/picture-server';
import {splitPngs} from '../src/render/composite/atlas';
import {encodePng} from './helpers/media';

let server: PictureServer | null = null;
afterEach(async () => {
	await server?.close();
	server = null;
});

const get = async (url: string) => {
	const res = await fetch(url);
	return {status: res.status, bytes: Buffer.from(await res.arrayBuffer())};
};

describe('picture server', () => {
	test('a request made before the picture is drawn is answered when it is published, and again later', async () => {
		server = await startPictureServer({dir: mkdtempSync(path.join(tmpdir(), 'reel-pictures-'))});
		let answered = false;
		const early = get(server.url('state-0.png')).then((r) => ((answered = true), r));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(answered).toBe(false);
		await server.publish('state-0.png', Buffer.from('picture zero'));
		expect(await early).toEqual({status: 200, bytes: Buffer.from('picture zero')});
		expect((await get(server.url('state-0.png'))).bytes.toString()).toBe('picture zero');
		await server.publish('../escape.png', Buffer.from('still inside'));
		expect((await get(server.url('../escape.png'))).bytes.toString()).toBe('still inside');
	});

	test('pictures published at once each keep their own bytes', async () => {
		server = await startPictureServer({dir: mkdtempSync(path.join(tmpdir(), 'reel-pictures-'))});
		const names = Array.from({length: 8}, (_, i) => `state-${i}.png`);
		await Promise.all(names.map((name) => server!.publish(name, Buffer.from(`bytes of ${name}`))));
		const got = await Promise.all(names.map(async (name) => (await get(server!.url(name))).bytes.toString()));
		expect(got).toEqual(names.map((name) => `bytes of ${name}`));
	});

	test('after finish() waiting and new requests for unpublished pictures are refused; other paths are never served', async () => {
		server = await startPictureServer({dir: mkdtempSync(path.join(tmpdir(), 'reel-pictures-'))});
		await server.publish('legibility.png', Buffer.from('ok'));
		const waiting = get(server.url('state-1.png'));
		await new Promise((resolve) => setTimeout(resolve, 20));
		server.finish();
		expect((await waiting).status).toBe(404);
		expect((await get(server.url('state-2.png'))).status).toBe(404);
		// The random prefix: the same name without it is not served.
		const bare = server.url('legibility.png').replace(/\/[0-9a-f]{24}\//, '/');
		expect((await get(bare)).status).toBe(404);
		expect((await get(server.url('legibility.png'))).status).toBe(200);
	});
});

describe('splitPngs', () => {
	const png = (r: number) => encodePng({rgb: Buffer.alloc(2 * 3 * 3, r), width: 2, height: 3});

	test('cuts a stream of PNG files back into the files', () => {
		const files = [png(10), png(200), png(90)];
		const parts = splitPngs(Buffer.concat(files));
		expect(parts.map((p) => p.toString('hex'))).toEqual(files.map((p) => p.toString('hex')));
	});

	test('a cut-short or foreign stream is an error, not a partial result', () => {
		const two = Buffer.concat([png(10), png(20)]);
		expect(() => splitPngs(two.subarray(0, two.length - 5))).toThrow(/cut short/);
		expect(() => splitPngs(Buffer.concat([png(10), Buffer.from('GIF89a....')]))).toThrow(/not a PNG at byte/);
	});
});
