// Hands the pictures Chrome draws to ffmpeg over localhost HTTP, each as soon
// as it is drawn: ffmpeg starts on the footage while Chrome is still drawing,
// and a request for a picture not drawn yet simply waits for it. (Files would
// have to exist before ffmpeg opens them; named pipes do not exist on Windows
// and can be read only once, and a caption state may be shown more than once.)
import {randomBytes} from 'node:crypto';
import {createServer, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export type PictureServer = {
	/** Where ffmpeg finds the picture `name` (a file name ending in its format, e.g. `state-3.png`). */
	url: (name: string) => string;
	/** The picture is drawn: answer every request for it, now and later. */
	publish: (name: string, bytes: Buffer) => void;
	/** Nothing more will be drawn: requests still waiting, and any new ones, fail. */
	fail: () => void;
	close: () => Promise<void>;
};

export const startPictureServer = async (): Promise<PictureServer> => {
	// A random path: another local process cannot guess it, and a stale URL cannot reach a later render.
	const prefix = `/${randomBytes(12).toString('hex')}/`;
	const pictures = new Map<string, Buffer>();
	const waiting = new Map<string, ServerResponse[]>();
	let failed = false;
	const send = (res: ServerResponse, bytes: Buffer) => {
		res.writeHead(200, {'content-type': 'application/octet-stream', 'content-length': bytes.length});
		res.end(bytes);
	};
	const refuse = (res: ServerResponse) => {
		res.writeHead(404);
		res.end();
	};
	const server = createServer((req, res) => {
		const name = req.url?.startsWith(prefix) ? decodeURIComponent(req.url.slice(prefix.length)) : null;
		const bytes = name === null ? undefined : pictures.get(name);
		if (bytes) return send(res, bytes);
		if (name === null || failed) return refuse(res);
		waiting.set(name, [...(waiting.get(name) ?? []), res]);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: (name) => `http://127.0.0.1:${port}${prefix}${encodeURIComponent(name)}`,
		publish: (name, bytes) => {
			pictures.set(name, bytes);
			for (const res of waiting.get(name) ?? []) send(res, bytes);
			waiting.delete(name);
		},
		fail: () => {
			failed = true;
			for (const list of waiting.values()) list.forEach(refuse);
			waiting.clear();
		},
		close: () =>
			new Promise<void>((resolve) => {
				for (const list of waiting.values()) list.forEach(refuse);
				waiting.clear();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
};
