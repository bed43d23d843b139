// npm run bench -- --distributed: the bench plan rendered here, then through
// the queue with 1 and with 2 workers on this machine, side by side in one run.
// Workers are started (browser open) before the clock starts, as a farm's are;
// their start-up is printed apart.
import {rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {durationInFrames, type Plan} from '../src/plan';
import {renderDistributed} from '../src/distributed/coordinator';
import {startRedisServer, startWorkerProcess, type Proc} from '../src/distributed/local-cluster';
import {renderPlan} from '../src/render/render-plan';
import type {RenderSettingsInput} from '../src/render/settings';

/** Tune: 4 chunks of the 12 s bench plan, so 2 workers split it evenly. */
const FRAMES_PER_CHUNK = 90;

const seconds = async (work: () => Promise<unknown>): Promise<number> => {
	const started = performance.now();
	await work();
	return (performance.now() - started) / 1000;
};

const startWorkers = async (count: number, redisUrl: string, sharedDir: string): Promise<{workers: Proc[]; startSeconds: number}> => {
	let workers: Proc[] = [];
	const startSeconds = await seconds(async () => {
		workers = Array.from({length: count}, () => startWorkerProcess(['--redis', redisUrl, '--shared-dir', sharedDir]));
		await Promise.all(workers.map((w) => w.waitFor(/ready/)));
	});
	return {workers, startSeconds};
};

export const benchDistributed = async ({plan, workDir, options}: {plan: Plan; workDir: string; options: RenderSettingsInput}): Promise<void> => {
	const frames = durationInFrames(plan.durationMs, plan.fps);
	const line = (label: string, s: number, extra = '') => console.log(`${label.padEnd(22)} ${s.toFixed(1).padStart(6)} s  ${(frames / s).toFixed(2).padStart(6)} fps${extra}`);
	console.log(`distributed bench: ${frames} frames in chunks of ${FRAMES_PER_CHUNK}; ${os.cpus().length} cores; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
	// Remotion's renderMedia, as the chunks: the compositor is another pipeline (npm run bench compares it).
	const local = await seconds(() => renderPlan({plan, out: path.join(workDir, 'local.mp4'), options: {...options, renderer: 'remotion'}}));
	line('local (renderMedia)', local);
	const redis = await startRedisServer();
	const sharedDir = path.join(workDir, 'shared');
	const results: number[] = [];
	try {
		for (const count of [1, 2]) {
			const {workers, startSeconds} = await startWorkers(count, redis.url, sharedDir);
			try {
				const out = path.join(workDir, `workers-${count}.mp4`);
				const distributed = {redisUrl: redis.url, sharedDir, framesPerChunk: FRAMES_PER_CHUNK};
				const s = await seconds(async () => {
					const [{error}] = await renderDistributed({items: [{plan, out}], options, distributed});
					if (error) throw error;
				});
				results.push(s);
				line(`${count} worker${count === 1 ? '' : 's'}`, s, `  ×${(local / s).toFixed(2)} vs local  (workers started in ${startSeconds.toFixed(1)} s, not counted)`);
			} finally {
				for (const w of workers) w.kill();
			}
		}
	} finally {
		redis.stop();
		await rm(sharedDir, {recursive: true, force: true});
	}
	console.log(`2 vs 1 worker ×${(results[0] / results[1]).toFixed(2)}; load after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
};
