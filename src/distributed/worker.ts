// A render worker: one browser for its whole life, chunk jobs from the queue,
// each rendered with renderMedia({frameRange}) into the shared folder.
import {Worker, type Job} from 'bullmq';
import {hostname} from 'node:os';
import path from 'node:path';
import type {HeadlessBrowser} from '@remotion/renderer';
import {openReelBrowser, type BrowserChoice} from '../render/browser';
import {checkRedis, redisConnection} from './redis';
import {renderChunk} from './render-chunk';
import {describeChunk} from './chunks';
import {QUEUE_NAME, type ChunkJobData, type ChunkResult} from './job';

/**
 * Tune: how long a chunk's lock lasts without renewal. The worker renews it
 * every half of this while it renders, so it need not cover a whole chunk: it
 * is how long a dead worker's chunk waits before another takes it (plus one
 * stalled-check interval), and it must outlast the longest pause of a live
 * worker's event loop. REEL_WORKER_LOCK_MS overrides it (the tests use less).
 */
const DEFAULT_LOCK_MS = 30_000;
/** A chunk whose worker dies this many times more fails the render (a chunk that kills Chrome every time). */
const MAX_STALLED = 2;

export type RenderWorkerOptions = {redisUrl: string; sharedDir: string; concurrency: number; browser?: string | null; log: (line: string) => void};

export const startRenderWorker = async ({redisUrl, sharedDir, concurrency, browser, log}: RenderWorkerOptions): Promise<{close: () => Promise<void>}> => {
	await checkRedis(redisUrl);
	const opened = await openReelBrowser({override: browser});
	const name = `${hostname()}:${process.pid}`;
	const lockDuration = Number(process.env.REEL_WORKER_LOCK_MS) || DEFAULT_LOCK_MS;
	const process_ = (job: Job<ChunkJobData, ChunkResult>) => processChunk({job, sharedDir, opened, name, log});
	const connection = redisConnection(redisUrl);
	const worker = new Worker<ChunkJobData, ChunkResult>(QUEUE_NAME, process_, {
		connection,
		concurrency,
		lockDuration,
		stalledInterval: lockDuration,
		maxStalledCount: MAX_STALLED,
		name,
	});
	worker.on('error', (error) => log(`queue error: ${error.message}`));
	log(`worker ${name} ready: ${redisUrl}, shared folder ${sharedDir}, ${concurrency} chunk(s) at a time`);
	return {
		close: async () => {
			await worker.close();
			connection.disconnect();
			await opened.browser.close({silent: true});
		},
	};
};

const processChunk = async ({job, sharedDir, opened, name, log}: {
	job: Job<ChunkJobData, ChunkResult>;
	sharedDir: string;
	opened: BrowserChoice & {browser: HeadlessBrowser};
	name: string;
	log: (line: string) => void;
}): Promise<ChunkResult> => {
	const {chunk, totalChunks, renderDir} = job.data;
	const label = `${describeChunk(chunk, totalChunks)} of ${path.basename(renderDir)}`;
	log(`${label}: started (attempt ${job.attemptsMade + 1})`);
	const started = performance.now();
	try {
		await renderChunk({data: job.data, sharedDir, opened, onProgress: (f) => void job.updateProgress(f).catch(() => undefined)});
	} catch (error) {
		log(`${label}: failed: ${(error as Error).message.split('\n')[0]}`);
		throw error;
	}
	const renderMs = Math.round(performance.now() - started);
	log(`${label}: done in ${(renderMs / 1000).toFixed(1)} s`);
	return {renderMs, worker: name};
};
