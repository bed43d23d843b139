// Frame arithmetic for the shot list. Shots live on the narration timeline in
// ms; a TransitionSeries wants integer sequence lengths whose transitions
// overlap neighbours. A transition of T frames is centred on its cut c, so the
// sequence of shot i runs from c_i − T_i/2 to c_{i+1} + T_{i+1}/2 and
// Σ durations − Σ transitions = total frames, with every cut on msToFrame(startMs).
import {durationInFrames, msToFrame} from '../../plan';
import type {Shot} from '../../plan';

export type TimelineShot = Pick<Shot, 'startMs' | 'transitionIn'>;

export type ShotTimelineInput = {
	shots: TimelineShot[];
	fps: number;
	durationMs: number;
};

export type TimelineEntry = {
	/** Index into the plan's shots. Shots shorter than one frame are dropped. */
	shotIndex: number;
	/** Frame where this shot takes over (the middle of its incoming transition). */
	cutFrame: number;
	/** First frame of its sequence: cutFrame − transitionInFrames / 2. */
	fromFrame: number;
	durationInFrames: number;
	/** Even, so that it centres exactly on the cut; 0 for a hard cut. */
	transitionInFrames: number;
};

export type ShotTimelineOutput = {
	entries: TimelineEntry[];
	totalFrames: number;
};

export const computeShotTimeline = ({shots, fps, durationMs}: ShotTimelineInput): ShotTimelineOutput => {
	const totalFrames = durationInFrames(durationMs, fps);
	const kept = keepVisibleShots({shots, fps, totalFrames});
	const cuts = kept.map((k) => k.cutFrame);
	const spans = cuts.map((c, i) => (i + 1 < cuts.length ? cuts[i + 1] : totalFrames) - c);
	const transitions = kept.map((k, i) =>
		i === 0 ? 0 : transitionFrames({shot: shots[k.shotIndex], fps, maxFrames: Math.min(spans[i - 1], spans[i])}),
	);
	const entries = kept.map((k, i) => {
		const tIn = transitions[i];
		const tOut = i + 1 < transitions.length ? transitions[i + 1] : 0;
		return {
			shotIndex: k.shotIndex,
			cutFrame: k.cutFrame,
			fromFrame: k.cutFrame - tIn / 2,
			durationInFrames: spans[i] + tIn / 2 + tOut / 2,
			transitionInFrames: tIn,
		};
	});
	return {entries, totalFrames};
};

// A shot whose start rounds onto the next shot's start would get 0 frames,
// which a TransitionSeries rejects; it could not be seen anyway.
const keepVisibleShots = ({shots, fps, totalFrames}: {shots: TimelineShot[]; fps: number; totalFrames: number}) => {
	const cuts = shots.map((s, i) => (i === 0 ? 0 : Math.min(msToFrame(s.startMs, fps), totalFrames)));
	return cuts
		.map((cutFrame, shotIndex) => ({cutFrame, shotIndex}))
		.filter(({cutFrame, shotIndex}) => {
			const next = shotIndex + 1 < cuts.length ? cuts[shotIndex + 1] : totalFrames;
			return cutFrame < next && cutFrame < totalFrames;
		});
};

// Each side of the cut may give at most half of its own span, so neighbouring
// transitions never overlap and no sequence is shorter than its transitions.
const transitionFrames = ({shot, fps, maxFrames}: {shot: TimelineShot; fps: number; maxFrames: number}): number => {
	if (shot.transitionIn.kind === 'cut') return 0;
	const wanted = Math.min(msToFrame(shot.transitionIn.durationMs, fps), maxFrames);
	const even = wanted - (wanted % 2);
	return even >= 2 ? even : 0;
};
