// A second decoder on its own thread: the second half of a long take, aligned
// backwards from its end (backward.ts), while the main thread aligns the first
// half forwards (see parallel.ts). The decoder is synchronous WebAssembly, so a
// second thread is the only way to use a second core.
// Protocol: DecodeJob → {id, result: BackwardResult} | {id, error}; {warm: true} (no reply) loads the model.
import {parentPort} from 'node:worker_threads';
import {decodeBackward} from './backward';
import {addWords, loadEngine} from './engine';
import type {DecodeInput} from './windows';

export type DecodeJob = Omit<DecodeInput, 'engine'> & {
	id: number;
	wordsPerSpeechMs: number;
	/** Dictionary entries the main thread added (words not in CMUdict). */
	entries: [string, string][];
};

parentPort?.on('message', (job: DecodeJob | {warm: true}) => {
	if ('warm' in job) return void loadEngine().catch(() => undefined); // a failure shows on the next job
	loadEngine()
		.then((engine) => {
			addWords(engine, job.entries);
			parentPort?.postMessage({id: job.id, result: decodeBackward({engine, ...job})});
		})
		.catch((error: Error) => parentPort?.postMessage({id: job.id, error: error.message}));
});
