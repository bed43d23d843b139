// Shapes of the forced aligner's input and output. Times are milliseconds from
// the start of the audio as given (before any resampling).

/** One transcript word and when it is heard. */
export type AlignedWord = {
	/** The transcript's token, as written (punctuation kept). */
	text: string;
	startMs: number;
	endMs: number;
	/** 0–1: how sure the aligner is of this word's place; below ~0.5 treat as a guess. */
	confidence: number;
};

export type AlignResult = {
	/** `words[i]` times the i-th transcript word; ordered, non-overlapping, inside the audio. */
	words: AlignedWord[];
	/** Things a user should hear about (speech missing from the transcript, words not found in the audio, ...). */
	warnings: string[];
};

export type AlignOptions = {
	/** Audio up to this long is aligned in one pass; longer audio in windows. @default 45000 */
	singlePassMaxMs: number;
	/** Target window length for long audio (cut at a pause near it). @default 30000 */
	windowMs: number;
	/**
	 * Move boundaries next to pauses onto the signal's speech onset/offset. 'auto':
	 * only for narrowband audio (nothing above 4.5 kHz, e.g. a source sampled at
	 * 8 kHz), where the 16 kHz model hears too little to place them; on wideband
	 * audio its own edges are closer (docs/alignment-adaptation.md). @default 'auto'
	 */
	refineBoundaries: boolean | 'auto';
	/** Audio at least this long is cut in two halves aligned on two threads (below it, starting the second thread costs what it saves). @default 90000 */
	parallelMinMs: number;
	/** Use the Silero voice detector to tell pauses with breath or noise in them from speech, at word edges. @default true */
	voiceDetector: boolean;
};

export const defaultAlignOptions: AlignOptions = {singlePassMaxMs: 45_000, windowMs: 30_000, refineBoundaries: 'auto', parallelMinMs: 90_000, voiceDetector: true};

/** Mono samples in [-1, 1]. */
export type Pcm = {samples: Float32Array; sampleRate: number};
