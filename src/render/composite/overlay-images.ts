// The Chrome half of a composite render: the caption states as a few tall atlas
// frames; the legibility overlay and each title card as frames of one stills page,
// all transparent PNGs drawn by the same React components the Reel uses. Each
// picture is handed on (`publish`) as soon as it is drawn, for ffmpeg to use while
// Chrome draws the rest.
import {makeCancelSignal, renderFrames, type CancelSignal, type ChromeMode, type HeadlessBrowser} from '@remotion/renderer';
import type {VideoConfig} from 'remotion';
import {CAPTION_ATLAS_ID, STILLS_ID} from '../../compositions/overlay/ids';
import {captionAtlasSize, stillsSize, titleShots, type OverlaySize} from '../../compositions/overlay/metadata';
import type {Plan} from '../../plan';
import {cutAtlasFrame} from './atlas';
import type {CaptionStates} from './caption-states';

/** The names pictures are published under. */
export const PICTURES = {
	legibility: 'legibility.png',
	title: (shotIndex: number) => `title-${shotIndex}.png`,
	state: (state: number) => `state-${state}.png`,
};

export type OverlayImagesInput = {
	plan: Plan;
	states: CaptionStates;
	scale: number;
	serveUrl: string;
	browser: HeadlessBrowser;
	executable: string | null;
	chromeMode: ChromeMode;
	publish: (name: string, png: Buffer) => Promise<void>;
	cancelSignal?: CancelSignal;
	onProgress?: (fraction: number) => void;
};

// The config selectComposition would return, built here from the same size
// functions register.tsx's calculateMetadata uses, without a tab to ask.
const videoConfig = (id: string, size: OverlaySize, props: Record<string, unknown>): VideoConfig => ({
	id, ...size, props, defaultProps: props,
	defaultCodec: null, defaultOutName: null, defaultVideoImageFormat: null, defaultPixelFormat: null, defaultProResProfile: null, defaultSampleRate: null,
});

/** Draws every picture a composite render lays over the footage and publishes each under its PICTURES name. */
export const renderOverlayImages = async ({plan, states, scale, serveUrl, browser, executable, chromeMode, publish, cancelSignal, onProgress}: OverlayImagesInput): Promise<void> => {
	// A cancel of its own, chained to the caller's: when one half (or a hand-over) fails, the other stops too.
	const own = makeCancelSignal();
	cancelSignal?.(own.cancel);
	const common = {serveUrl, puppeteerInstance: browser, browserExecutable: executable, chromeMode, cancelSignal: own.cancelSignal, logLevel: 'error' as const};
	let failure: {error: unknown} | null = null;
	const watch = (work: Promise<unknown>): Promise<void> =>
		work.then(
			() => undefined,
			(error: unknown) => {
				failure ??= {error};
				own.cancel();
			},
		);
	// Each picture's hand-over (cut, written, published) runs while Chrome draws on; all are settled before returning.
	const handovers: Promise<void>[] = [];
	const handOver = (work: Promise<void>) => void handovers.push(watch(work));
	// Legibility overlay and title cards in one page of their own, beside the atlas: each tab's
	// page work is one thread, so on 2 cores the two overlap.
	const stillsProps = {plan};
	const titles = titleShots(plan);
	const stills = renderFrames({
		...common,
		composition: videoConfig(STILLS_ID, stillsSize(plan), stillsProps),
		inputProps: stillsProps,
		imageFormat: 'png',
		scale,
		concurrency: 1,
		outputDir: null,
		onStart: () => undefined,
		onFrameUpdate: () => undefined,
		onFrameBuffer: (buffer, frame) => handOver(publish(frame === 0 ? PICTURES.legibility : PICTURES.title(titles[frame - 1]), buffer)),
	});
	const atlasProps = {plan, stateFrames: states.stateFrames, band: states.band, statesPerFrame: states.statesPerFrame};
	const atlas = videoConfig(CAPTION_ATLAS_ID, captionAtlasSize(atlasProps), atlasProps);
	const cut = async (buffer: Buffer, frame: number) => {
		const pictures = await cutAtlasFrame(buffer, states.statesPerFrame);
		// The last frame's spare bands are empty.
		const used = pictures.slice(0, Math.max(0, states.stateFrames.length - frame * states.statesPerFrame));
		await Promise.all(used.map((png, i) => publish(PICTURES.state(frame * states.statesPerFrame + i), png)));
	};
	await Promise.all([
		watch(stills),
		watch(renderFrames({
			...common,
			composition: atlas,
			inputProps: atlasProps,
			imageFormat: 'png',
			scale,
			// One tab: each atlas frame is a single large capture, and on 2 cores a second tab only competes.
			concurrency: 1,
			outputDir: null,
			onStart: () => undefined,
			onFrameUpdate: (done) => onProgress?.(done / atlas.durationInFrames),
			onFrameBuffer: (buffer, frame) => handOver(cut(buffer, frame)),
		})),
	]);
	await Promise.all(handovers);
	if (failure) throw (failure as {error: unknown}).error;
};
