// Real media files for tests, made on the spot: no fixtures downloaded.
import {writeFile} from 'node:fs/promises';
import {crc32, deflateSync} from 'node:zlib';
import {runFf, runFfBytes} from '../../src/render/ff';

// Remotion's ffmpeg has no rawvideo demuxer, but it reads PNG frames from a pipe.
const chunk = (type: string, data: Buffer) => {
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const out = Buffer.alloc(body.length + 8);
	out.writeUInt32BE(data.length, 0);
	body.copy(out, 4);
	out.writeUInt32BE(crc32(body), body.length + 4);
	return out;
};

export const encodePng = ({rgb, width, height}: {rgb: Buffer; width: number; height: number}): Buffer => {
	const rows = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) rgb.copy(rows, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
};

/** An H.264 clip of moving diagonal bands in `color` (RGB) and a lighter shade, `seconds` long. */
export const makeTestClip = async ({file, width = 64, height = 112, seconds = 2, fps = 15, color = [60, 90, 200]}: {file: string; width?: number; height?: number; seconds?: number; fps?: number; color?: [number, number, number]}) => {
	const frames = Math.round(seconds * fps);
	const pngs: Buffer[] = [];
	for (let f = 0; f < frames; f++) {
		const rgb = Buffer.alloc(width * height * 3);
		for (let y = 0; y < height; y++) {
			for (let x = 0; x < width; x++) {
				const o = (y * width + x) * 3;
				const band = ((x + y + f * 2) >> 3) & 1;
				for (let c = 0; c < 3; c++) rgb[o + c] = Math.min(255, color[c] + band * 40);
			}
		}
		pngs.push(encodePng({rgb, width, height}));
	}
	await runFf({
		bin: 'ffmpeg',
		args: ['-y', '-v', 'error', '-f', 'image2pipe', '-c:v', 'png', '-framerate', String(fps), '-i', '-', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file],
		input: Buffer.concat(pngs),
	});
};

export const writeCorruptClip = (file: string) => writeFile(file, Buffer.from('this is not a video, just text pretending to be one'));

/** One decoded video frame as RGB bytes, scaled to width × height. */
export const frameAt = ({file, timeMs, width, height}: {file: string; timeMs: number; width: number; height: number}): Promise<Buffer> =>
	runFfBytes({
		args: ['-v', 'error', '-ss', String(timeMs / 1000), '-i', file, '-frames:v', '1', '-vf', `scale=${width}:${height}`, '-f', 'image2pipe', '-c:v', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
	});

export type Region = {x0: number; y0: number; x1: number; y1: number};

/** Mean colour of a region (fractions of the frame) and how many pixels pass `test`. */
export const regionStats = ({rgb, width, height, region, test}: {rgb: Buffer; width: number; height: number; region: Region; test?: (r: number, g: number, b: number) => boolean}) => {
	let n = 0;
	let hits = 0;
	const sum = [0, 0, 0];
	for (let y = Math.floor(region.y0 * height); y < Math.floor(region.y1 * height); y++) {
		for (let x = Math.floor(region.x0 * width); x < Math.floor(region.x1 * width); x++) {
			const o = (y * width + x) * 3;
			sum[0] += rgb[o];
			sum[1] += rgb[o + 1];
			sum[2] += rgb[o + 2];
			if (test?.(rgb[o], rgb[o + 1], rgb[o + 2])) hits++;
			n++;
		}
	}
	return {mean: sum.map((v) => v / n) as [number, number, number], hits};
};
