// Comparing two renders of one plan: PSNR of a frame, and how closely the
// audio around a moment follows the reference.
import {decodeWav, type PcmAudio} from '../../src/analysis/audio/wav';
import {runFfBytes} from '../../src/render/ff';

/** Peak signal-to-noise ratio of two RGB frames, in dB (Infinity when identical). */
export const psnr = (a: Buffer, b: Buffer): number => {
	if (a.length !== b.length || a.length === 0) throw new Error(`frames differ in size: ${a.length} vs ${b.length} bytes`);
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
	const mse = sum / a.length;
	return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
};

export const decodeAudio = async (file: string): Promise<PcmAudio> =>
	decodeWav(await runFfBytes({args: ['-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', '-f', 'wav', '-']}));

const rms = (x: Float32Array): number => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / Math.max(1, x.length));

/**
 * Around `atMs` (± halfMs): the RMS level of the reference and of the
 * difference `test − reference` (a gap, a shifted join or a click makes it
 * large), and the largest sample-to-sample step in each (a click is a step far
 * above the reference's).
 */
export const compareAudioAt = ({reference, test, atMs, halfMs}: {reference: PcmAudio; test: PcmAudio; atMs: number; halfMs: number}) => {
	const from = Math.max(0, Math.round(((atMs - halfMs) * reference.sampleRate) / 1000));
	const to = Math.round(((atMs + halfMs) * reference.sampleRate) / 1000);
	const ref = reference.samples.subarray(from, to);
	const got = test.samples.subarray(from, to);
	const diff = ref.map((v, i) => v - (got[i] ?? 0));
	const maxStep = (x: Float32Array) => x.reduce((m, v, i) => (i === 0 ? 0 : Math.max(m, Math.abs(v - x[i - 1]))), 0);
	return {referenceRms: rms(ref), differenceRms: rms(diff), maxStep: maxStep(got), referenceMaxStep: maxStep(ref)};
};
