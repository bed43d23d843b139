// RIFF/WAVE in and out for what the pipeline needs: narration written as mono
// 16-bit PCM (what Remotion, ffmpeg and every player read), and 16-bit PCM
// read back (a recorded voice-over to align). Anything else is refused by name
// rather than misread as noise.

export type PcmAudio = {samples: Float32Array; sampleRate: number};

const HEADER_BYTES = 44;
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Mono 16-bit PCM; samples outside [-1, 1] are clipped, not wrapped. */
export const encodeWav = ({samples, sampleRate}: PcmAudio): Buffer => {
	if (!Number.isInteger(sampleRate) || sampleRate <= 0) {
		throw new Error(`encodeWav: sampleRate must be a positive integer, got ${sampleRate}`);
	}
	const dataBytes = samples.length * 2;
	const out = Buffer.alloc(HEADER_BYTES + dataBytes);
	out.write('RIFF', 0, 'ascii');
	out.writeUInt32LE(36 + dataBytes, 4);
	out.write('WAVE', 8, 'ascii');
	out.write('fmt ', 12, 'ascii');
	out.writeUInt32LE(16, 16);
	out.writeUInt16LE(1, 20); // PCM
	out.writeUInt16LE(1, 22); // mono
	out.writeUInt32LE(sampleRate, 24);
	out.writeUInt32LE(sampleRate * 2, 28); // byte rate
	out.writeUInt16LE(2, 32); // block align
	out.writeUInt16LE(16, 34);
	out.write('data', 36, 'ascii');
	out.writeUInt32LE(dataBytes, 40);
	const pcm = (value: number) => Math.round(Math.max(-1, Math.min(1, value || 0)) * 32767); // NaN → 0
	if (LITTLE_ENDIAN && (out.byteOffset + HEADER_BYTES) % 2 === 0) {
		// Stored through an Int16Array view: a minute of narration in a few ms, where writeInt16LE per
		// sample took 12–26 ms. The same bytes on a little-endian machine.
		const data = new Int16Array(out.buffer, out.byteOffset + HEADER_BYTES, samples.length);
		for (let i = 0; i < samples.length; i++) data[i] = pcm(samples[i]);
	} else {
		for (let i = 0; i < samples.length; i++) out.writeInt16LE(pcm(samples[i]), HEADER_BYTES + i * 2);
	}
	return out;
};

type Format = {formatTag: number; channels: number; sampleRate: number; bitsPerSample: number};

const readFormat = (buffer: Buffer, offset: number, size: number): Format => {
	if (size < 16) throw new Error(`WAV "fmt " chunk is ${size} bytes; expected at least 16`);
	let formatTag = buffer.readUInt16LE(offset);
	// WAVE_FORMAT_EXTENSIBLE carries the real format in its sub-format GUID.
	if (formatTag === 0xfffe && size >= 26) formatTag = buffer.readUInt16LE(offset + 24);
	return {
		formatTag,
		channels: buffer.readUInt16LE(offset + 2),
		sampleRate: buffer.readUInt32LE(offset + 4),
		bitsPerSample: buffer.readUInt16LE(offset + 14),
	};
};

/** 16-bit PCM, mono or stereo (channels averaged to mono). */
export const decodeWav = (buffer: Buffer): PcmAudio => {
	if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') {
		throw new Error('not a WAV file (no RIFF/WAVE header)');
	}
	let format: Format | null = null;
	let offset = 12;
	while (offset + 8 <= buffer.length) {
		const id = buffer.toString('ascii', offset, offset + 4);
		const size = buffer.readUInt32LE(offset + 4);
		const body = offset + 8;
		if (id === 'fmt ') format = readFormat(buffer, body, size);
		if (id === 'data') {
			if (!format) throw new Error('WAV "data" chunk comes before its "fmt " chunk');
			// Streaming writers leave the size at 0 or 0xFFFFFFFF: take what is there.
			const end = size === 0 || body + size > buffer.length ? buffer.length : body + size;
			return toMono(buffer.subarray(body, end), format);
		}
		offset = body + size + (size % 2); // chunks are word-aligned
	}
	throw new Error(format ? 'WAV file has no "data" chunk' : 'WAV file has no "fmt " chunk');
};

const toMono = (data: Buffer, {formatTag, channels, sampleRate, bitsPerSample}: Format): PcmAudio => {
	if (formatTag !== 1) {
		const kind = formatTag === 3 ? '32-bit float' : `format tag ${formatTag}`;
		throw new Error(`WAV is ${kind}; only 16-bit PCM is supported (convert with: ffmpeg -i in.wav -c:a pcm_s16le out.wav)`);
	}
	if (bitsPerSample !== 16) {
		throw new Error(`WAV is ${bitsPerSample}-bit PCM; only 16-bit PCM is supported (convert with: ffmpeg -i in.wav -c:a pcm_s16le out.wav)`);
	}
	if (channels !== 1 && channels !== 2) {
		throw new Error(`WAV has ${channels} channels; only mono or stereo is supported`);
	}
	if (sampleRate <= 0) throw new Error(`WAV sample rate is ${sampleRate}`);
	const frames = Math.floor(data.length / (2 * channels));
	const samples = new Float32Array(frames);
	for (let i = 0; i < frames; i++) {
		let sum = 0;
		for (let c = 0; c < channels; c++) sum += data.readInt16LE((i * channels + c) * 2);
		samples[i] = sum / channels / 32768;
	}
	return {samples, sampleRate};
};
