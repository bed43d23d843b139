// A shot may outlast its clip: the clip then loops. Each segment is one
// uninterrupted stretch of the clip, placed on the shot's own frame axis.
import {msToFrame} from '../../plan';

export type ClipSegmentsInput = {
	clipDurationMs: number;
	clipInMs: number;
	shotFrames: number;
	fps: number;
};

export type ClipSegment = {
	fromFrame: number;
	durationInFrames: number;
	/** Frames of the clip skipped at its start (OffthreadVideo `trimBefore`). */
	trimBeforeFrames: number;
};

export const computeClipSegments = ({clipDurationMs, clipInMs, shotFrames, fps}: ClipSegmentsInput): ClipSegment[] => {
	// Whole frames only: asking for a frame past the clip's end returns its last frame again.
	const clipFrames = Math.max(1, Math.floor((clipDurationMs * fps) / 1000));
	const segments: ClipSegment[] = [];
	let fromFrame = 0;
	let trimBeforeFrames = msToFrame(clipInMs, fps) % clipFrames;
	while (fromFrame < shotFrames) {
		const durationInFrames = Math.min(clipFrames - trimBeforeFrames, shotFrames - fromFrame);
		segments.push({fromFrame, durationInFrames, trimBeforeFrames});
		fromFrame += durationInFrames;
		trimBeforeFrames = 0;
	}
	return segments;
};
