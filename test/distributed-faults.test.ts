// What goes wrong in a distributed render, and what the user sees: Redis not
// there (or not answering), a chunk that fails on every attempt, a chunk whose
// file comes back damaged. Each is one `reel:` line naming the problem, a
// non-zero exit and no video; the next run reuses every chunk that did finish.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {checkRedis} from '../src/distributed/redis';
import {probeStreams} from '../src/render/ff';
import {ROOT, runCli} from './helpers/cli';
import {makeTestClip} from './helpers/media';
import {freePort, redisAvailable, startCli, startRedis, startWorker, type Proc} from './helpers/redis';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-dist-faults-'));
const shared = path.join(dir, 'shared');
const outDir = path.join(dir, 'out');
const out = path.join(outDir, 'faults.mp4');
const env = {REEL_CACHE_DIR: path.join(dir, 'cache'), REEL_WORKER_LOCK_MS: '8000'};
let script: string;
let clips: string;

const makeArgs = (redisUrl: string) => ['make', script, '--clips', clips, '--out', out, '--rate', '190', '--scale', '0.25', '--distributed', '--redis', redisUrl, '--shared-dir', shared, '--chunks', '4'];
/** Not runCli: a blocking spawn would stop this process reading the workers' output meanwhile. */
const make = async (redisUrl: string) => {
	const cli = startCli(makeArgs(redisUrl), env);
	const status = await cli.exited;
	return {status, stderr: cli.lines.join('\n')};
};
const lastLine = (text: string) => text.trim().split('\n').at(-1);
/** At most the plan and subtitles: no video, no temporary file. */
const noVideo = () => expect(existsSync(outDir) ? readdirSync(outDir).filter((f) => !['faults.plan.json', 'faults.srt'].includes(f)) : []).toEqual([]);

beforeAll(async () => {
	clips = path.join(dir, 'clips');
	mkdirSync(clips);
	await makeTestClip({file: path.join(clips, 'fire-flames.mp4'), color: [190, 30, 30], seconds: 3});
	await makeTestClip({file: path.join(clips, 'forest-trees.mp4'), color: [30, 160, 40], seconds: 3});
	script = path.join(dir, 'faults.txt');
	writeFileSync(script, 'Fire burns bright. Green trees grow.');
});

describe('Redis not reachable', () => {
	test('make --distributed names the URL and exits 1 without planning, leaving no video', async () => {
		const url = `redis://127.0.0.1:${await freePort()}`;
		const started = Date.now();
		const cli = runCli(makeArgs(url), env);
		expect(lastLine(cli.stderr)).toMatch(new RegExp(`^reel: cannot reach Redis at ${url}: .*\\(start redis-server, or pass --redis / REEL_REDIS_URL\\)$`));
		expect(cli.status).toBe(1);
		// Not a hang: Redis is checked before planning, with a bounded wait (timed
		// in-process below). Node and tsx start-up come on top: 4.7 s at load 7
		// but 16 s at load 16 here, so only a generous bound is asserted.
		expect(Date.now() - started).toBeLessThan(45_000);
		noVideo();
	}, 60_000);

	test('a worker says the same and exits 1', async () => {
		const url = `redis://127.0.0.1:${await freePort()}`;
		const worker = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'worker.ts'), '--redis', url], {cwd: ROOT, encoding: 'utf8', timeout: 60_000});
		expect(lastLine(worker.stderr)).toMatch(new RegExp(`^reel: cannot reach Redis at ${url}: `));
		expect(worker.status).toBe(1);
	}, 60_000);

	test('a server that accepts the connection but never answers is given up on in about 3 s', async () => {
		const silent = net.createServer(() => undefined).listen(0, '127.0.0.1');
		await new Promise((r) => silent.once('listening', r));
		const url = `redis://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
		const started = Date.now();
		await expect(checkRedis(url)).rejects.toThrow(`cannot reach Redis at ${url}`);
		expect(Date.now() - started).toBeLessThan(6000);
		silent.close();
	});
});

describe.skipIf(!redisAvailable())('chunk faults, then a resumed render', () => {
	let redis: {url: string; stop: () => void};
	const workers: Proc[] = [];
	const worker = async (faults: Record<string, string>) => {
		const w = startWorker(['--redis', redis.url, '--shared-dir', shared], {...env, ...faults});
		workers.push(w);
		await w.waitFor(/ready/);
		return w;
	};

	beforeAll(async () => {
		redis = await startRedis();
	});
	afterAll(() => {
		for (const w of workers) w.kill();
		redis?.stop();
	});

	test('a chunk that fails on every attempt fails the render, naming the chunk, its frames and the cause', async () => {
		const w = await worker({REEL_TEST_FAIL_CHUNK: '1'});
		const cli = await make(redis.url);
		w.kill();
		expect(lastLine(cli.stderr)).toMatch(/^reel: .*faults\.mp4: distributed render failed: chunk 2\/4 \(frames \d+–\d+\) failed \(3 attempts\): simulated crash while rendering/);
		expect(cli.status).toBe(1);
		noVideo();
	}, 300_000);

	test('a chunk whose file comes back damaged is named and removed; chunks that finished are not rendered again', async () => {
		const w = await worker({REEL_TEST_CORRUPT_CHUNK: '1'});
		const cli = await make(redis.url);
		w.kill();
		expect(cli.stderr).toMatch(/[1-3] already rendered/);
		expect(lastLine(cli.stderr)).toMatch(/^reel: .*chunk 2\/4 \(frames \d+–\d+\): .*chunk-\d+-\d+\.ts is not a readable video .*; removed it \(run again to render it anew\)$/);
		expect(cli.status).toBe(1);
		expect(w.lines.some((l) => /chunk 1\/4/.test(l))).toBe(false);
		noVideo();
	}, 300_000);

	test('run again with a sound worker: it renders only what is missing and the video is complete', async () => {
		const w = await worker({});
		const cli = await make(redis.url);
		expect(cli.stderr).not.toMatch(/reel:/);
		expect(cli.status).toBe(0);
		expect(w.lines.filter((l) => /: started/.test(l)).length).toBeLessThan(4);
		expect(w.lines.some((l) => /chunk 2\/4 .*: done/.test(l))).toBe(true);
		const {streams, durationMs} = await probeStreams(out);
		expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
		expect(durationMs).toBeGreaterThan(2000);
		// Chunks are deleted once joined.
		expect(existsSync(path.join(shared, 'renders')) ? readdirSync(path.join(shared, 'renders')) : []).toEqual([]);
	}, 300_000);
});
