// The sizes of the overlay compositions, as pure functions of their props.
// register.tsx's calculateMetadata and the compositing renderer both use these:
// the renderer builds each composition's config itself instead of asking a
// browser tab for it (selectComposition loads the whole bundle in a tab, about
// a second of a render that otherwise takes a few).
import {ASPECTS, type Plan} from '../../plan';

export type OverlaySize = {width: number; height: number; fps: number; durationInFrames: number};

export const captionAtlasSize = ({plan, band, stateFrames, statesPerFrame}: {plan: Pick<Plan, 'aspect' | 'fps'>; band: {height: number}; stateFrames: number[]; statesPerFrame: number}): OverlaySize => ({
	width: ASPECTS[plan.aspect].width,
	height: band.height * statesPerFrame,
	fps: plan.fps,
	durationInFrames: Math.max(1, Math.ceil(stateFrames.length / statesPerFrame)),
});

/** The shots that are title cards, in the order the stills composition draws them (after the legibility overlay). */
export const titleShots = (plan: Pick<Plan, 'shots'>): number[] => plan.shots.flatMap((shot, i) => (shot.kind === 'title' ? [i] : []));

/** Legibility overlay, then each title card: full video frames. */
export const stillsSize = (plan: Pick<Plan, 'aspect' | 'shots'>): OverlaySize => ({
	width: ASPECTS[plan.aspect].width,
	height: ASPECTS[plan.aspect].height,
	fps: 30,
	durationInFrames: 1 + titleShots(plan).length,
});
