// The coordinator's side of the queue: chunk jobs in, their progress and
// outcome back. A chunk already on disk is not queued again; a job left by an
// earlier coordinator for the same chunk is waited on, not duplicated.
import {Job, Queue, QueueEvents} from 'bullmq';
import {rm} from 'node:fs/promises';
import path from 'node:path';
import {ASPECTS} from '../plan';
import {ChunkCorruptError, verifyChunk} from './combine';
import {describeChunk, type Chunk} from './chunks';
import {chunkFiles, jobIdFor, QUEUE_NAME, type ChunkJobData, type ChunkResult} from './job';
import type {PreparedRender} from './prepare';
import {checkRedis, redisConnection, watchRedis} from './redis';

/** Tune: a chunk that fails this many times (Chrome crash, bad clip) fails the render. */
const ATTEMPTS = 3;
/** Finished jobs stay a day: a restarted coordinator can still read what became of them. */
const KEEP = {age: 24 * 3600};

export type QueueSession = {
	queue: Queue<ChunkJobData, ChunkResult>;
	events: QueueEvents;
	redisUrl: string;
	sharedDir: string;
	lost: Promise<never>;
	close: () => Promise<void>;
};

export const openQueue = async ({redisUrl, sharedDir}: {redisUrl: string; sharedDir: string}): Promise<QueueSession> => {
	await checkRedis(redisUrl);
	// Connections handed to BullMQ stay ours to close.
	const connections = [redisConnection(redisUrl), redisConnection(redisUrl)];
	const queue = new Queue<ChunkJobData, ChunkResult>(QUEUE_NAME, {connection: connections[0]});
	const events = new QueueEvents(QUEUE_NAME, {connection: connections[1]});
	await events.waitUntilReady();
	const watch = watchRedis(redisUrl);
	return {
		queue,
		events,
		redisUrl,
		sharedDir,
		lost: watch.lost,
		close: async () => {
			watch.stop();
			await Promise.all([queue.close(), events.close()]);
			for (const c of connections) c.disconnect();
		},
	};
};

export type Submitted = {render: PreparedRender; jobs: Map<number, Job<ChunkJobData, ChunkResult>>; reused: number};

const removeChunkFiles = async (renderDir: string, chunk: Chunk) => {
	const {video, audio} = chunkFiles(renderDir, chunk);
	await Promise.all([rm(video, {force: true}), rm(audio, {force: true})]);
};

/** A finished chunk on disk counts; a damaged one is deleted and rendered again. */
const alreadyRendered = async (renderDir: string, chunk: Chunk, total: number, warn: (m: string) => void): Promise<boolean> => {
	try {
		return await verifyChunk({renderDir, chunk, totalChunks: total});
	} catch (error) {
		if (!(error instanceof ChunkCorruptError)) throw error;
		warn(`${error.message}; rendering it again`);
		await removeChunkFiles(renderDir, chunk);
		return false;
	}
};

export const submitChunks = async (session: QueueSession, render: PreparedRender, warn: (m: string) => void): Promise<Submitted> => {
	const renderDir = path.join(session.sharedDir, render.renderDir);
	const jobs = new Map<number, Job<ChunkJobData, ChunkResult>>();
	let reused = 0;
	for (const chunk of render.chunks) {
		if (await alreadyRendered(renderDir, chunk, render.chunks.length, warn)) {
			reused++;
			continue;
		}
		const jobId = jobIdFor(render.key, chunk);
		const existing = await Job.fromId<ChunkJobData, ChunkResult>(session.queue, jobId);
		const state = existing ? await existing.getState() : 'unknown';
		// Waiting or active: an earlier coordinator's job for this very chunk, still good.
		if (existing && state !== 'completed' && state !== 'failed' && state !== 'unknown') {
			jobs.set(chunk.index, existing);
			continue;
		}
		await existing?.remove();
		const data: ChunkJobData = {renderDir: render.renderDir, siteDir: render.siteDir, compositionId: ASPECTS[render.plan.aspect].compositionId, chunk, totalChunks: render.chunks.length, settings: render.settings};
		jobs.set(chunk.index, await session.queue.add('chunk', data, {jobId, attempts: ATTEMPTS, backoff: {type: 'fixed', delay: 1000}, removeOnComplete: KEEP, removeOnFail: KEEP}));
	}
	return {render, jobs, reused};
};

/** Resolves when every chunk is rendered and checks out; the first chunk that fails for good rejects, naming it. */
export const awaitChunks = async (session: QueueSession, {render, jobs}: Submitted, onProgress: (fraction: number) => void): Promise<void> => {
	const renderDir = path.join(session.sharedDir, render.renderDir);
	const total = render.chunks.length;
	const progress = new Map<string, number>();
	for (const chunk of render.chunks) progress.set(jobIdFor(render.key, chunk), jobs.has(chunk.index) ? 0 : 1);
	const report = () => onProgress([...progress.values()].reduce((a, b) => a + b, 0) / total);
	const onJobProgress = ({jobId, data}: {jobId: string; data: unknown}) => {
		if (progress.has(jobId) && typeof data === 'number') progress.set(jobId, data);
		report();
	};
	session.events.on('progress', onJobProgress);
	report();
	try {
		const waits = [...jobs].map(async ([index, job]) => {
			const chunk = render.chunks[index];
			await job.waitUntilFinished(session.events).catch(async (error: Error) => {
				const tries = (await Job.fromId(session.queue, job.id!).catch(() => undefined))?.attemptsMade ?? ATTEMPTS;
				throw new Error(`${describeChunk(chunk, total)} failed (${tries} attempt${tries === 1 ? '' : 's'}): ${error.message.split('\n')[0]}`);
			});
			if (!(await verifyChunk({renderDir, chunk, totalChunks: total}).catch(async (error: Error) => {
				await removeChunkFiles(renderDir, chunk);
				throw new Error(`${error.message}; removed it (run again to render it anew)`);
			}))) {
				throw new Error(`${describeChunk(chunk, total)}: a worker reported it done but its files are missing from ${renderDir} (do all workers use the same --shared-dir?)`);
			}
			progress.set(job.id!, 1);
			report();
		});
		await Promise.race([Promise.all(waits), session.lost]);
	} catch (error) {
		// Nobody needs the rest now; chunks already being rendered finish and are kept for a re-run.
		await Promise.all([...jobs.values()].map((job) => session.queue.remove(job.id!).catch(() => 0)));
		throw error;
	} finally {
		session.events.off('progress', onJobProgress);
	}
};
