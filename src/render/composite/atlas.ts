// Chrome draws the caption states stacked into a few tall atlas frames (one
// capture costs the same however much it holds); each frame is cut back into
// its states as soon as it is drawn, so ffmpeg can show them while Chrome draws the next.
import {pipeSystemFfmpeg} from './ffmpeg';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG files in a stream of PNG files one after another (what ffmpeg's image2pipe writes). */
export const splitPngs = (bytes: Buffer): Buffer[] => {
	const files: Buffer[] = [];
	let start = 0;
	while (start < bytes.length) {
		if (!bytes.subarray(start, start + 8).equals(PNG_SIGNATURE)) throw new Error(`not a PNG at byte ${start} of ${bytes.length}`);
		let at = start + 8;
		for (;;) {
			if (at + 12 > bytes.length) throw new Error(`PNG at byte ${start} is cut short`);
			const length = bytes.readUInt32BE(at);
			const type = bytes.toString('latin1', at + 4, at + 8);
			at += 12 + length;
			if (type === 'IEND') break;
		}
		if (at > bytes.length) throw new Error(`PNG at byte ${start} is cut short`);
		files.push(bytes.subarray(start, at));
		start = at;
	}
	return files;
};

/** One atlas frame (a PNG of `statesPerFrame` bands, top to bottom) as one PNG per band. */
export const cutAtlasFrame = async (atlas: Buffer, statesPerFrame: number): Promise<Buffer[]> => {
	const states = splitPngs(
		await pipeSystemFfmpeg({
			args: ['-f', 'png_pipe', '-i', 'pipe:0', '-vf', `untile=1x${statesPerFrame}`, '-fps_mode', 'passthrough', '-c:v', 'png', '-compression_level', '1', '-f', 'image2pipe', 'pipe:1'],
			input: atlas,
		}),
	);
	if (states.length !== statesPerFrame) throw new Error(`an atlas frame gave ${states.length} caption pictures, not ${statesPerFrame}`);
	return states;
};
