// Shapes every narration engine shares, so the pipeline can swap espeak for a
// neural voice or a recorded voice-over without touching its callers.

/** A caption word as the caller cut it: offsets into the sentence text (UTF-16 code units), end exclusive. */
export type WordSpan = {charStart: number; charEnd: number};

/** When a word is heard: first phoneme start to last phoneme end, excluding any pause after it. */
export type WordTiming = {startMs: number; endMs: number};

export type SpeechResult = {
	/** Mono, in [-1, 1]. */
	samples: Float32Array;
	sampleRate: number;
	/** `words[i]` times the caller's `words[i]`; monotonic, non-overlapping, inside the audio. */
	words: WordTiming[];
};
