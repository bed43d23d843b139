// ffmpeg's own EBU R128 meter (the loudnorm filter's first-pass measurement),
// an independent check on reel's TypeScript meter.
import {RenderInternals} from '@remotion/renderer';
import path from 'node:path';

export const ffLoudness = async (file: string): Promise<{lufs: number; truePeakDb: number}> => {
	const {stderr} = await RenderInternals.callFf({
		bin: 'ffmpeg',
		// Absolute path: callFf runs ffmpeg from its own folder.
		args: ['-hide_banner', '-nostats', '-i', path.resolve(file), '-af', 'loudnorm=print_format=json', '-f', 'null', '-'],
		indent: false,
		logLevel: 'error',
		binariesDirectory: null,
		cancelSignal: undefined,
	});
	const json = JSON.parse(/\{[^{}]*\}/.exec(stderr.slice(stderr.lastIndexOf('{')))![0]);
	return {lufs: Number(json.input_i), truePeakDb: Number(json.input_tp)};
};
