// Where espeak-ng.wasm keeps what it writes, read from the binary, so the
// worker can save and restore just that around each sentence instead of all
// 16 MB (whose first copy cost ~100 ms here: the pages were never touched).
// emscripten 3.1.6 (wasm-ld) lays memory out as: static data and zeroed
// statics from 1024, the stack (5 MiB, emscripten's default, growing down to
// them), then the heap, which sbrk() hands out upwards from the stack's top.
//   node vendor/espeak-ng/memory-layout.mjs > vendor/espeak-ng/memory-layout.json
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

/** emscripten's default stack size (TOTAL_STACK); build.sh does not change it. */
const STACK_BYTES = 5 * 1024 * 1024;

/**
 * {staticEnd, stackTop, sbrkPointer}: statics lie below staticEnd, the stack
 * below stackTop (the stack pointer's start, which is also the heap's base),
 * and the 32-bit word at sbrkPointer holds the heap's current end (the one
 * data word that starts out holding the heap's base).
 */
export const memoryLayout = (wasm) => {
	let at = 8;
	const unsigned = () => {
		let value = 0;
		for (let shift = 0; ; shift += 7) {
			const byte = wasm[at++];
			value += (byte & 0x7f) * 2 ** shift;
			if (!(byte & 0x80)) return value;
		}
	};
	const i32Const = () => {
		if (wasm[at++] !== 0x41) throw new Error('espeak-ng.wasm: expected an i32.const initialiser');
		let value = 0;
		let shift = 0;
		let byte;
		do {
			byte = wasm[at++];
			value |= (byte & 0x7f) << shift;
			shift += 7;
		} while (byte & 0x80);
		if (shift < 32 && byte & 0x40) value |= -1 << shift;
		if (wasm[at++] !== 0x0b) throw new Error('espeak-ng.wasm: expected the end of an initialiser');
		return value;
	};
	let stackTop = null;
	const segments = [];
	while (at < wasm.length) {
		const id = wasm[at++];
		const size = unsigned();
		const end = at + size;
		if (id === 6) {
			unsigned(); // count: the first global is the stack pointer
			if (wasm[at] !== 0x7f || wasm[at + 1] !== 1) throw new Error('espeak-ng.wasm: its first global is not a mutable i32 (the stack pointer)');
			at += 2;
			stackTop = i32Const();
		} else if (id === 11) {
			for (let count = unsigned(); count > 0; count--) {
				if (unsigned() !== 0) throw new Error('espeak-ng.wasm: a data segment other than active, in memory 0');
				const offset = i32Const();
				const length = unsigned();
				segments.push({offset, bytes: wasm.subarray(at, at + length)});
				at += length;
			}
		}
		at = end;
	}
	if (stackTop === null) throw new Error('espeak-ng.wasm: no stack pointer');
	// A segment leaves out its trailing zeros, so a word may end past it.
	const word = ({offset, bytes}, address) => [0, 1, 2, 3].reduce((sum, k) => sum + (bytes[address - offset + k] ?? 0) * 256 ** k, 0);
	const sbrk = segments.flatMap((segment) => {
		const found = [];
		for (let address = Math.ceil(segment.offset / 4) * 4; address < segment.offset + segment.bytes.length; address += 4) if (word(segment, address) === stackTop) found.push(address);
		return found;
	});
	if (sbrk.length !== 1) throw new Error(`espeak-ng.wasm: ${sbrk.length} data words hold the heap's base, expected 1 (sbrk's pointer)`);
	const dataEnd = Math.max(...segments.map((s) => s.offset + s.bytes.length));
	const staticEnd = stackTop - STACK_BYTES;
	if (staticEnd < dataEnd) throw new Error(`espeak-ng.wasm: its data reaches ${dataEnd}, into a ${STACK_BYTES}-byte stack below ${stackTop}`);
	return {staticEnd, stackTop, sbrkPointer: sbrk[0]};
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	console.log(JSON.stringify(memoryLayout(readFileSync(new URL('espeak-ng.wasm', import.meta.url)))));
}
