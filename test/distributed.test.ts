// Distributed render end to end: a real redis-server, two real worker
// processes, the CLI as coordinator. One worker is killed (with its Chrome)
// while it holds a chunk; BullMQ's stalled-job check hands the chunk to the
// other. The result must match a local render of the same plan at and around
// every chunk boundary, in picture (PSNR) and in sound (no gap, no click).
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {durationInFrames, parsePlan, type Plan} from '../src/plan';
import {probeStreams} from '../src/render/ff';
import {runCli} from './helpers/cli';
import {compareAudioAt, decodeAudio, psnr} from './helpers/compare';
import {frameAt, makeTestClip} from './helpers/media';
import {redisAvailable, startCli, startRedis, startWorker, type Proc} from './helpers/redis';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-dist-'));
const shared = path.join(dir, 'shared');
const env = {REEL_CACHE_DIR: path.join(dir, 'cache'), REEL_WORKER_LOCK_MS: '8000'};
const W = 270;
const H = 480;
const CHUNKS = 4;
let redis: {url: string; stop: () => void} | null = null;
const workers: Proc[] = [];
let coordinator: {status: number; stderr: string};
let killed: {worker: number; chunk: string};
let plan: Plan;

const local = path.join(dir, 'local', 'short.mp4');
const distributed = path.join(dir, 'dist', 'short.mp4');

describe.skipIf(!redisAvailable())('make --distributed', () => {
	beforeAll(async () => {
		const clips = path.join(dir, 'clips');
		mkdirSync(clips);
		await makeTestClip({file: path.join(clips, 'fire-flames.mp4'), color: [190, 30, 30], seconds: 3});
		await makeTestClip({file: path.join(clips, 'forest-trees.mp4'), color: [30, 160, 40], seconds: 3});
		const script = path.join(dir, 'short.txt');
		writeFileSync(script, 'Fire burns bright. Green trees grow.');
		const common = [script, '--clips', clips, '--rate', '190', '--scale', '0.25'];
		redis = await startRedis();
		// Workers start (browser and all) while the local reference renders.
		for (let i = 0; i < 2; i++) workers.push(startWorker(['--redis', redis.url, '--shared-dir', shared], env));
		// The reference renders with Remotion, as the chunks do (the compositor draws the same Reel another way).
		const ref = runCli(['make', ...common, '--out', local, '--renderer', 'remotion'], env);
		if (ref.status !== 0) throw new Error(`local render failed: ${ref.stderr}`);
		await Promise.all(workers.map((w) => w.waitFor(/ready/)));
		const run = startCli(['make', ...common, '--out', distributed, '--distributed', '--redis', redis.url, '--shared-dir', shared, '--chunks', String(CHUNKS)], env);
		// Whichever worker takes a chunk first is killed a moment into rendering it.
		const first = await Promise.race(workers.map((w, i) => w.waitFor(/: started/, 120_000).then((line) => ({worker: i, line}))));
		await new Promise((r) => setTimeout(r, 500));
		workers[first.worker].kill();
		killed = {worker: first.worker, chunk: /chunk \d+\/\d+ \(frames [^)]*\)/.exec(first.line)![0]};
		coordinator = {status: await run.exited, stderr: run.lines.join('\n')};
		plan = parsePlan(JSON.parse(readFileSync(path.join(dir, 'dist', 'short.plan.json'), 'utf8')));
	}, 300_000);

	afterAll(() => {
		for (const w of workers) w.kill();
		redis?.stop();
	});

	test('the render succeeds though a worker died holding a chunk; the other worker rendered that chunk', () => {
		expect(coordinator.stderr).not.toMatch(/reel:/);
		expect(coordinator.status).toBe(0);
		expect(coordinator.stderr).toMatch(new RegExp(`${CHUNKS} chunks of \\d+ frames, 0 already rendered, ${CHUNKS} queued`));
		const survivor = workers[1 - killed.worker];
		expect(survivor.lines.some((l) => l.includes(killed.chunk) && l.includes('done'))).toBe(true);
		expect(readdirSync(path.join(dir, 'dist')).sort()).toEqual(['short.mp4', 'short.plan.json', 'short.srt']);
	});

	test('H.264 + AAC, as many frames as the plan and as long as the local render', async () => {
		const frames = durationInFrames(plan.durationMs, plan.fps);
		const [mine, ref] = await Promise.all([probeStreams(distributed), probeStreams(local)]);
		const video = mine.streams.find((s) => s.codec_type === 'video')!;
		expect([video.codec_name, video.pix_fmt, video.width, video.height]).toEqual(['h264', 'yuv420p', W, H]);
		expect(mine.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
		expect(Math.abs(Number(video.duration) - frames / plan.fps)).toBeLessThanOrEqual(0.5 / plan.fps);
		expect(Math.abs(mine.durationMs - ref.durationMs)).toBeLessThanOrEqual(1000 / plan.fps);
	});

	test('frames at and around every chunk boundary match the local render (PSNR ≥ 35 dB)', async () => {
		const size = Math.ceil(durationInFrames(plan.durationMs, plan.fps) / CHUNKS);
		const checked: string[] = [];
		for (let b = size; b < durationInFrames(plan.durationMs, plan.fps); b += size) {
			for (const f of [b - 1, b, b + 1]) {
				const timeMs = ((f + 0.5) * 1000) / plan.fps;
				const [a, c] = await Promise.all([frameAt({file: distributed, timeMs, width: W, height: H}), frameAt({file: local, timeMs, width: W, height: H})]);
				const db = psnr(a, c);
				checked.push(`frame ${f}: ${db.toFixed(1)} dB`);
				expect(db, checked.join(', ')).toBeGreaterThanOrEqual(35);
			}
		}
		console.log(`PSNR vs local at chunk boundaries: ${checked.join(', ')}`);
		expect(checked).toHaveLength(3 * (CHUNKS - 1));
	});

	test('no gap or click in the audio at the joins: it follows the local render there', async () => {
		const [mine, ref] = await Promise.all([decodeAudio(distributed), decodeAudio(local)]);
		const size = Math.ceil(durationInFrames(plan.durationMs, plan.fps) / CHUNKS);
		const seen: string[] = [];
		let inSpeech = 0;
		for (let b = size; b < durationInFrames(plan.durationMs, plan.fps); b += size) {
			const at = compareAudioAt({reference: ref, test: mine, atMs: (b * 1000) / plan.fps, halfMs: 30});
			seen.push(`join at frame ${b}: level ${at.referenceRms.toFixed(4)}, difference ${at.differenceRms.toFixed(4)}, step ${at.maxStep.toFixed(3)} vs ${at.referenceMaxStep.toFixed(3)}`);
			if (at.referenceRms > 0.01) inSpeech++;
			// Within 10 % of the reference's level (−20 dB), or near-silent where the reference is silent.
			expect(at.differenceRms, seen.join('; ')).toBeLessThanOrEqual(Math.max(0.1 * at.referenceRms, 0.002));
			expect(at.maxStep, seen.join('; ')).toBeLessThanOrEqual(at.referenceMaxStep * 1.5 + 0.01);
		}
		// A join in a pause proves little; at least one falls in speech.
		expect(inSpeech, seen.join('; ')).toBeGreaterThan(0);
		console.log(`audio at the joins: ${seen.join('; ')}`);
	});
});
