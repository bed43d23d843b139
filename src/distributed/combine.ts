// Checks each chunk before it is trusted, and joins them with Remotion's
// combineChunks: the MPEG-TS video streams are concatenated without
// re-encoding, the AAC chunks (rendered with padding for this) are cut at
// frame-exact points and concatenated, then both are muxed into one MP4.
import {combineChunks} from '@remotion/renderer';
import {existsSync} from 'node:fs';
import {produceFileAtomic} from '../analysis/cache/files';
import {runFf} from '../render/ff';
import {describeChunk, type Chunk} from './chunks';
import {chunkFiles} from './job';

export class ChunkCorruptError extends Error {}

const countPackets = async (file: string, stream: 'v:0' | 'a:0'): Promise<{codec: string; packets: number}> => {
	const json = JSON.parse(await runFf({bin: 'ffprobe', args: ['-v', 'error', '-select_streams', stream, '-count_packets', '-show_entries', 'stream=codec_name,nb_read_packets', '-of', 'json', file]}));
	const s = json.streams?.[0];
	return {codec: s?.codec_name ?? 'none', packets: Number(s?.nb_read_packets ?? 0)};
};

/**
 * A chunk is done when both files exist, the video holds exactly its frames in
 * H.264 and the audio is AAC. Throws ChunkCorruptError naming the file; returns
 * false when the chunk has simply not been rendered yet.
 */
export const verifyChunk = async ({renderDir, chunk, totalChunks}: {renderDir: string; chunk: Chunk; totalChunks: number}): Promise<boolean> => {
	const {video, audio} = chunkFiles(renderDir, chunk);
	if (!existsSync(video) || !existsSync(audio)) return false;
	const name = describeChunk(chunk, totalChunks);
	const frames = chunk.endFrame - chunk.startFrame + 1;
	const v = await countPackets(video, 'v:0').catch((e: Error) => {
		throw new ChunkCorruptError(`${name}: ${video} is not a readable video (${e.message.split('\n')[0]})`);
	});
	if (v.codec !== 'h264' || v.packets !== frames) throw new ChunkCorruptError(`${name}: ${video} holds ${v.packets} ${v.codec} frames, expected ${frames} h264 frames`);
	const a = await countPackets(audio, 'a:0').catch((e: Error) => {
		throw new ChunkCorruptError(`${name}: ${audio} is not readable audio (${e.message.split('\n')[0]})`);
	});
	if (a.codec !== 'aac' || a.packets === 0) throw new ChunkCorruptError(`${name}: ${audio} holds no AAC audio (found ${a.codec})`);
	return true;
};

export const joinChunks = async ({out, renderDir, chunks, framesPerChunk, fps, onProgress}: {
	out: string;
	renderDir: string;
	chunks: Chunk[];
	framesPerChunk: number;
	fps: number;
	onProgress?: (fraction: number) => void;
}): Promise<void> => {
	const files = chunks.map((c) => chunkFiles(renderDir, c));
	await produceFileAtomic(out, (temp) =>
		combineChunks({
			outputLocation: temp,
			videoFiles: files.map((f) => f.video),
			audioFiles: files.map((f) => f.audio),
			codec: 'h264',
			audioCodec: 'aac',
			fps,
			framesPerChunk,
			preferLossless: false,
			compositionDurationInFrames: chunks.at(-1)!.endFrame + 1,
			logLevel: 'error',
			onProgress: ({totalProgress}) => onProgress?.(totalProgress),
		}),
	);
};
