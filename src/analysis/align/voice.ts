// Which stretches of a take are not speech, by the Silero voice detector
// (src/analysis/audio/vad.ts). The level meter (activity.ts) is precise to 5 ms
// but counts any sound as speech: breath, a sniff, a chair, room noise that
// rises above the floor. The detector tells speech from other sound, but only
// per 32 ms frame, and it lets go of speech late. So the detector only vetoes:
// where it is sure there is no speech, sound does not count as speech; where
// it hears speech, the level meter still finds the exact edge.
import {HOP_MS, boundaryMs} from './activity';
import type {Pcm} from './types';

/** Below this speech probability a detector frame is sure non-speech (Silero's own closing level: 0.5 opens, 0.15 below closes). */
const QUIET_PROBABILITY = 0.35;
/** A frame is kept as possible speech when a frame this close after it opens speech: the detector can be up to a frame late at an onset. */
const ONSET_LEAD_MS = 32;
const OPEN_PROBABILITY = 0.5;

/**
 * Per HOP_MS frame of `frames`: 1 where the detector is sure there is no speech.
 * `probabilities` are per `frameMs` frame from the start of the audio.
 */
export const quietFrames = ({probabilities, frameMs, frames}: {probabilities: Float32Array; frameMs: number; frames: number}): Uint8Array => {
	const quiet = new Uint8Array(frames);
	const lead = Math.ceil(ONSET_LEAD_MS / frameMs);
	const opensSoon = (v: number) => {
		for (let k = 1; k <= lead && v + k < probabilities.length; k++) if (probabilities[v + k] >= OPEN_PROBABILITY) return true;
		return false;
	};
	for (let f = 0; f < frames; f++) {
		// A level frame spans [boundaryMs(f), boundaryMs(f + 1)); it is quiet only if every detector frame it touches is.
		const first = Math.floor(boundaryMs(f) / frameMs);
		const last = Math.min(probabilities.length - 1, Math.floor((boundaryMs(f) + HOP_MS - 1e-6) / frameMs));
		let sure = first <= last;
		for (let v = first; v <= last && sure; v++) sure = probabilities[v] < QUIET_PROBABILITY && !opensSoon(v);
		quiet[f] = sure ? 1 : 0;
	}
	return quiet;
};

/**
 * The detector's quiet frames for `pcm`, or null when it cannot run
 * (onnxruntime-node missing or broken): the level meter alone is what the
 * aligner had before, and a voice-over must not fail for want of a refinement.
 */
export const detectQuiet = async (pcm: Pcm, frames: number): Promise<Uint8Array | null> => {
	try {
		const {speechProbabilities, FRAME_MS} = await import('../audio/vad');
		return quietFrames({probabilities: await speechProbabilities(pcm), frameMs: FRAME_MS, frames});
	} catch {
		return null;
	}
};
