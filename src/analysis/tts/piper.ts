// Narration from a Piper voice (a VITS model exported to ONNX) run on the CPU
// by onnxruntime-node. espeak-ng (the same worker as the espeak engine) turns
// the text into IPA; the voice's config turns that into ids; the model returns
// the waveform. One session per voice file, reused for every sentence.
import {existsSync} from 'node:fs';
import type * as Ort from 'onnxruntime-node';
import {loadOrt, type OrtModule} from '../audio/onnx';
import {ReelError} from '../errors';
import {enginePhonemes} from './espeak-engine';
import {readPiperConfig, type PiperConfig} from './piper-config';
import {phonemesToIds, piperPhonemes} from './piper-phonemes';

export type PiperOptions = {
	/** The voice's `.onnx` file; its config is the same path + `.json`. */
	model: string;
	/** Multiplies the voice's length_scale: 1.25 speaks a quarter slower. @default 1 */
	lengthFactor: number;
	/** Override the voice's noise_scale / noise_w (variation in sound and timing). */
	noiseScale?: number;
	noiseW?: number;
	/** Multi-speaker voices only. @default 0 */
	speaker: number;
};

export type PiperVoice = {model: string; config: PiperConfig; session: Ort.InferenceSession; ort: OrtModule};

const voices = new Map<string, Promise<PiperVoice>>();
const REQUIRED_INPUTS = ['input', 'input_lengths', 'scales'];

const openVoice = async (model: string): Promise<PiperVoice> => {
	if (!existsSync(model)) {
		throw new ReelError('VOICE_MISSING', `${model}: Piper voice model not found (add one with: npm run voices -- add path/to/voice.onnx)`);
	}
	const config = await readPiperConfig(`${model}.json`);
	const ort = await loadOrt();
	const session = await ort.InferenceSession.create(model, {graphOptimizationLevel: 'all'}).catch((error: Error) => {
		throw new ReelError('VOICE_BROKEN', `${model}: onnxruntime cannot load this model (${error.message.split('\n')[0]}); download the voice again`);
	});
	const lacking = REQUIRED_INPUTS.filter((name) => !session.inputNames.includes(name));
	if (lacking.length > 0 || !session.outputNames.includes('output')) {
		throw new ReelError('VOICE_BROKEN', `${model}: not a Piper model: inputs ${session.inputNames.join(', ')}, outputs ${session.outputNames.join(', ')} (expected input, input_lengths, scales → output)`);
	}
	return {model, config, session, ort};
};

/** The voice at `model`, opened once per process (a failed open is retried next time). */
export const loadPiperVoice = (model: string): Promise<PiperVoice> => {
	let voice = voices.get(model);
	if (!voice) {
		voice = openVoice(model);
		voices.set(model, voice);
		voice.catch(() => voices.delete(model));
	}
	return voice;
};

/** The phonemes and ids for one sentence, with any IPA symbols the voice does not know. */
export const sentenceIds = async (voice: PiperVoice, text: string): Promise<{phonemes: string[]; ids: number[]; missing: string[]}> => {
	const espeak = await enginePhonemes({text, voice: voice.config.espeakVoice});
	if (espeak === null) {
		throw new ReelError('VOICE_BROKEN', `${voice.model}.json: espeak.voice "${voice.config.espeakVoice}" is not an espeak-ng voice this build has`);
	}
	const phonemes = piperPhonemes({text, espeak, vowelClusters: voice.config.vowelClusters});
	return {phonemes, ...phonemesToIds(phonemes, voice.config.idMap)};
};

/**
 * Runs the model on one sentence's ids: mono samples at the voice's rate, and,
 * for voices exported with a duration output, the samples each id produced.
 */
export const infer = async (voice: PiperVoice, ids: number[], options: PiperOptions): Promise<{samples: Float32Array; idSamples: number[] | null}> => {
	const {ort, session, config} = voice;
	const scales = [options.noiseScale ?? config.scales.noise, config.scales.length * options.lengthFactor, options.noiseW ?? config.scales.noiseW];
	const feeds: Record<string, Ort.Tensor> = {
		input: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
		input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
		scales: new ort.Tensor('float32', Float32Array.from(scales), [3]),
	};
	if (session.inputNames.includes('sid')) {
		if (!(Number.isInteger(options.speaker) && options.speaker >= 0 && options.speaker < config.numSpeakers)) {
			throw new ReelError('BAD_OPTION', `${voice.model}: speaker must be 0–${config.numSpeakers - 1}, got ${options.speaker}`);
		}
		feeds.sid = new ort.Tensor('int64', BigInt64Array.from([BigInt(options.speaker)]), [1]);
	}
	const result = await session.run(feeds);
	// [1, 1, samples]: a copy, so the tensor's native buffer can be released.
	const samples = Float32Array.from(result.output.data as Float32Array);
	const durations = session.outputNames.length > 1 ? result[session.outputNames.find((n) => n !== 'output')!]?.data : undefined;
	const idSamples = durations && durations.length === ids.length ? Array.from(durations as ArrayLike<number | bigint>, (f) => Number(f) * config.hopLength) : null;
	return {samples, idSamples};
};
