// The Chrome half of a composite render: the caption states as a few tall atlas
// frames, the legibility overlay as one still and each title card as one still,
// all transparent PNGs drawn by the same React components the Reel uses.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {renderFrames, renderStill, type ChromeMode, type HeadlessBrowser} from '@remotion/renderer';
import type {VideoConfig} from 'remotion';
import {CAPTION_ATLAS_ID, LEGIBILITY_ID, TITLE_CARD_ID} from '../../compositions/overlay/ids';
import {captionAtlasSize, fullFrameSize, type OverlaySize} from '../../compositions/overlay/metadata';
import type {Plan} from '../../plan';
import type {CaptionStates} from './caption-states';

export type OverlayImagesInput = {
	plan: Plan;
	states: CaptionStates;
	workDir: string;
	scale: number;
	serveUrl: string;
	browser: HeadlessBrowser;
	executable: string | null;
	chromeMode: ChromeMode;
	onProgress?: (fraction: number) => void;
};

export type OverlayImages = {atlasPattern: string; legibility: string; atlasFrames: number; titleCards: Map<number, string>};

// The config selectComposition would return, built here from the same size
// functions register.tsx's calculateMetadata uses, without a tab to ask.
const videoConfig = (id: string, size: OverlaySize, props: Record<string, unknown>): VideoConfig => ({
	id, ...size, props, defaultProps: props,
	defaultCodec: null, defaultOutName: null, defaultVideoImageFormat: null, defaultPixelFormat: null, defaultProResProfile: null, defaultSampleRate: null,
});

/** Writes `atlas-00000.png`…, `legibility.png` and one `title-<shot>.png` per title card into workDir. */
export const renderOverlayImages = async ({plan, states, workDir, scale, serveUrl, browser, executable, chromeMode, onProgress}: OverlayImagesInput): Promise<OverlayImages> => {
	const common = {serveUrl, puppeteerInstance: browser, browserExecutable: executable, chromeMode, logLevel: 'error' as const};
	const still = async (id: string, props: Record<string, unknown>, output: string) => {
		const composition = videoConfig(id, fullFrameSize(plan.aspect), props);
		await renderStill({...common, composition, inputProps: props, output, imageFormat: 'png', scale, overwrite: true});
		return output;
	};
	// The stills render in a second tab while the atlas renders in the first: each tab's
	// page work is one thread, so on 2 cores the two overlap.
	const stills = (async () => {
		const legibility = await still(LEGIBILITY_ID, {aspect: plan.aspect}, path.join(workDir, 'legibility.png'));
		const titleCards = new Map<number, string>();
		for (const [shotIndex, shot] of plan.shots.entries()) {
			if (shot.kind === 'title') titleCards.set(shotIndex, await still(TITLE_CARD_ID, {plan, shotIndex}, path.join(workDir, `title-${shotIndex}.png`)));
		}
		return {legibility, titleCards};
	})();
	const atlasProps = {plan, stateFrames: states.stateFrames, band: states.band, statesPerFrame: states.statesPerFrame};
	const atlas = videoConfig(CAPTION_ATLAS_ID, captionAtlasSize(atlasProps), atlasProps);
	const pending: Promise<void>[] = [];
	const [{legibility, titleCards}] = await Promise.all([
		stills,
		renderFrames({
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
			onFrameBuffer: (buffer, frame) => {
				pending.push(writeFile(path.join(workDir, `atlas-${String(frame).padStart(5, '0')}.png`), buffer));
			},
		}),
	]);
	await Promise.all(pending);
	return {atlasPattern: path.join(workDir, 'atlas-%05d.png'), legibility, atlasFrames: atlas.durationInFrames, titleCards};
};
