// Every ffmpeg/ffprobe call goes through here, using the binaries Remotion
// ships (the system may have none).
import {RenderInternals} from '@remotion/renderer';

export const runFf = async ({bin, args, input}: {bin: 'ffmpeg' | 'ffprobe'; args: string[]; input?: Buffer}): Promise<string> => {
	const task = RenderInternals.callFf({bin, args, indent: false, logLevel: 'error', binariesDirectory: null, cancelSignal: undefined, options: input ? {input} : {}});
	const {stdout} = await task;
	return stdout;
};

/** Like runFf, for binary output (decoded audio on stdout). */
// execa strips a final newline by default: a raw frame ending in byte 0x0a would lose it.
export const runFfBytes = async ({args, maxBytes = 2 ** 30}: {args: string[]; maxBytes?: number}): Promise<Buffer> => {
	const task = RenderInternals.callFf({bin: 'ffmpeg', args, indent: false, logLevel: 'error', binariesDirectory: null, cancelSignal: undefined, options: {encoding: 'buffer', maxBuffer: maxBytes, stripFinalNewline: false}});
	const {stdout} = await task;
	return stdout as unknown as Buffer;
};

export type StreamInfo = {codec_type: string; codec_name: string; pix_fmt?: string; width?: number; height?: number; duration?: string; sample_rate?: string};

export const probeStreams = async (file: string): Promise<{streams: StreamInfo[]; durationMs: number}> => {
	const json = JSON.parse(await runFf({bin: 'ffprobe', args: ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file]}));
	return {streams: json.streams, durationMs: Number(json.format.duration) * 1000};
};
