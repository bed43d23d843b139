// Voices: the registry (add, list, resolve) and `install` against a Piper-style
// catalogue served on 127.0.0.1 by this test, which can cut a download short
// or lie about a checksum, and records the Range headers it was asked for.
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ReelError} from '../src/analysis/errors';
import {installVoice} from '../src/analysis/tts/voice-install';
import {addVoice, listRegisteredVoices, parseVoiceSpec, resolvePiperModel} from '../src/analysis/tts/voices';
import {ROOT, runCli} from './helpers/cli';
import {TEST_VOICE} from './helpers/piper-voice';

const NAME = 'en_US-test-medium';
const FILES: Record<string, Buffer> = {
	[`en/en_US/test/medium/${NAME}.onnx`]: readFileSync(TEST_VOICE),
	[`en/en_US/test/medium/${NAME}.onnx.json`]: readFileSync(`${TEST_VOICE}.json`),
};
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** What the server does next: serve honestly, cut the model off halfway once, or publish a wrong checksum. */
let mode: 'ok' | 'cut-once' | 'bad-md5' = 'ok';
const requests: {url: string; range?: string}[] = [];
let server: Server;
let baseUrl = '';
let dir = '';
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ReelError);

beforeAll(async () => {
	server = createServer((req, res) => {
		const url = decodeURIComponent(req.url ?? '').slice(1);
		requests.push({url, range: req.headers.range});
		if (url === 'voices.json') {
			const files = Object.fromEntries(Object.entries(FILES).map(([f, b]) => [f, {size_bytes: b.length, md5_digest: mode === 'bad-md5' ? md5(Buffer.from('other')) : md5(b)}]));
			return res.end(JSON.stringify({[NAME]: {files: {...files, 'MODEL_CARD': {size_bytes: 1, md5_digest: md5(Buffer.from('x'))}}}}));
		}
		const body = FILES[url];
		if (!body) return res.writeHead(404).end();
		const from = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
		res.writeHead(from > 0 ? 206 : 200, {'content-length': body.length - from, ...(from > 0 ? {'content-range': `bytes ${from}-${body.length - 1}/${body.length}`} : {})});
		if (mode === 'cut-once' && url.endsWith('.onnx') && from === 0) {
			mode = 'ok';
			res.write(body.subarray(0, 700));
			setTimeout(() => res.socket?.destroy(), 50); // the connection drops mid-file
			return;
		}
		res.end(body.subarray(from));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as {port: number}).port}/`;
});
afterAll(() => server.close());
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'reel-voices-'));
	process.env.REEL_VOICES_DIR = dir;
	requests.length = 0;
	mode = 'ok';
});

describe('voices install', () => {
	it('downloads model and config, verified, registers the voice, reports progress to the full size', async () => {
		const progress: number[] = [];
		const entry = await installVoice({name: NAME, allowNetwork: true, baseUrl, onProgress: (done, total) => progress.push(done / total)});
		expect(entry).toEqual({name: NAME, model: path.join(dir, NAME, `${NAME}.onnx`), source: 'installed'});
		expect(readFileSync(entry.model).equals(FILES[`en/en_US/test/medium/${NAME}.onnx`])).toBe(true);
		expect(progress[progress.length - 1]).toBe(1);
		expect(requests.map((r) => r.url)).not.toContain('MODEL_CARD');
		expect(await resolvePiperModel(NAME)).toBe(entry.model);
		// Installing again checks the files on disk and downloads nothing.
		requests.length = 0;
		await installVoice({name: NAME, allowNetwork: true, baseUrl});
		expect(requests.map((r) => r.url)).toEqual(['voices.json']);
	});

	it('refuses without --allow-network, before any request', async () => {
		const error = await errorOf(installVoice({name: NAME, allowNetwork: false, baseUrl}));
		expect([error?.code, error?.message]).toEqual(['NETWORK_BLOCKED', expect.stringMatching(/--allow-network/)]);
		expect(requests).toEqual([]);
	});

	it('deletes a download whose checksum does not match, and registers nothing', async () => {
		mode = 'bad-md5';
		const error = await errorOf(installVoice({name: NAME, allowNetwork: true, baseUrl}));
		expect(error?.message).toMatch(/checksum mismatch: MD5 [0-9a-f]{32}, the catalogue says/);
		expect(existsSync(path.join(dir, NAME, `${NAME}.onnx`)) || existsSync(path.join(dir, NAME, `${NAME}.onnx.part`))).toBe(false);
		expect(await listRegisteredVoices()).toEqual([]);
	});

	it('resumes an interrupted download from where it stopped', async () => {
		mode = 'cut-once';
		const first = await errorOf(installVoice({name: NAME, allowNetwork: true, baseUrl}));
		expect(first?.message).toMatch(/interrupted after 700 of \d+ bytes.*run the same command again to resume/);
		expect(statSync(path.join(dir, NAME, `${NAME}.onnx.part`)).size).toBe(700);
		const entry = await installVoice({name: NAME, allowNetwork: true, baseUrl});
		expect(requests.filter((r) => r.url.endsWith('.onnx')).map((r) => r.range)).toEqual([undefined, 'bytes=700-']);
		expect(readFileSync(entry.model).equals(FILES[`en/en_US/test/medium/${NAME}.onnx`])).toBe(true);
	});

	it('the CLI shows progress and refuses without the flag', async () => {
		const run = (args: string[]) =>
			promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'voices.ts'), ...args], {cwd: ROOT, env: {...process.env, REEL_VOICES_URL: baseUrl}}).then(
				(r) => ({code: 0, ...r}),
				(e: {code: number; stdout: string; stderr: string}) => e,
			);
		const refused = await run(['install', NAME]);
		expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(/^reel: installing .* --allow-network\n$/)]);
		const ok = await run(['install', NAME, '--allow-network']);
		expect([ok.code, ok.stderr]).toEqual([0, expect.stringMatching(/install en_US-test-medium 100% .*done in/s)]);
		expect((await run(['list'])).stdout).toMatch(`piper:${NAME}  installed`);
	}, 60_000);
});

describe('voice registry', () => {
	it('adds a local voice under its file name and resolves names and paths', async () => {
		expect(await addVoice(TEST_VOICE)).toEqual({name: 'test_voice', model: TEST_VOICE, source: 'added'});
		expect(await listRegisteredVoices()).toEqual([{name: 'test_voice', model: TEST_VOICE, source: 'added'}]);
		expect(await resolvePiperModel('test_voice')).toBe(TEST_VOICE);
		expect(await resolvePiperModel(TEST_VOICE)).toBe(TEST_VOICE);
		expect((await errorOf(resolvePiperModel('nobody')))?.message).toMatch(/no Piper voice named "nobody": npm run voices -- list/);
		expect((await errorOf(addVoice(path.join(dir, 'x.onnx'))))?.code).toBe('VOICE_MISSING');
	});

	it('reel plan with a missing or broken Piper voice fails in one line naming the file and the fix', () => {
		const script = path.join(dir, 's.txt');
		writeFileSync(script, 'Hello there.');
		const missing = runCli(['plan', script, '--clips', dir, '--voice', 'piper:nobody'], {REEL_VOICES_DIR: dir});
		expect([missing.status, missing.stderr]).toEqual([1, expect.stringMatching(/^reel: no Piper voice named "nobody": npm run voices -- list .*install nobody --allow-network\n$/)]);
		const broken = path.join(dir, 'broken.onnx');
		writeFileSync(broken, 'x');
		writeFileSync(`${broken}.json`, '{"audio": ');
		const bad = runCli(['plan', script, '--clips', dir, '--voice', `piper:${broken}`]);
		expect([bad.status, bad.stderr]).toEqual([1, expect.stringMatching(/^reel: .*broken\.onnx\.json: not valid JSON .*download the voice's \.onnx\.json again\n$/)]);
	}, 60_000);

	it('parses --voice: espeak by default, piper by prefix', () => {
		expect(parseVoiceSpec('en-gb')).toEqual({engine: 'espeak', voice: 'en-gb'});
		expect(parseVoiceSpec('espeak:fr')).toEqual({engine: 'espeak', voice: 'fr'});
		expect(parseVoiceSpec('piper:en_US-lessac-medium')).toEqual({engine: 'piper', ref: 'en_US-lessac-medium'});
		expect(() => parseVoiceSpec('piper:')).toThrow(/names no voice/);
		expect(() => parseVoiceSpec('coqui:x')).toThrow(/unknown engine/);
	});
});
