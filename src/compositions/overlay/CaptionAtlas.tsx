// The caption layer for the compositing renderer (src/render/composite): each
// frame of this composition is a column of caption states, one per distinct
// caption picture of the video, cut to the band the captions live in. Chrome
// captures a few tall frames instead of one frame per video frame; ffmpeg cuts
// them apart and lays each state over the frames that show it.
import React, {useMemo} from 'react';
import {AbsoluteFill, useCurrentFrame} from 'remotion';
import {ASPECTS, frameToMs, type Plan} from '../../plan';
import {Captions} from '../captions/Captions';
import {loadCaptionFont} from '../captions/font';
import {makeCaptionPages, sceneBreaks} from '../captions/pages';

if (typeof document !== 'undefined') void loadCaptionFont();

export type CaptionAtlasProps = {
	plan: Plan;
	/** One video frame per caption state: the state is drawn as it looks at that frame. */
	stateFrames: number[];
	/** The horizontal strip of the video frame that holds every caption, in composition pixels. */
	band: {top: number; height: number};
	statesPerFrame: number;
};

export const CaptionAtlas: React.FC<CaptionAtlasProps> = ({plan, stateFrames, band, statesPerFrame}) => {
	const frame = useCurrentFrame();
	const {width, height} = ASPECTS[plan.aspect];
	const pages = useMemo(
		() => makeCaptionPages({words: plan.words, combineWithinMs: plan.captionStyle.combineWithinMs, breakAfter: sceneBreaks(plan.scenes)}),
		[plan],
	);
	const cells = stateFrames.slice(frame * statesPerFrame, (frame + 1) * statesPerFrame);
	return (
		<AbsoluteFill>
			{cells.map((videoFrame, i) => (
				<div key={i} style={{position: 'absolute', left: 0, top: i * band.height, width, height: band.height, overflow: 'hidden'}}>
					{/* The whole video frame, shifted up so its band shows: captions lay out exactly as in the Reel. */}
					<div style={{position: 'absolute', left: 0, top: -band.top, width, height, pointerEvents: 'none'}}>
						<Captions pages={pages} style={plan.captionStyle} timeMs={frameToMs(videoFrame, plan.fps)} width={width} height={height} />
					</div>
				</div>
			))}
		</AbsoluteFill>
	);
};
