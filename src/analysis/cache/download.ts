// One file over HTTP(S), resumable and verified. Bytes go to `<file>.part`
// first; a later attempt asks the server for the rest (Range) and appends.
// Only a file of the expected size and MD5 (what Piper's voice catalogue
// publishes) is renamed into place; a wrong one is deleted, so the next try
// starts clean instead of resuming garbage.
import {createHash} from 'node:crypto';
import {createReadStream, createWriteStream, existsSync, statSync} from 'node:fs';
import {mkdir, rename, rm} from 'node:fs/promises';
import path from 'node:path';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {ReelError} from '../errors';

export type DownloadInput = {
	url: string;
	file: string;
	sizeBytes: number;
	md5: string;
	/** Bytes on disk so far (resumed ones included) of sizeBytes. */
	onProgress?: (doneBytes: number, sizeBytes: number) => void;
};

const md5Of = async (file: string): Promise<string> => {
	const hash = createHash('md5');
	await pipeline(createReadStream(file), hash);
	return hash.digest('hex');
};

const failed = (url: string, why: string) => new ReelError('DOWNLOAD_FAILED', `${url}: ${why}`);

/** Appends the rest of the file to `part`; returns how many bytes it holds afterwards. */
const fetchRest = async ({url, part, sizeBytes, onProgress}: {url: string; part: string; sizeBytes: number; onProgress?: DownloadInput['onProgress']}): Promise<void> => {
	let have = existsSync(part) ? statSync(part).size : 0;
	if (have > sizeBytes) {
		await rm(part);
		have = 0;
	}
	if (have === sizeBytes) return;
	const response = await fetch(url, {headers: have > 0 ? {range: `bytes=${have}-`} : {}}).catch((error: Error) => {
		throw failed(url, `cannot connect (${(error.cause as Error | undefined)?.message ?? error.message})`);
	});
	if (!(response.status === 200 || response.status === 206) || !response.body) throw failed(url, `server answered HTTP ${response.status}`);
	// A server that ignores Range sends the whole file again: start over rather than append it.
	const resumed = response.status === 206;
	if (!resumed) have = 0;
	let done = have;
	const counted = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).on('data', (chunk: Buffer) => {
		done += chunk.length;
		onProgress?.(done, sizeBytes);
	});
	await pipeline(counted, createWriteStream(part, {flags: resumed ? 'a' : 'w'})).catch((error: Error) => {
		throw failed(url, `download interrupted after ${done} of ${sizeBytes} bytes (${error.message}); run the same command again to resume`);
	});
};

export const downloadVerified = async ({url, file, sizeBytes, md5, onProgress}: DownloadInput): Promise<void> => {
	// Installed before: nothing to fetch (checked, not trusted by name).
	if (existsSync(file) && statSync(file).size === sizeBytes && (await md5Of(file)) === md5.toLowerCase()) {
		onProgress?.(sizeBytes, sizeBytes);
		return;
	}
	await mkdir(path.dirname(file), {recursive: true});
	const part = `${file}.part`;
	await fetchRest({url, part, sizeBytes, onProgress});
	const size = statSync(part).size;
	if (size !== sizeBytes) {
		if (size > sizeBytes) await rm(part);
		throw failed(url, `got ${size} bytes, expected ${sizeBytes}${size < sizeBytes ? '; run the same command again to resume' : ''}`);
	}
	const actual = await md5Of(part);
	if (actual !== md5.toLowerCase()) {
		await rm(part);
		throw failed(url, `checksum mismatch: MD5 ${actual}, the catalogue says ${md5}; the damaged download was deleted, try again`);
	}
	await rename(part, file);
};
