// Everything about one distributed render that is decided before the queue is
// touched: its key, chunks, folder, and the plan written where workers read it.
import {createHash} from 'node:crypto';
import path from 'node:path';
import {writeFileAtomic} from '../analysis/cache/files';
import {durationInFrames, type Plan} from '../plan';
import {renderSettings, type RenderSettings, type RenderSettingsInput} from '../render/settings';
import {framesPerChunkFor, planChunks, type Chunk} from './chunks';
import {stageSite} from './site';

export type DistributedOptions = {redisUrl: string; sharedDir: string; chunks?: number; framesPerChunk?: number};

export type PreparedRender = {
	out: string;
	plan: Plan;
	/** Plan + settings + bundle + chunk size: chunk files made under one key are interchangeable. */
	key: string;
	renderDir: string;
	siteDir: string;
	settings: RenderSettings;
	chunks: Chunk[];
	framesPerChunk: number;
};

/** The plan's report (stage timings, peak memory) changes on every run and does not change a frame. */
const renderKey = (parts: {plan: Plan; settings: RenderSettings; siteDir: string; framesPerChunk: number}): string => {
	const {report: _report, ...plan} = parts.plan;
	return createHash('sha256').update(JSON.stringify({...parts, plan})).digest('hex').slice(0, 20);
};

export const prepareRender = async ({plan, out, options, distributed, bundleDir}: {
	plan: Plan;
	out: string;
	options: RenderSettingsInput;
	distributed: DistributedOptions;
	bundleDir: string;
}): Promise<PreparedRender> => {
	const frames = durationInFrames(plan.durationMs, plan.fps);
	const framesPerChunk = framesPerChunkFor({durationInFrames: frames, chunks: distributed.chunks, framesPerChunk: distributed.framesPerChunk});
	const settings = renderSettings({plan, options});
	const siteDir = await stageSite({plan, bundleDir, sharedDir: distributed.sharedDir});
	const key = renderKey({plan, settings, siteDir, framesPerChunk});
	const renderDir = path.join('renders', key);
	await writeFileAtomic(path.join(distributed.sharedDir, renderDir, 'plan.json'), JSON.stringify(plan));
	return {out, plan, key, renderDir, siteDir, settings, chunks: planChunks({durationInFrames: frames, framesPerChunk}), framesPerChunk};
};

