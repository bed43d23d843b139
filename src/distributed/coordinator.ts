// `make --distributed`: plan and bundle here, render the chunks on whatever
// workers take them from the queue, join the chunks here. One progress bar over
// all chunks; the output is written under a temporary name and renamed.
import {rm} from 'node:fs/promises';
import path from 'node:path';
import {ReelError} from '../analysis/errors';
import type {Plan} from '../plan';
import {bundleProject} from '../render/bundle';
import type {RenderSettingsInput} from '../render/settings';
import {joinChunks} from './combine';
import {prepareRender, type DistributedOptions, type PreparedRender} from './prepare';
import {awaitChunks, openQueue, submitChunks, type QueueSession, type Submitted} from './queue';

export type DistributedRenderItem = {plan: Plan; out: string};
export type DistributedHooks = {onProgress?: (fraction: number, stage: string) => void; log?: (line: string) => void; warn?: (m: string) => void};

// Share of the progress bar that joining takes (it copies streams, so it is quick).
const JOIN_SHARE = 0.05;

const announce = async (session: QueueSession, submitted: Submitted, log: (line: string) => void) => {
	const {render, jobs, reused} = submitted;
	const workers = await session.queue.getWorkersCount().catch(() => -1);
	log(`${path.basename(render.out)}: ${render.chunks.length} chunks of ${render.framesPerChunk} frames, ${reused} already rendered, ${jobs.size} queued on ${session.redisUrl} (${workers} worker${workers === 1 ? '' : 's'} connected)`);
	if (workers === 0) log('  no worker is connected yet: start one with `npm run worker -- --redis URL` (this waits for it)');
};

/** Waits for a submitted render's chunks, joins them, and removes the chunk files. */
const finish = async (session: QueueSession, submitted: Submitted, onProgress: (fraction: number, stage: string) => void) => {
	const {render} = submitted;
	await awaitChunks(session, submitted, (f) => onProgress(f * (1 - JOIN_SHARE), 'chunks'));
	const renderDir = path.join(session.sharedDir, render.renderDir);
	await joinChunks({out: render.out, renderDir, chunks: render.chunks, framesPerChunk: render.framesPerChunk, fps: render.plan.fps, onProgress: (f) => onProgress(1 - JOIN_SHARE + f * JOIN_SHARE, 'joining')});
	await rm(renderDir, {recursive: true, force: true});
};

const asReelError = (render: PreparedRender, error: unknown): ReelError =>
	error instanceof ReelError ? error : new ReelError('RENDER_FAILED', `${render.out}: distributed render failed: ${(error as Error).message.split('\n')[0]}`);

/**
 * Renders several plans through the queue: every chunk of every plan is queued
 * first (so all workers stay busy across videos), then each video is joined as
 * its chunks land. Returns, per item in order, its error (or null) and the
 * time from the start until it was joined.
 */
export const renderDistributed = async ({items, options, distributed, hooks = {}}: {
	items: DistributedRenderItem[];
	options: RenderSettingsInput;
	distributed: DistributedOptions;
	hooks?: DistributedHooks;
}): Promise<{error: ReelError | null; ms: number}[]> => {
	const {onProgress = () => undefined, log = () => undefined, warn = log} = hooks;
	const started = performance.now();
	const session = await openQueue(distributed);
	try {
		const bundleDir = await bundleProject({onProgress: (p) => onProgress(0, `bundling ${p}%`)});
		const submitted: Submitted[] = [];
		for (const item of items) {
			const render = await prepareRender({...item, options, distributed, bundleDir});
			submitted.push(await submitChunks(session, render, warn));
			await announce(session, submitted.at(-1)!, log);
		}
		const done = items.map(() => 0);
		const report = (i: number) => (f: number, stage: string) => {
			done[i] = f;
			onProgress(done.reduce((a, b) => a + b, 0) / items.length, items.length === 1 ? stage : `${done.filter((d) => d === 1).length}/${items.length} videos`);
		};
		return await Promise.all(
			submitted.map((s, i) =>
				finish(session, s, report(i)).then(
					() => ({error: null, ms: Math.round(performance.now() - started)}),
					(error: unknown) => ({error: asReelError(s.render, error), ms: Math.round(performance.now() - started)}),
				),
			),
		);
	} finally {
		await session.close();
	}
};
