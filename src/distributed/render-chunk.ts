// One chunk: the plan read from the shared folder, its frame range rendered as
// an MPEG-TS H.264 stream plus padded AAC audio, the layout Remotion Lambda
// uses so that combineChunks can join them seamlessly.
import {renderMedia, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {produceFileAtomic} from '../analysis/cache/files';
import {parsePlan} from '../plan';
import type {BrowserChoice} from '../render/browser';
import {mediaOptions} from '../render/render-plan';
import {chunkFiles, type ChunkJobData} from './job';

type VideoConfig = Awaited<ReturnType<typeof selectComposition>>;

// Tune: progress is reported to Redis at most this often per chunk.
const PROGRESS_EVERY = 0.1;

/**
 * selectComposition opens a tab and runs calculateMetadata (about a second);
 * a render's chunks share one answer. Keyed by the render's folder, which is
 * named by a hash of the plan, settings and bundle. Only the latest few renders.
 */
const compositions = new Map<string, Promise<VideoConfig>>();
const COMPOSITIONS_KEPT = 8;

const compositionFor = (key: string, select: () => Promise<VideoConfig>): Promise<VideoConfig> => {
	if (!compositions.has(key)) {
		if (compositions.size >= COMPOSITIONS_KEPT) compositions.delete(compositions.keys().next().value!);
		const selected = select();
		// A failure is not kept: the next attempt selects again.
		selected.catch(() => compositions.delete(key));
		compositions.set(key, selected);
	}
	return compositions.get(key)!;
};

export const renderChunk = async ({data, sharedDir, opened, onProgress}: {
	data: ChunkJobData;
	sharedDir: string;
	opened: BrowserChoice & {browser: HeadlessBrowser};
	onProgress: (fraction: number) => void;
}): Promise<void> => {
	const renderDir = path.join(sharedDir, data.renderDir);
	const serveUrl = path.join(sharedDir, data.siteDir);
	const planFile = path.join(renderDir, 'plan.json');
	const plan = parsePlan(JSON.parse(await readFile(planFile, 'utf8')), planFile);
	const inputProps = plan as unknown as Record<string, unknown>;
	const {browser, executable, chromeMode} = opened;
	const composition = await compositionFor(renderDir, () =>
		selectComposition({serveUrl, id: data.compositionId, inputProps, puppeteerInstance: browser, browserExecutable: executable, chromeMode, logLevel: 'error'}),
	);
	testFault('REEL_TEST_FAIL_CHUNK', data.chunk.index);
	const {video, audio} = chunkFiles(renderDir, data.chunk);
	let reported = 0;
	// Audio lands first, video last: a chunk counts as done only when both are there and check out.
	await produceFileAtomic(audio, (audioTemp) =>
		produceFileAtomic(video, (videoTemp) =>
			renderMedia({
				serveUrl,
				composition,
				inputProps,
				...mediaOptions(data.settings),
				codec: 'h264-ts',
				audioCodec: 'aac',
				outputLocation: videoTemp,
				separateAudioTo: audioTemp,
				// AAC with a little padding at each end, which combineChunks cuts at frame-exact points.
				forSeamlessAacConcatenation: true,
				enforceAudioTrack: true,
				frameRange: [data.chunk.startFrame, data.chunk.endFrame],
				compositionStart: 0,
				puppeteerInstance: browser,
				browserExecutable: executable,
				chromeMode,
				overwrite: true,
				onProgress: ({progress}) => {
					if (progress - reported < PROGRESS_EVERY && progress < 1) return;
					reported = progress;
					onProgress(progress);
				},
			}),
		),
	);
	if (process.env.REEL_TEST_CORRUPT_CHUNK === String(data.chunk.index)) await writeFile(video, 'not a video: a damaged chunk, as a failing disk would leave it');
};

/**
 * Fault injection for the tests only (like REEL_TEST_CRASH_AT_WRITE): the chunk
 * with this index fails as if Chrome had crashed while rendering it.
 */
const testFault = (variable: string, index: number): void => {
	if (process.env[variable] === String(index)) throw new Error(`simulated crash while rendering (${variable}=${index})`);
};
