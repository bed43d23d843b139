import {describe, expect, it} from 'vitest';
import {decodeWav, encodeWav} from '../src/analysis/audio/wav';

const header = ({channels = 1, bits = 16, format = 1, rate = 8000, dataBytes = 0} = {}): Buffer => {
	const b = Buffer.alloc(44);
	b.write('RIFF', 0, 'ascii');
	b.writeUInt32LE(36 + dataBytes, 4);
	b.write('WAVEfmt ', 8, 'ascii');
	b.writeUInt32LE(16, 16);
	b.writeUInt16LE(format, 20);
	b.writeUInt16LE(channels, 22);
	b.writeUInt32LE(rate, 24);
	b.writeUInt32LE((rate * channels * bits) / 8, 28);
	b.writeUInt16LE((channels * bits) / 8, 32);
	b.writeUInt16LE(bits, 34);
	b.write('data', 36, 'ascii');
	b.writeUInt32LE(dataBytes, 40);
	return b;
};

describe('wav', () => {
	it('round-trips mono 16-bit PCM within one quantisation step', () => {
		const samples = Float32Array.from([0, 0.5, -0.5, 0.25, -1, 0.999]);
		const wav = encodeWav({samples, sampleRate: 22050});
		expect(wav.length).toBe(44 + samples.length * 2);
		expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
		const back = decodeWav(wav);
		expect(back.sampleRate).toBe(22050);
		expect(back.samples.length).toBe(samples.length);
		back.samples.forEach((s, i) => expect(Math.abs(s - samples[i])).toBeLessThan(1 / 16384));
	});

	it('writes each sample as the little-endian integer nearest to it × 32767, clipped', () => {
		let seed = 5;
		const samples = Float32Array.from({length: 5000}, (_, i) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * (i % 7 ? 2.2 : 0.001));
		samples.set([1, -1, 0.5 / 32767, -0.5 / 32767, 1.5 / 32767, -0, NaN, Infinity, -Infinity], 100);
		const wav = encodeWav({samples, sampleRate: 8000});
		const expected = Buffer.alloc(samples.length * 2);
		samples.forEach((v, i) => expected.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v || 0)) * 32767), i * 2));
		expect(wav.subarray(44).equals(expected)).toBe(true);
		expect(wav.readInt16LE(44 + 2 * 100)).toBe(32767);
		expect(wav.readInt16LE(44 + 2 * 101)).toBe(-32767);
	});

	it('clips instead of wrapping around', () => {
		const back = decodeWav(encodeWav({samples: Float32Array.from([2, -3, NaN]), sampleRate: 8000}));
		expect(back.samples[0]).toBeCloseTo(1, 3);
		expect(back.samples[1]).toBeCloseTo(-1, 3);
		expect(back.samples[2]).toBe(0);
	});

	it('averages stereo to mono and skips unknown chunks', () => {
		const data = Buffer.alloc(8);
		data.writeInt16LE(16384, 0); // L
		data.writeInt16LE(0, 2); // R
		data.writeInt16LE(-16384, 4);
		data.writeInt16LE(-16384, 6);
		const h = header({channels: 2, dataBytes: 8});
		// A LIST chunk of odd size (padded to even) between fmt and data, as many editors write.
		const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc\0')]);
		const wav = Buffer.concat([h.subarray(0, 36), list, h.subarray(36), data]);
		expect(decodeWav(wav)).toEqual({samples: Float32Array.from([0.25, -0.5]), sampleRate: 8000});
	});

	it('names what it cannot read', () => {
		expect(() => decodeWav(Buffer.from('hello, this is not audio at all'))).toThrow(/not a WAV file/);
		expect(() => decodeWav(header({bits: 24}))).toThrow(/24-bit PCM; only 16-bit PCM/);
		expect(() => decodeWav(header({format: 3, bits: 32}))).toThrow(/32-bit float/);
		expect(() => decodeWav(header({channels: 6}))).toThrow(/6 channels/);
		expect(() => decodeWav(header().subarray(0, 36))).toThrow(/no "data" chunk/);
	});
});
