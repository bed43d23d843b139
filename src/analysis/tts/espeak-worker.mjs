// The espeak-ng engine on its own thread. Plain JS on purpose: espeak.ts starts
// this worker without the tsx loader, which would otherwise re-transform the
// 840 KB engine (≈ +0.6 s and +90 MB on every cold start), and synthesis then
// leaves the main thread free for the other analysis stages.
// Protocol: {id, kind: 'voices'} → {id, voices}; {id, kind: 'synth', ssml, voice,
// rateWpm, pitch} → {id, audio: Int16Array, sampleRate, events} | {id, unknownVoice: true};
// {id, kind: 'phonemes', text, voice} → {id, phonemes} (IPA, "_" between phonemes,
// " " between words, " | " between clauses: what a Piper voice reads) | {id, unknownVoice: true};
// any failure → {id, error}. {kind: 'warm', voice} (no id) compiles the engine
// ahead of the first request without changing what any request returns, and
// answers {warmed: true} once done, or {warmed: false} when it was not needed.
//
// The engine is vendor/espeak-ng: the same espeak-ng source and glue as
// @echogarden/espeak-ng-emscripten, compiled to WebAssembly instead of that
// package's wasm2js JavaScript (same audio and events, bit for bit; see its
// README). Its voice data is still the package's espeak-ng.data, mounted here.
//
// Speed notes (measured):
// - WebAssembly: V8 compiles the engine up front (Liftoff, then TurboFan in the
//   background), so the first sentence takes ~40 ms instead of the ~195 ms the
//   wasm2js build needed to warm its JIT, and the engine costs about half the CPU.
// - The engine's main loop calls our chunk callback: one lean callback that only
//   copies bytes, with events decoded after synthesis, instead of the package's
//   per-call closure and per-event wrapper objects.
// - warm-up speaks a short text while the main thread is busy with other
//   stages, then puts the engine's memory back exactly as it was: espeak keeps
//   state between utterances (a warm-up sentence left in place shifts later
//   word timings by a few ms), so without the restore it would change results.
import {fstatSync, openSync, readFileSync, readSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import {parentPort} from 'node:worker_threads';

const require = createRequire(import.meta.url);
const VENDOR = new URL('../../../vendor/espeak-ng/', import.meta.url);
const init = require(fileURLToPath(new URL('espeak-ng.cjs', VENDOR))); // a path with spaces stays one
const wasmBinary = readFileSync(new URL('espeak-ng.wasm', VENDOR));
let compiled = null; // compiled once, instantiated per engine (a rebuilt engine reuses it)
const DATA_ROOT = '/usr/share/espeak-ng-data';
const dataPath = require.resolve('@echogarden/espeak-ng-emscripten/espeak-ng.data');
const dataFiles = JSON.parse(readFileSync(new URL('data-files.json', VENDOR), 'utf8'));
const LAYOUT_FILE = fileURLToPath(new URL('memory-layout.json', VENDOR));
const layout = JSON.parse(readFileSync(LAYOUT_FILE, 'utf8')); // see memory-layout.mjs
/** Set by a test: after each restore, the whole memory is compared with a full copy taken before. */
const CHECK_RESTORE = process.env.REEL_ESPEAK_CHECK_RESTORE === '1';
const dataFd = openSync(dataPath, 'r'); // open for the worker's life: files are read when espeak first reads them
const dataSize = fstatSync(dataFd).size;
if (dataSize !== dataFiles.size) {
	throw new Error(`${dataPath}: ${dataSize} bytes, expected ${dataFiles.size} (vendor/espeak-ng/data-files.json was made for another version of the package)`);
}
const REGULAR_FILE_READ_ONLY = 0o100444;

/**
 * Puts the voice data files into the engine's file system before espeak starts,
 * each read from the data file only when espeak first reads it. Of its 24 MB an
 * English voice reads under 1 MB (the phoneme tables, its dictionary, the voice
 * list); reading all of it and mounting each file through the FS's path calls
 * cost ~150 ms of a cold start here.
 */
const mountData = (module) => {
	const dirs = new Map();
	for (const [name, start, end] of dataFiles.files) {
		const slash = name.lastIndexOf('/');
		const dir = slash < 0 ? DATA_ROOT : `${DATA_ROOT}/${name.slice(0, slash)}`;
		let parent = dirs.get(dir);
		if (!parent) {
			module.FS_createPath('/', dir.slice(1), true, true);
			dirs.set(dir, (parent = module.FS.lookupPath(dir).node));
		}
		// The in-memory FS's own node: it reads a file from `contents` up to `usedBytes`.
		const node = parent.node_ops.mknod(parent, name.slice(slash + 1), REGULAR_FILE_READ_ONLY, 0);
		node.usedBytes = end - start;
		const settle = (value) => Object.defineProperty(node, 'contents', {value, writable: true, configurable: true, enumerable: true});
		Object.defineProperty(node, 'contents', {
			configurable: true,
			enumerable: true,
			get() {
				const bytes = new Uint8Array(end - start);
				let read;
				try {
					read = readSync(dataFd, bytes, 0, bytes.length, start);
				} catch (error) {
					throw new Error(`${dataPath}: reading ${name}: ${error.message}`);
				}
				if (read !== bytes.length) throw new Error(`${dataPath}: short read of ${name}`);
				settle(bytes);
				return bytes;
			},
			set: settle,
		});
	}
};

/** Spoken once to compile the engine. At most 119 UTF-8 bytes: the glue's 128-byte string buffer then needs no extra allocation. */
const WARM_UP_TEXT = 'Every morning at 7, the sun rises over the quiet hills, and birds sing. Is it late? No!';

// espeak_EVENT (wasm32): type @0, text_position @8, audio_position @16, id @28 (int number, or char[8] string).
const EVENT_SIZE = 36;
const AT_TEXT_POSITION = 8;
const AT_AUDIO_POSITION = 16;
const AT_ID = 28;

/** emscripten's UTF8ArrayToString (what the package's event wrapper uses), so phoneme names come out the same. */
const utf8At = (bytes, index) => {
	let end = index;
	while (bytes[end]) end++;
	if (end - index > 16) return new TextDecoder().decode(bytes.subarray(index, end));
	let text = '';
	while (index < end) {
		let u0 = bytes[index++];
		if (!(u0 & 128)) {
			text += String.fromCharCode(u0);
			continue;
		}
		const u1 = bytes[index++] & 63;
		if ((u0 & 224) === 192) {
			text += String.fromCharCode(((u0 & 31) << 6) | u1);
			continue;
		}
		const u2 = bytes[index++] & 63;
		if ((u0 & 240) === 224) u0 = ((u0 & 15) << 12) | (u1 << 6) | u2;
		else u0 = ((u0 & 7) << 18) | (u1 << 12) | (u2 << 6) | (bytes[index++] & 63);
		if (u0 < 65536) text += String.fromCharCode(u0);
		else {
			const ch = u0 - 65536;
			text += String.fromCharCode(55296 | (ch >> 10), 56320 | (ch & 1023));
		}
	}
	return text;
};

/**
 * V8 recompiles a WebAssembly function with TurboFan, on another thread, once it
 * has run for a while (its "tiering budget"). espeak's busy functions get there
 * within the first sentences: ~200 ms of compiling on the other core while a
 * short plan runs, for sentences that then come a little faster. With a budget
 * 100× V8's default, only what keeps running for long is recompiled. Measured
 * here: a cold 150-word plan 730 ms against 831 ms (medians of 8, CPU 1.16 s
 * against 1.37 s), and 100 sentences in a row no slower. V8 takes the budget as
 * the module is compiled (set only around the instance, it changed nothing), so
 * it is raised for espeak's compiling alone and put back at once.
 */
const DEFAULT_TIERING_BUDGET = 1_800_000; // V8's (node --v8-options), as Node 20 ships it
const ESPEAK_TIERING_BUDGET = 100 * DEFAULT_TIERING_BUDGET;
const compileEspeak = () => {
	setFlagsFromString(`--wasm-tiering-budget=${ESPEAK_TIERING_BUDGET}`);
	try {
		compiled ??= new WebAssembly.Module(wasmBinary);
	} finally {
		setFlagsFromString(`--wasm-tiering-budget=${DEFAULT_TIERING_BUDGET}`);
	}
};

/**
 * The glue's engine start with our compiled module. Its instantiateWasm hook must not throw:
 * the glue would log the error and never settle. A failure is kept and thrown by the caller.
 */
const initEspeak = async () => {
	compileEspeak();
	let failure = null;
	const ready = init({
		wasmBinary,
		preRun: [mountData],
		instantiateWasm: (imports, receive) => {
			try {
				receive(new WebAssembly.Instance(compiled, imports));
			} catch (error) {
				failure = error;
			}
			return {}; // the glue takes the exports from `receive`
		},
	});
	if (failure) throw failure; // the hook runs within init(), before it returns
	return ready;
};

/** Engines made in this worker: 1 unless one had to be rebuilt (replies carry it, for the tests). */
let engines = 0;

const createEngine = async () => {
	const listening = ['uncaughtException', 'unhandledRejection'].map((event) => [event, process.listeners(event)]);
	const module = await initEspeak();
	// The glue's Node start-up adds process-wide error listeners on every init(): they would keep a
	// discarded engine alive (and rethrow what they catch anyway). Taken off again.
	for (const [event, before] of listening) for (const listener of process.listeners(event)) if (!before.includes(listener)) process.off(event, listener);
	// The glue's _malloc and _free are stand-ins that put the real function in their place on their
	// first call: called once here, so that isolated() wraps (and records) the real ones. Wrapping a
	// stand-in recorded only a call's first allocation, and every sentence longer than the glue's
	// 128-byte string buffer then looked like a failure and rebuilt the engine.
	module._free(module._malloc(8));
	engines++;
	const engine = new module.eSpeakNGWorker();
	if (engine.getSizeOfEventStruct_() !== EVENT_SIZE) throw new Error(`unexpected espeak_EVENT size ${engine.getSizeOfEventStruct_()}`);
	const {espeakEVENT_LIST_TERMINATED: LIST_END, espeakEVENT_WORD: WORD, espeakEVENT_PHONEME: PHONEME, espeakEVENT_END: END} = module;

	// Raw copies of each chunk the engine hands over (its buffers are reused); decoded after synthesis.
	let audioChunks = [];
	let eventChunks = [];
	const onChunk = module.addFunction((audioPtr, length, eventsPtr) => {
		audioChunks.push(module.HEAP16.slice(audioPtr >> 1, (audioPtr >> 1) + length));
		const heap32 = module.HEAP32;
		let end = eventsPtr;
		while (heap32[end >> 2] !== LIST_END) end += EVENT_SIZE;
		eventChunks.push(module.HEAPU8.slice(eventsPtr, end + EVENT_SIZE)); // with the terminator, as a name may run into it
		return 0; // 1 would abort synthesis
	}, 'iiii'); // a WebAssembly table entry needs its signature: int (short*, int, espeak_EVENT*)

	// Only these events carry timing; the rest would just be cloned across threads.
	const decodeEvents = (bytes, events) => {
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		for (let at = 0; ; at += EVENT_SIZE) {
			const type = view.getInt32(at, true);
			if (type === LIST_END) return;
			if (type !== WORD && type !== PHONEME && type !== END) continue;
			events.push({
				type: type === WORD ? 'word' : type === PHONEME ? 'phoneme' : 'end',
				textPosition: view.getInt32(at + AT_TEXT_POSITION, true),
				audioMs: view.getInt32(at + AT_AUDIO_POSITION, true),
				id: type === WORD ? view.getInt32(at + AT_ID, true) : type === PHONEME ? utf8At(bytes, at + AT_ID) : undefined,
			});
		}
	};

	/** What the package's synthesize() does, with one long-lived callback. */
	const speak = (ssml) => {
		audioChunks = [];
		eventChunks = [];
		let chunks;
		let eventBytes;
		try {
			engine.synth_(ssml, onChunk);
		} finally {
			[chunks, eventBytes] = [audioChunks, eventChunks];
			audioChunks = [];
			eventChunks = [];
		}
		const audio = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
		chunks.reduce((at, c) => (audio.set(c, at), at + c.length), 0);
		const events = [];
		for (const bytes of eventBytes) decodeEvents(bytes, events);
		return {audio, sampleRate: engine.samplerate, events};
	};

	/**
	 * What the engine has written: its statics, its stack (as deep as it went), its heap.
	 * Saved once per request and put back after it; the rest of its memory was never
	 * written, and the 16 MB copied whole cost ~100 ms on the first sentence, most of it
	 * the kernel mapping pages of zeros that were never touched.
	 */
	const {staticEnd, stackTop, sbrkPointer} = layout;
	const PAGE = 4096;
	/**
	 * A run of zero pages this long ends the stack: below it, nothing was ever written. (A frame
	 * that left 64 KB of its own stack unwritten would stop the scan early; the worker's test
	 * runs in the checking mode, which would see the bytes left behind.)
	 */
	const STACK_GAP_PAGES = 16;
	const zeroPage = (words, page) => {
		for (let i = page * (PAGE / 4), end = i + PAGE / 4; i < end; i++) if (words[i] !== 0) return false;
		return true;
	};
	/** The stack's lowest written byte's page start, scanning down from its top. */
	const stackLow = () => {
		const words = module.HEAP32;
		let low = stackTop;
		for (let page = stackTop / PAGE - 1, zeros = 0; page >= staticEnd / PAGE && zeros < STACK_GAP_PAGES; page--) {
			if (zeroPage(words, page)) zeros++;
			else [low, zeros] = [page * PAGE, 0];
		}
		return low;
	};
	const heapEnd = () => {
		const end = module.HEAP32[sbrkPointer >> 2];
		if (!(end >= stackTop && end <= module.HEAPU8.length)) throw new Error(`${LAYOUT_FILE}: sbrk's pointer holds ${end}, not an address in the heap: the file does not fit espeak-ng.wasm (see memory-layout.mjs)`);
		return end;
	};
	// One buffer for the engine's life, grown when needed: fresh memory costs more here than copying.
	let saved = new Uint8Array(0);
	const save = () => {
		const heap = module.HEAPU8;
		const [low, end] = [stackLow(), heapEnd()];
		const size = staticEnd + end - low;
		if (saved.length < size) saved = new Uint8Array(size + (1 << 20));
		saved.set(heap.subarray(0, staticEnd), 0);
		saved.set(heap.subarray(low, end), staticEnd); // the stack, then the heap right above it
		return {low, end, length: heap.length, full: CHECK_RESTORE ? heap.slice() : null};
	};
	const restore = ({low, end, length, full}) => {
		// Read before the statics (sbrk's pointer among them) are put back: how deep and how far the work went.
		const [deepest, furthest] = [stackLow(), Math.max(end, heapEnd())];
		const heap = module.HEAPU8; // larger than before if synthesis grew the memory
		heap.set(saved.subarray(0, staticEnd), 0);
		heap.fill(0, Math.min(deepest, low), low);
		heap.set(saved.subarray(staticEnd, staticEnd + end - low), low);
		heap.fill(0, end, furthest);
		heap.fill(0, length);
		if (!full) return true;
		const now = Buffer.from(module.HEAPU8.buffer);
		return now.subarray(0, full.length).equals(full) && now.subarray(full.length).every((byte) => byte === 0);
	};

	/**
	 * Runs `work` and then restores the engine's memory, so the next request finds
	 * espeak exactly as before. Besides memory, the only state the glue keeps for
	 * espeak is its string buffer (malloc'd from JS) and open files; both are
	 * checked. Returns work's result and whether the engine can still be trusted.
	 */
	const isolated = (work) => {
		const before = save();
		const openFiles = module.FS.streams.filter(Boolean).length;
		const {_malloc: malloc, _free: free} = module;
		const glueCalls = [];
		module._malloc = (size) => {
			const ptr = malloc(size);
			glueCalls.push({size, ptr});
			return ptr;
		};
		module._free = (ptr) => {
			glueCalls.push({ptr});
			free(ptr);
		};
		let ok = true;
		let result;
		try {
			result = work();
		} catch (error) {
			ok = false; // an abort leaves the engine's stack pointer behind
			result = {error};
		} finally {
			module._malloc = malloc;
			module._free = free;
			try {
				if (!restore(before)) {
					ok = false;
					result = {error: new Error('espeak-worker: memory after the restore differs from before the request')};
				}
			} catch (error) {
				ok = false; // half restored: the engine is rebuilt
				result = {error};
			}
		}
		// The glue's buffer (re)allocations stay in effect on the JS side: redo them, which must land where they did.
		for (const call of glueCalls) {
			if (call.size === undefined) free(call.ptr);
			else if (malloc(call.size) !== call.ptr) ok = false;
		}
		return {result, ok: ok && module.FS.streams.filter(Boolean).length === openFiles};
	};

	const warmUp = (voice) =>
		isolated(() => {
			if (engine.set_voice(voice) === 0) {
				engine.set_rate(165);
				engine.set_pitch(50);
				speak(WARM_UP_TEXT);
			}
		}).ok;

	return {module, engine, speak, warmUp, isolated};
};

let state = await createEngine();
let currentVoice = null;
let warmed = false;

/**
 * Every sentence is spoken by the engine as it was before any sentence: espeak
 * keeps state between utterances (the same sentence comes out a few samples
 * longer or shorter after another one), and a narration cached per sentence
 * must sound the same whichever sentences were spoken before it in this run.
 */
const synth = async ({ssml, voice, rateWpm, pitch}) => {
	// The voice is set inside: the restore undoes it with everything else.
	const {result, ok} = state.isolated(() => {
		if (state.engine.set_voice(voice) !== 0) return {unknownVoice: true};
		state.engine.set_rate(rateWpm);
		state.engine.set_pitch(pitch);
		return state.speak(ssml);
	});
	if (!ok) {
		// Never expected. A fresh engine answers as one in a new process would.
		state = await createEngine();
		currentVoice = null;
	}
	if (result.error) throw result.error;
	return result;
};

/** espeak_TextToPhonemes through the glue, which hands back a pointer to a C string. */
const phonemes = ({text, voice}) => {
	if (voice !== currentVoice) {
		if (state.engine.set_voice(voice) !== 0) return {unknownVoice: true};
		currentVoice = voice;
	}
	const module = state.module;
	const at = module.getPointer(state.engine.text_to_phonemes(text, 1));
	let end = at;
	while (module.HEAPU8[end]) end++;
	return {phonemes: new TextDecoder().decode(module.HEAPU8.subarray(at, end))};
};

/** Requests received and not yet answered, warm-ups aside. */
let waiting = 0;

const handle = async (request) => {
	if (request.kind === 'warm') {
		// Requests posted while the engine loaded reach the port's listener only now, one turn later. If
		// one is there, the warm-up would only delay it: that request compiles the engine itself.
		await new Promise((resolve) => setImmediate(resolve));
		const needed = !warmed && waiting === 0;
		warmed = true;
		if (needed && !state.warmUp(request.voice)) {
			// Never expected. A fresh engine answers as one in a new process would, only without the head start.
			state = await createEngine();
			currentVoice = null;
		}
		parentPort.postMessage({warmed: needed});
		return;
	}
	waiting--;
	try {
		if (request.kind === 'voices') {
			const voices = state.engine.list_voices().flatMap((v) => v.languages.map((l) => l.name));
			parentPort.postMessage({id: request.id, voices});
			return;
		}
		const result = request.kind === 'phonemes' ? phonemes(request) : await synth(request);
		parentPort.postMessage({id: request.id, ...result, engines}, result.audio ? [result.audio.buffer] : []);
	} catch (error) {
		parentPort.postMessage({id: request.id, error: String(error?.stack ?? error)});
	}
};

// One request at a time, in order (a rebuild after warm-up is asynchronous).
// A failed rebuild ends the worker; espeak-engine.ts then starts a fresh one.
let queue = Promise.resolve();
parentPort.on('message', (request) => {
	if (request.kind !== 'warm') waiting++;
	queue = queue.then(() => handle(request)).catch((error) => setImmediate(() => {
		throw error;
	}));
});
