// Duration and size of a clip, read from its container with mediabunny (pure
// JS, no process spawned). A file that does not parse is reported, not fatal.
import {ALL_FORMATS, EncodedPacketSink, FilePathSource, Input} from 'mediabunny';

export type ClipProbe = {durationMs: number; width: number; height: number; fps: number};

export const probeClip = async (file: string): Promise<ClipProbe> => {
	const input = new Input({source: new FilePathSource(file), formats: ALL_FORMATS});
	try {
		const track = await input.getPrimaryVideoTrack();
		if (!track) throw new Error('has no video track');
		const durationMs = (await input.computeDuration()) * 1000;
		if (!(durationMs > 0)) throw new Error('has no frames');
		// Node has no WebCodecs to test decoding; a known codec and a readable first packet catch truncated files.
		if (!track.codec) throw new Error('uses an unknown video codec');
		const first = await new EncodedPacketSink(track).getFirstPacket();
		if (!first || first.byteLength === 0) throw new Error('has no readable video data');
		// A few dozen packets give the frame rate without reading the whole file.
		const {averagePacketRate} = await track.computePacketStats(60);
		const fps = Math.round(averagePacketRate * 100) / 100;
		return {durationMs: Math.round(durationMs), width: track.displayWidth, height: track.displayHeight, fps};
	} finally {
		input.dispose();
	}
};
