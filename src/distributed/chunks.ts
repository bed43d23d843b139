// How a render is cut into frame ranges. combineChunks joins the AAC audio
// seamlessly only when every chunk but the last has exactly `framesPerChunk`
// frames and more than 4 (Remotion's canConcatAudioSeamlessly), so chunks are
// equal slices from frame 0 and the remainder goes last.
import {ReelError} from '../analysis/errors';

export type Chunk = {index: number; startFrame: number; endFrame: number};

/** Remotion joins AAC seamlessly only above 4 frames per chunk. */
export const MIN_FRAMES_PER_CHUNK = 5;
/**
 * Tune: frames per chunk when neither --chunks nor --frames-per-chunk is given.
 * Each chunk pays a fixed cost (a tab, loading the page, seeking into clips, an
 * ffmpeg start: about 2 s here, docs/scaling.md); 150 frames (5 s at 30 fps)
 * keeps that under a fifth of the chunk's own render time on 2 cores.
 */
export const DEFAULT_FRAMES_PER_CHUNK = 150;

export type ChunkingInput = {durationInFrames: number; chunks?: number; framesPerChunk?: number};

export const framesPerChunkFor = ({durationInFrames, chunks, framesPerChunk}: ChunkingInput): number => {
	if (chunks !== undefined && framesPerChunk !== undefined) throw new ReelError('BAD_OPTION', 'give --chunks or --frames-per-chunk, not both');
	if (chunks !== undefined && !(Number.isInteger(chunks) && chunks >= 1)) throw new ReelError('BAD_OPTION', `--chunks must be a whole number ≥ 1, got ${chunks}`);
	const size = chunks !== undefined ? Math.ceil(durationInFrames / chunks) : (framesPerChunk ?? DEFAULT_FRAMES_PER_CHUNK);
	if (!(Number.isInteger(size) && size >= MIN_FRAMES_PER_CHUNK)) {
		const asked = chunks !== undefined ? `--chunks ${chunks} gives ${size}-frame chunks of this ${durationInFrames}-frame video` : `--frames-per-chunk is ${size}`;
		throw new ReelError('BAD_OPTION', `${asked}; chunks need at least ${MIN_FRAMES_PER_CHUNK} whole frames (audio joins seamlessly only then)`);
	}
	return size;
};

/** Frame ranges (inclusive, as renderMedia's frameRange) covering [0, durationInFrames). */
export const planChunks = ({durationInFrames, framesPerChunk}: {durationInFrames: number; framesPerChunk: number}): Chunk[] => {
	const chunks: Chunk[] = [];
	for (let start = 0; start < durationInFrames; start += framesPerChunk) {
		chunks.push({index: chunks.length, startFrame: start, endFrame: Math.min(start + framesPerChunk, durationInFrames) - 1});
	}
	return chunks;
};

/** As errors and logs name a chunk: `chunk 3/8 (frames 300–449)`. */
export const describeChunk = (chunk: Chunk, total: number): string => `chunk ${chunk.index + 1}/${total} (frames ${chunk.startFrame}–${chunk.endFrame})`;
