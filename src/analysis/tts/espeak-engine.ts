// The main-thread side of espeak-worker.mjs: starts it once per process, on
// first use (or on warmUp), and turns its messages into promises. The worker is
// unref'd whenever no request waits on it, so a finished CLI exits without
// having to shut it down, even while a warm-up is still running.
import {Worker} from 'node:worker_threads';
import {ReelError} from '../errors';

export type EngineEvent = {
	type: 'word' | 'phoneme' | 'end';
	/** 1-based, in code points of the SSML that was spoken. */
	textPosition: number;
	/** From the start of this synthesis. */
	audioMs: number;
	/** Phoneme symbol (IPA; empty for pauses and some linking sounds), or word number. */
	id?: string | number;
};
export type EngineSpeech = {audio: Int16Array; sampleRate: number; events: EngineEvent[]};
export type SynthRequest = {kind: 'synth'; ssml: string; voice: string; rateWpm: number; pitch: number};
type Request = SynthRequest | {kind: 'voices'} | {kind: 'phonemes'; text: string; voice: string};
type Reply = {id: number; error?: string; voices?: string[]; phonemes?: string; unknownVoice?: boolean} & Partial<EngineSpeech>;
type WarmReply = {id?: undefined; warmed: boolean};
type Pending = {resolve: (reply: Reply) => void; reject: (error: Error) => void};
type Engine = {worker: Worker; pending: Map<number, Pending>; nextId: number; warming: ((warmed: boolean) => void)[]};

let engine: Engine | null = null;

const start = (): Engine => {
	// No execArgv: the worker must not inherit the tsx loader (see espeak-worker.mjs).
	const worker = new Worker(new URL('./espeak-worker.mjs', import.meta.url), {execArgv: []});
	const state: Engine = {worker, pending: new Map(), nextId: 1, warming: []};
	const fail = (cause: unknown) => {
		if (engine === state) engine = null; // the next call starts a fresh worker
		const error = new ReelError('TTS_FAILED', `espeak-ng engine stopped: ${cause instanceof Error ? cause.message : String(cause)}`);
		for (const p of state.pending.values()) p.reject(error);
		state.pending.clear();
		for (const done of state.warming.splice(0)) done(false);
		void worker.terminate();
	};
	worker.on('message', (reply: Reply | WarmReply) => {
		if (reply.id === undefined) {
			state.warming.shift()?.(reply.warmed);
			return;
		}
		const pending = state.pending.get(reply.id);
		state.pending.delete(reply.id);
		if (state.pending.size === 0) worker.unref();
		pending?.resolve(reply);
	});
	worker.on('error', fail);
	worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
	// After the listeners (a 'message' listener refs it again). call() refs it while an answer is
	// due; requests posted before the worker has loaded wait in its port.
	worker.unref();
	return state;
};

const call = async (request: Request): Promise<Reply> => {
	const state = (engine ??= start());
	const id = state.nextId++;
	const reply = await new Promise<Reply>((resolve, reject) => {
		state.pending.set(id, {resolve, reject});
		state.worker.ref(); // keep the process alive until the answer arrives
		state.worker.postMessage({...request, id});
	});
	if (reply.error) throw new ReelError('TTS_FAILED', `espeak-ng failed: ${reply.error.split('\n')[0]}`);
	return reply;
};

/**
 * Starts the engine now and has it compile itself on a throwaway sentence in
 * `voice` (about as much work as it saves on the first requests), so callers
 * with other work to do first get a warm engine. Skipped if a request is
 * already waiting when the engine has loaded: that request warms it. Results
 * are unchanged: the worker restores the engine's state afterwards. Never
 * blocks process exit. Resolves to whether the warm-up ran; no need to await it.
 */
export const warmUp = (voice: string): Promise<boolean> => {
	const state = (engine ??= start());
	state.worker.postMessage({kind: 'warm', voice});
	return new Promise((resolve) => state.warming.push(resolve));
};

/** Language codes the installed voices answer to. */
export const engineVoices = async (): Promise<string[]> => (await call({kind: 'voices'})).voices ?? [];

/** null when espeak has no voice by that name. */
export const engineSynth = async (request: Omit<SynthRequest, 'kind'>): Promise<EngineSpeech | null> => {
	const reply = await call({kind: 'synth', ...request});
	if (reply.unknownVoice) return null;
	return {audio: reply.audio ?? new Int16Array(0), sampleRate: reply.sampleRate ?? 22050, events: reply.events ?? []};
};

/**
 * IPA as espeak_TextToPhonemes writes it: "_" between phonemes, " " between
 * words, " | " between clauses. null when espeak has no voice by that name.
 */
export const enginePhonemes = async ({text, voice}: {text: string; voice: string}): Promise<string | null> => {
	const reply = await call({kind: 'phonemes', text, voice});
	return reply.unknownVoice ? null : (reply.phonemes ?? '');
};
