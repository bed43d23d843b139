// One shot: its clip (looped if short) filling the frame, with a Ken Burns
// zoom/drift and the scene's grade. Frames are local to the shot's sequence.
// @remotion/media's <Video> decodes in the tab with WebCodecs: 15–40 ms a frame
// here against 250–500 ms for <OffthreadVideo>'s fetch-and-decode-image round
// trip (docs/performance.md); unsupported codecs fall back to <OffthreadVideo>.
import React from 'react';
import {Video} from '@remotion/media';
import {AbsoluteFill, Sequence, staticFile, useCurrentFrame} from 'remotion';
import type {Clip, ClipShot, Mood, Style} from '../../plan';
import {computeClipSegments} from './clip-segments';
import {gradeFilter} from './grade';
import {kenBurns} from './ken-burns';

export type ShotProps = {
	shot: ClipShot;
	clip: Clip;
	mood: Mood | null;
	style: Style;
	durationInFrames: number;
	fps: number;
	panDirection: 1 | -1;
};

// @remotion/media draws into a canvas: CSS object-fit does not reach the picture,
// its own `objectFit` prop does (a landscape clip was letterboxed in 9:16 without it).
const fill: React.CSSProperties = {width: '100%', height: '100%'};

export const Shot: React.FC<ShotProps> = ({shot, clip, mood, style, durationInFrames, fps, panDirection}) => {
	const frame = useCurrentFrame();
	const progress = durationInFrames > 1 ? frame / (durationInFrames - 1) : 0;
	const {scale, translateXPercent} = kenBurns({zoomFrom: shot.zoomFrom, zoomTo: shot.zoomTo, progress, panDirection});
	const segments = computeClipSegments({
		clipDurationMs: clip.durationMs,
		clipInMs: shot.clipInMs,
		shotFrames: durationInFrames,
		fps,
	});
	return (
		<AbsoluteFill style={{backgroundColor: '#000', overflow: 'hidden'}}>
			<AbsoluteFill
				style={{
					transform: `scale(${scale}) translateX(${translateXPercent}%)`,
					filter: gradeFilter(mood, style),
				}}
			>
				{segments.map((s) => (
					<Sequence key={s.fromFrame} from={s.fromFrame} durationInFrames={s.durationInFrames} layout="none">
						<Video src={staticFile(clip.src)} muted trimBefore={s.trimBeforeFrames} objectFit="cover" style={fill} />
					</Sequence>
				))}
			</AbsoluteFill>
		</AbsoluteFill>
	);
};
