// The Chrome half of a composite render: the caption states as a few tall atlas
// frames and the legibility overlay as one still, both transparent PNGs drawn
// by the same React components the Reel uses.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {renderFrames, renderStill, selectComposition, type ChromeMode, type HeadlessBrowser} from '@remotion/renderer';
import {CAPTION_ATLAS_ID, LEGIBILITY_ID} from '../../compositions/overlay/ids';
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

/** Writes `atlas-00000.png`… and `legibility.png` into workDir; returns the atlas file pattern. */
export const renderOverlayImages = async ({plan, states, workDir, scale, serveUrl, browser, executable, chromeMode, onProgress}: OverlayImagesInput): Promise<{atlasPattern: string; legibility: string; atlasFrames: number}> => {
	const common = {serveUrl, puppeteerInstance: browser, browserExecutable: executable, chromeMode, logLevel: 'error' as const};
	const atlasProps = {plan, stateFrames: states.stateFrames, band: states.band, statesPerFrame: states.statesPerFrame};
	const atlas = await selectComposition({...common, id: CAPTION_ATLAS_ID, inputProps: atlasProps});
	const pending: Promise<void>[] = [];
	await renderFrames({
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
	});
	await Promise.all(pending);
	const legibilityProps = {aspect: plan.aspect};
	const legibility = path.join(workDir, 'legibility.png');
	const legComposition = await selectComposition({...common, id: LEGIBILITY_ID, inputProps: legibilityProps});
	await renderStill({...common, composition: legComposition, inputProps: legibilityProps, output: legibility, imageFormat: 'png', scale, overwrite: true});
	return {atlasPattern: path.join(workDir, 'atlas-%05d.png'), legibility, atlasFrames: atlas.durationInFrames};
};
