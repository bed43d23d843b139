// dsp.wasm (built from dsp.c by scripts/build-dsp.sh): the loudness finish's
// sample loops, and arenas of WebAssembly memory to run them on. An arena's
// memory never grows, since growing would detach every array already handed
// out over it; a caller sizes it for all it will hold.
import {readFileSync} from 'node:fs';

type Pointer = number;

type Kernels = {
	meter: (x: Pointer, n: number, state: Pointer, coef: Pointer, marks: Pointer, starts: Pointer, ends: Pointer) => void;
	envelope: (s: Pointer, n: number, out: Pointer, floor: number, taps: Pointer, tapGain: number) => void;
	true_peak: (s: Pointer, n: number, taps: Pointer, tapGain: number) => number;
	highest: (s: Pointer, n: number) => number;
	limit: (
		s: Pointer, envelope: Pointer, n: number, factor: number, ceiling: number, lookahead: number, rise: number,
		mask: number, need: Pointer, released: Pointer, queue: Pointer, out: Pointer,
	) => void;
	__heap_base: WebAssembly.Global;
};

/** Compiled once per process (4 KB: well under a millisecond); each arena is an instance of it. */
let compiled: WebAssembly.Module | null = null;

const PAGE = 65536;
const ALIGN = 16;
/** The largest memory WebAssembly (32-bit) can address. */
const MAX_BYTES = 65536 * PAGE;

export type Arena = {
	kernels: Kernels;
	memory: WebAssembly.Memory;
	/** Reserves `bytes` (16-byte aligned) and returns where; throws if the arena was sized too small. */
	alloc: (bytes: number) => Pointer;
	/** Bytes left to allocate. */
	free: () => number;
	/** Where the next allocation goes: pass it to `release` to free everything allocated since. */
	mark: () => Pointer;
	release: (to: Pointer) => void;
	f32: (at: Pointer, length: number) => Float32Array;
	f64: (at: Pointer, length: number) => Float64Array;
	i32: (at: Pointer, length: number) => Int32Array;
	/** `samples`' place in this arena: where it lies if it is in this arena's memory, else a copy's. */
	place: (samples: Float32Array) => Pointer;
};

/** Bytes an arena needs for arrays of these byte sizes, each aligned as `alloc` aligns it. */
export const arenaBytes = (...sizes: number[]): number => sizes.reduce((total, size) => total + Math.ceil(size / ALIGN) * ALIGN, 0);

/** A fresh arena with room for `bytes` of buffers (see arenaBytes). */
export const createArena = (bytes: number): Arena => {
	compiled ??= new WebAssembly.Module(readFileSync(new URL('./dsp.wasm', import.meta.url)));
	// The module's own data and its 64 KB stack lie below __heap_base (66 KB for this build): 128 KB
	// are kept for them, and each instance checks that they fit.
	const base = ALIGN * 8192;
	const total = base + bytes;
	if (total > MAX_BYTES) throw new RangeError(`audio too long for the loudness finish: ${Math.round(bytes / 2 ** 20)} MB of buffers, at most ${MAX_BYTES / 2 ** 20 - 1} MB`);
	const memory = new WebAssembly.Memory({initial: Math.ceil(total / PAGE), maximum: Math.ceil(total / PAGE)});
	const kernels = new WebAssembly.Instance(compiled, {env: {memory}}).exports as unknown as Kernels;
	const heapBase = kernels.__heap_base.value as number;
	if (heapBase > base) throw new Error(`dsp.wasm: its data and stack end at ${heapBase}, above the ${base} bytes reserved for them`);
	let next = base;
	const end = total; // not the page's end: a caller that sized an arena too small hears of it at once
	const alloc = (size: number) => {
		const at = next;
		// Counted as arenaBytes counts it, aligned, so an arena sized by arenaBytes holds exactly what it was sized for.
		const aligned = Math.ceil(size / ALIGN) * ALIGN;
		if (at + aligned > end) throw new RangeError(`dsp arena: ${size} more bytes asked for, ${end - at} left`);
		next += aligned;
		return at;
	};
	const buffer = memory.buffer; // never detached: the memory does not grow
	return {
		kernels,
		memory,
		alloc,
		free: () => end - next,
		mark: () => next,
		release: (to) => {
			next = to;
		},
		f32: (at, length) => new Float32Array(buffer, at, length),
		f64: (at, length) => new Float64Array(buffer, at, length),
		i32: (at, length) => new Int32Array(buffer, at, length),
		place: (samples) => {
			if (samples.buffer === buffer) return samples.byteOffset;
			const at = alloc(samples.byteLength);
			new Float32Array(buffer, at, samples.length).set(samples);
			return at;
		},
	};
};
