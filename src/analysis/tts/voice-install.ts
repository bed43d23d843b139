// `voices install <name>`: a voice from Piper's catalogue (voices.json in the
// rhasspy/piper-voices repository: every file with its size and MD5) into
// the voices folder, then registered. Downloading is the one thing in reel
// that needs the network, so it happens only when the user allows it.
import path from 'node:path';
import {z} from 'zod';
import {downloadVerified} from '../cache/download';
import {ReelError} from '../errors';
import {registerVoice, voicesDir, type VoiceEntry} from './voices';

/** `REEL_VOICES_URL` points at a mirror (or a local server in tests); it must serve voices.json and the files it lists. */
export const DEFAULT_VOICES_URL = 'https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/';

const CatalogSchema = z.record(
	z.string(),
	z.object({files: z.record(z.string(), z.object({size_bytes: z.number().int().nonnegative(), md5_digest: z.string().regex(/^[0-9a-f]{32}$/i)}))}),
);

export type InstallInput = {
	name: string;
	allowNetwork: boolean;
	baseUrl?: string;
	/** Bytes done of all the voice's files together. */
	onProgress?: (doneBytes: number, totalBytes: number, file: string) => void;
};

const fetchCatalog = async (baseUrl: string) => {
	const url = new URL('voices.json', baseUrl).href;
	const response = await fetch(url).catch((error: Error) => {
		throw new ReelError('DOWNLOAD_FAILED', `${url}: cannot connect (${(error.cause as Error | undefined)?.message ?? error.message})`);
	});
	if (!response.ok) throw new ReelError('DOWNLOAD_FAILED', `${url}: server answered HTTP ${response.status}`);
	const parsed = CatalogSchema.safeParse(await response.json().catch(() => null));
	if (!parsed.success) throw new ReelError('DOWNLOAD_FAILED', `${url}: not a Piper voice catalogue`);
	return parsed.data;
};

export const installVoice = async ({name, allowNetwork, baseUrl = process.env.REEL_VOICES_URL ?? DEFAULT_VOICES_URL, onProgress}: InstallInput): Promise<VoiceEntry> => {
	if (!allowNetwork) {
		throw new ReelError('NETWORK_BLOCKED', `installing "${name}" downloads it from ${baseUrl}: reel runs offline unless you pass --allow-network`);
	}
	const catalog = await fetchCatalog(baseUrl);
	const voice = catalog[name];
	if (!voice) {
		const close = Object.keys(catalog).filter((k) => k.toLowerCase().includes(name.toLowerCase().split('-')[0])).slice(0, 5);
		throw new ReelError('VOICE_MISSING', `no voice "${name}" in the catalogue at ${baseUrl}${close.length ? ` (similar: ${close.join(', ')})` : ''}`);
	}
	// The model and its config; the catalogue also lists model cards, which reel does not need.
	const files = Object.entries(voice.files).filter(([file]) => /\.onnx(\.json)?$/.test(file));
	if (!files.some(([f]) => f.endsWith('.onnx')) || !files.some(([f]) => f.endsWith('.onnx.json'))) {
		throw new ReelError('DOWNLOAD_FAILED', `catalogue entry "${name}" lacks its .onnx or .onnx.json file`);
	}
	const totalBytes = files.reduce((n, [, f]) => n + f.size_bytes, 0);
	const dir = path.join(voicesDir(), name);
	let before = 0;
	for (const [file, {size_bytes, md5_digest}] of files) {
		await downloadVerified({
			url: new URL(file.split('/').map(encodeURIComponent).join('/'), baseUrl).href,
			file: path.join(dir, path.basename(file)),
			sizeBytes: size_bytes,
			md5: md5_digest,
			onProgress: (done) => onProgress?.(before + done, totalBytes, path.basename(file)),
		});
		before += size_bytes;
	}
	const model = path.join(dir, path.basename(files.find(([f]) => f.endsWith('.onnx'))![0]));
	const entry: VoiceEntry = {name, model, source: 'installed'};
	await registerVoice(entry);
	return entry;
};
