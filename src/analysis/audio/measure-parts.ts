// What the loudness finish measures before it changes anything (integrated
// loudness and the true-peak envelope), worked out part by part while a
// narration is still being spoken, so the finish does not wait for it after the
// last sentence. Exact: the same numbers, to the bit, as measuring the joined
// audio, as long as silence of at least TAPS samples lies before, between and
// after the sounding parts (narrate.ts joins sentences with pauses of 180 ms and
// more); otherwise result() is null and the finish measures the whole.
import {createLoudnessMeter, TAPS, truePeakEnvelope} from './loudness';

export type Measured = {lufs: number; envelope: Float32Array};

export const createPartsMeter = (sampleRate: number) => {
	const loudness = createLoudnessMeter(sampleRate);
	const pieces: {at: number; envelope: Float32Array}[] = [];
	let length = 0;
	let lastSoundEnd = 0; // the first sound needs silence before it too
	let apart = true;
	return {
		/** The next part of the audio, in order; `silent` parts are all zeros. */
		add: (part: Float32Array, silent: boolean) => {
			loudness.push(part);
			if (!silent && part.length > 0) {
				apart &&= length - lastSoundEnd >= TAPS;
				// Each envelope point reads TAPS / 2 samples either side: with silence beyond, the points
				// from TAPS / 2 before the part to TAPS / 2 after it are all its sound reaches, and
				// a copy padded with TAPS zeros a side computes them in the same sums as the whole would.
				const padded = new Float32Array(part.length + 2 * TAPS);
				padded.set(part, TAPS);
				pieces.push({at: length - TAPS / 2, envelope: truePeakEnvelope(padded).subarray(TAPS / 2, part.length + (3 * TAPS) / 2)});
				lastSoundEnd = length + part.length;
			}
			length += part.length;
		},
		/** The measures of everything added, or null when sounds were too close to measure apart. */
		result: (): Measured | null => {
			if (!apart || length - lastSoundEnd < TAPS) return null;
			const envelope = new Float32Array(length); // zero where no sound reaches, as over the whole
			for (const {at, envelope: piece} of pieces) envelope.set(piece, at);
			return {lufs: loudness.lufs(), envelope};
		},
	};
};
