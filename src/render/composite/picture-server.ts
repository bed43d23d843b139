// Hands the pictures Chrome draws to ffmpeg over localhost HTTP, each as soon
// as it is drawn: ffmpeg starts on the footage while Chrome is still drawing,
// and a request for a picture not drawn yet simply waits for it. (Files would
// have to exist before ffmpeg opens them; named pipes do not exist on Windows
// and can be read only once, and a caption state may be shown more than once.)
// Pictures are kept as files in `dir`, not in memory: a long video has
// thousands of caption states.
import {randomBytes} from 'node:crypto';
import {readFile, writeFile} from 'node:fs/promises';
import {createServer, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';

export type PictureServer = {
	/** Where ffmpeg finds the picture `name` (a file name ending in its format, e.g. `state-3.png`). */
	url: (name: string) => string;
	/** The picture is drawn: answer every request for it, now and later. */
	publish: (name: string, bytes: Buffer) => Promise<void>;
	/** Nothing more will be published: requests still waiting, and new ones for anything unpublished, are refused (ffmpeg then stops, it does not wait for ever). */
	finish: () => void;
	close: () => Promise<void>;
};

export const startPictureServer = async ({dir}: {dir: string}): Promise<PictureServer> => {
	// A random path: another local process cannot guess it, and a stale URL cannot reach a later render.
	const prefix = `/${randomBytes(12).toString('hex')}/`;
	const pictures = new Map<string, string>(); // name → its file
	const waiting = new Map<string, ServerResponse[]>();
	let finished = false;
	let written = 0;
	const send = (res: ServerResponse, file: string) =>
		readFile(file).then(
			(bytes) => {
				res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': bytes.length});
				res.end(bytes);
			},
			() => refuse(res),
		);
	const refuse = (res: ServerResponse) => {
		res.writeHead(404);
		res.end();
	};
	const refuseWaiting = () => {
		for (const list of waiting.values()) list.forEach(refuse);
		waiting.clear();
	};
	const server = createServer((req, res) => {
		const name = req.url?.startsWith(prefix) ? decodeURIComponent(req.url.slice(prefix.length)) : null;
		const file = name === null ? undefined : pictures.get(name);
		if (file) return void send(res, file);
		if (name === null || finished) return refuse(res);
		waiting.set(name, [...(waiting.get(name) ?? []), res]);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: (name) => `http://127.0.0.1:${port}${prefix}${encodeURIComponent(name)}`,
		publish: async (name, bytes) => {
			// Numbered as called (publishes overlap), not named by `name`: that comes from the caller.
			const file = path.join(dir, `picture-${written++}.png`);
			await writeFile(file, bytes);
			pictures.set(name, file);
			for (const res of waiting.get(name) ?? []) void send(res, file);
			waiting.delete(name);
		},
		finish: () => {
			finished = true;
			refuseWaiting();
		},
		close: () =>
			new Promise<void>((resolve) => {
				refuseWaiting();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
};
