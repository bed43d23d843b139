// Long audio on two cores: cut at a pause near the middle; the main thread
// aligns the first half forwards from the text's first word (placing as many
// words as that half holds), a worker thread aligns the second half backwards
// from the text's last word, and the words between where the two stopped are
// aligned last, in the audio between them. Neither half needs a guess of
// where in the text the cut falls. The worker starts on the first long take
// and stays for the next (unref'd: it never holds the process open).
import {availableParallelism} from 'node:os';
import {Worker} from 'node:worker_threads';
import {findPauses, HOP_MS} from './activity';
import {decodeBackward, type BackwardResult} from './backward';
import type {DecodeJob} from './decode-worker';
import type {DecodedWord, loadEngine} from './engine';
import {decodeInWindows, decodeWithRetry, refit, slice, windowEnd, type DecodeInput, type WindowOptions} from './windows';

type Engine = Awaited<ReturnType<typeof loadEngine>>;
type Result = ReturnType<typeof decodeInWindows>;
type Reply = {id: number; result?: BackwardResult; error?: string};

/**
 * Where to cut, as a share of the audio: the main thread also measures the audio
 * before and refines the words after, and its forward windows (prefix grammar,
 * redone margins) cost more than the worker's backward ones, so it takes less.
 * Measured on the 5-minute take: cut at 50%, main 10.3 s of CPU and worker 6.6 s;
 * at 40%, 7.4 s and 8.1 s. The main thread now also runs the voice detector
 * (about 1 s for 5 minutes) while it waits: at 42%, main 10.1 s and worker 9.4 s
 * (on a machine loaded 13 deep, which inflates both).
 */
const FIRST_HALF_SHARE = 0.4;

let worker: {thread: Worker; pending: Map<number, (reply: Reply) => void>; nextId: number} | null = null;

const startWorker = () => {
	const thread = new Worker(new URL('./decode-worker.mjs', import.meta.url), {execArgv: []});
	const state = {thread, pending: new Map<number, (reply: Reply) => void>(), nextId: 1};
	const fail = (message: string) => {
		if (worker === state) worker = null;
		for (const resolve of state.pending.values()) resolve({id: 0, error: message});
		state.pending.clear();
	};
	thread.on('message', (reply: Reply) => {
		state.pending.get(reply.id)?.(reply);
		state.pending.delete(reply.id);
		if (state.pending.size === 0) thread.unref();
	});
	thread.on('error', (error) => fail(error.message));
	thread.on('exit', (code) => fail(`decode worker exited with code ${code}`));
	thread.unref();
	return state;
};

/** Starts the worker and has it load its model, ahead of a long take's second half. */
export const warmDecodeWorker = (): void => {
	if (availableParallelism() >= 2) (worker ??= startWorker()).thread.postMessage({warm: true});
};

const runInWorker = (job: Omit<DecodeJob, 'id'>): Promise<BackwardResult> => {
	const state = (worker ??= startWorker());
	const id = state.nextId++;
	return new Promise((resolve, reject) => {
		state.pending.set(id, (reply) => (reply.result ? resolve(reply.result) : reject(new Error(reply.error ?? 'no result'))));
		state.thread.ref();
		state.thread.postMessage({...job, id}, [job.samples.buffer as ArrayBuffer]);
	});
};

const shift = (words: DecodedWord[], byMs: number): DecodedWord[] => words.map((w) => ({...w, startMs: w.startMs + byMs, endMs: w.endMs + byMs}));

/** The words neither half placed (`from` to `to`), in the audio between the halves; evenly spread, with no confidence, if even that fails. */
const bridge = (engine: Engine, {samples, sampleRate, keys, starts, speech, from, to, fromMs, toMs}: {samples: Float32Array; sampleRate: number; keys: string[]; starts: number[]; speech: Uint8Array; from: number; to: number; fromMs: number; toMs: number}): DecodedWord[] => {
	if (to <= from) return [];
	const window = {samples: slice(samples, fromMs, toMs, sampleRate), offsetMs: fromMs, keys: keys.slice(from, to)};
	const local = starts.filter((s) => s > from && s < to).map((s) => s - from);
	const words = (toMs - fromMs >= 100 ? refit(engine, decodeWithRetry(engine, window), {...window, starts: [0, ...local], speech}) : null) ??
		Array.from({length: to - from}, (_, i) => ({wordIndex: i, startMs: fromMs + ((toMs - fromMs) * i) / (to - from), endMs: fromMs + ((toMs - fromMs) * (i + 1)) / (to - from), probability: 0}));
	return words.map((w) => (w.wordIndex < 0 ? w : {...w, wordIndex: w.wordIndex + from}));
};

/** Both halves' words as one run, or null when the audio is too short or one core is all there is. */
export const decodeInHalves = async (request: DecodeInput & {
	options: WindowOptions & {parallelMinMs: number};
	entries: [string, string][];
}): Promise<Result | null> => {
	const {engine, samples, sampleRate, keys, starts, speech, options, entries} = request;
	const durationMs = (samples.length * 1000) / sampleRate;
	if (durationMs < options.parallelMinMs || availableParallelism() < 2) return null;
	const cutMs = windowEnd(findPauses(speech, 300), durationMs * FIRST_HALF_SHARE);
	const cutSample = Math.round((cutMs * sampleRate) / 1000);
	const cutFrame = Math.round(cutMs / HOP_MS);
	const wordsPerSpeechMs = keys.length / Math.max(1000, speech.reduce((n, s) => n + s, 0) * HOP_MS);
	const job = {samples: samples.slice(cutSample), sampleRate, keys, starts, speech: speech.slice(cutFrame), options, wordsPerSpeechMs, entries};
	const second = runInWorker(job).catch(() => null); // the worker could not run: the main thread does this half too
	const firstHalf = decodeInWindows({engine, samples: samples.subarray(0, cutSample), sampleRate, keys, starts, speech: speech.subarray(0, cutFrame), options, openEnd: true, wordsPerSpeechMs});
	if (firstHalf.failedFrom !== null) return firstHalf; // what follows the failure is estimated by the caller
	const secondHalf = (await second) ?? decodeBackward({engine, ...job, samples: samples.subarray(cutSample), speech: speech.subarray(cutFrame)});
	const placed = firstHalf.words.filter((w) => w.wordIndex >= 0).length;
	// Where the halves overlap in the text (both placed a word), the first half's word stands.
	const rest = shift(secondHalf.words, cutMs).filter((w) => w.wordIndex < 0 || w.wordIndex >= placed);
	const restFrom = rest.find((w) => w.wordIndex >= 0)?.wordIndex ?? keys.length;
	const lastEndMs = firstHalf.words.at(-1)?.endMs ?? 0;
	const between = bridge(engine, {samples, sampleRate, keys, starts, speech, from: placed, to: restFrom, fromMs: lastEndMs, toMs: rest.find((w) => w.wordIndex >= 0)?.startMs ?? durationMs});
	// Every word is placed now; words the bridge could only spread carry no confidence and are reported as such.
	return {words: [...firstHalf.words, ...between, ...rest], failedFrom: null, failedAtMs: durationMs};
};
