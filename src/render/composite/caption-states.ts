// Which caption picture each video frame shows. Captions change at words and
// page pops, not every frame: a 30 s video has a few hundred distinct pictures
// and a thousand frames, so the compositor captures each picture once.
import {captionVisual} from '../../compositions/captions/Captions';
import {makeCaptionPages, sceneBreaks} from '../../compositions/captions/pages';
import {ASPECTS, durationInFrames, frameToMs, type Plan} from '../../plan';

// Band edges on a 24 px grid, so they stay whole pixels at the scales renders use (¼, ⅓, ½, ⅔, 1).
const GRID = 24;
// Tune: room above and below the caption's centre line, in lines of text. A page
// is 1–3 lines; 4 leaves room for a long one and the active word's swell.
const HALF_BAND_LINES = 4;
const LINE_HEIGHT_EM = 1.25;
// Tune: tallest atlas frame Chrome is asked to capture (composition pixels).
const MAX_ATLAS_HEIGHT = 8192;

export type CaptionBand = {top: number; height: number};

/** The strip of the frame every caption lies in, in composition pixels. */
export const captionBand = (plan: Pick<Plan, 'aspect' | 'captionStyle'>): CaptionBand => {
	const {width, height} = ASPECTS[plan.aspect];
	const fontPx = plan.captionStyle.fontSizePx * (Math.min(width, height) / 1080);
	const centre = height * (1 - plan.captionStyle.bottomFraction);
	const half = HALF_BAND_LINES * fontPx * LINE_HEIGHT_EM;
	const top = Math.max(0, Math.floor((centre - half) / GRID) * GRID);
	const bottom = Math.min(height, Math.ceil((centre + half) / GRID) * GRID);
	return {top, height: bottom - top};
};

export type CaptionStates = {
	/** For every video frame, the index of the caption state it shows. */
	frameState: number[];
	/** For every state, the first video frame that shows it (what the atlas draws). */
	stateFrames: number[];
	band: CaptionBand;
	statesPerFrame: number;
};

export const captionStates = (plan: Plan): CaptionStates => {
	const pages = makeCaptionPages({words: plan.words, combineWithinMs: plan.captionStyle.combineWithinMs, breakAfter: sceneBreaks(plan.scenes)});
	const total = durationInFrames(plan.durationMs, plan.fps);
	const indexOfKey = new Map<string, number>();
	const stateFrames: number[] = [];
	const frameState: number[] = [];
	for (let f = 0; f < total; f++) {
		const {key} = captionVisual({pages, timeMs: frameToMs(f, plan.fps)});
		let index = indexOfKey.get(key);
		if (index === undefined) {
			index = stateFrames.push(f) - 1;
			indexOfKey.set(key, index);
		}
		frameState.push(index);
	}
	const band = captionBand(plan);
	return {frameState, stateFrames, band, statesPerFrame: Math.max(1, Math.floor(MAX_ATLAS_HEIGHT / band.height))};
};
