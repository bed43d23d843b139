// The compact word-vector file: written once from the 300 MB JSON, read in
// milliseconds. Layout (little-endian):
//   "REELVEC2" | u32 count | u32 dims | u32 wordBytes | words (UTF-8, "\n"-joined)
//   | pad to 4 | u32 rank[count] | f32 scale[count] | i8 vector[count * dims]
// Words are sorted (code-unit order) so a lookup is a binary search: building
// a Map of 120k words costs more than everything else in loading together.
// Vectors are L2-normalised, then quantised to int8 with one scale per word.
import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {readExactly} from '../cache/files';

export const MAGIC = 'REELVEC2';

export type VectorTable = {
	words: string[];
	dims: number;
	ranks: Uint32Array;
	scales: Float32Array;
	/** The quantised vector of the word at `index` in `words`. */
	row: (index: number) => Int8Array;
};

/** `words` in frequency order (most frequent first); ranks are their positions. */
export const encodeVectorFile = ({words, dims, vectors}: {words: string[]; dims: number; vectors: Float32Array[]}): Uint8Array => {
	const order = words.map((_, i) => i).sort((a, b) => (words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : 0));
	const wordBytes = Buffer.from(order.map((i) => words[i]).join('\n'), 'utf8');
	const head = 20 + wordBytes.length;
	const start = head + ((4 - (head % 4)) % 4);
	const n = words.length;
	const out = Buffer.alloc(start + n * 8 + n * dims);
	out.write(MAGIC, 0, 'latin1');
	out.writeUInt32LE(n, 8);
	out.writeUInt32LE(dims, 12);
	out.writeUInt32LE(wordBytes.length, 16);
	wordBytes.copy(out, 20);
	const ranks = new Uint32Array(out.buffer, out.byteOffset + start, n);
	const scales = new Float32Array(out.buffer, out.byteOffset + start + n * 4, n);
	const values = new Int8Array(out.buffer, out.byteOffset + start + n * 8, n * dims);
	order.forEach((rank, i) => {
		const v = vectors[rank];
		const norm = Math.hypot(...v) || 1;
		const maxAbs = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0) / norm || 1;
		ranks[i] = rank;
		scales[i] = maxAbs / 127;
		for (let d = 0; d < dims; d++) values[i * dims + d] = Math.round(v[d] / norm / scales[i]);
	});
	return out;
};

const copyAligned = (bytes: Uint8Array, from: number, length: number): ArrayBuffer => {
	const copy = new Uint8Array(length);
	copy.set(bytes.subarray(from, from + length));
	return copy.buffer;
};

/** Reads the layout from the first 20 bytes; `size` is the whole file's. */
const readLayout = (first: Buffer, size: number, source: string) => {
	if (first.length < 20 || first.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${source}: not a reel word-vector file (rebuild with npm run prepare-models)`);
	const n = first.readUInt32LE(8);
	const dims = first.readUInt32LE(12);
	const head = 20 + first.readUInt32LE(16);
	const start = head + ((4 - (head % 4)) % 4);
	if (size !== start + n * 8 + n * dims) throw new Error(`${source}: truncated word-vector file (delete it to rebuild)`);
	return {n, dims, head, start, valuesAt: start + n * 8};
};

/** Everything but the vectors, from a buffer holding at least the file up to them. */
const readIndex = (bytes: Uint8Array, {n, dims, head, start}: ReturnType<typeof readLayout>) => {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// Typed arrays need aligned offsets; the file buffer's own offset is not guaranteed.
	const ranks = new Uint32Array(copyAligned(bytes, start, n * 4));
	const scales = new Float32Array(copyAligned(bytes, start + n * 4, n * 4));
	return {words: buf.toString('utf8', 20, head).split('\n'), dims, ranks, scales};
};

export const decodeVectorFile = (bytes: Uint8Array, source: string): VectorTable => {
	const layout = readLayout(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.byteLength, source);
	const values = new Int8Array(bytes.buffer, bytes.byteOffset + layout.valuesAt, layout.n * layout.dims);
	return {...readIndex(bytes, layout), row: (i) => values.subarray(i * layout.dims, (i + 1) * layout.dims)};
};

/**
 * The file's words, ranks and scales, with each vector read from the file when
 * first asked for. A plan looks up a few thousand of the 120k words: reading
 * the 12 MB of vectors whole took ~150 ms of a cold plan here (most of it the
 * kernel handing out fresh pages), their rows take a few ms. The file stays
 * open for the process's life.
 */
export const openVectorFile = (file: string): VectorTable => {
	const fd = openSync(file, 'r');
	try {
		const first = Buffer.alloc(20);
		readSync(fd, first, 0, 20, 0);
		const layout = readLayout(first, fstatSync(fd).size, file);
		const index = Buffer.allocUnsafe(layout.valuesAt);
		readExactly(fd, index, 0, file);
		const row = (i: number) => {
			const bytes = new Int8Array(layout.dims);
			readExactly(fd, bytes, layout.valuesAt + i * layout.dims, file, 'the file changed since it was opened: run again');
			return bytes;
		};
		return {...readIndex(index, layout), row};
	} catch (error) {
		closeSync(fd);
		throw error;
	}
};

/** Position of `word` in the sorted list, or -1. */
export const findWord = (words: string[], word: string): number => {
	let lo = 0;
	let hi = words.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const w = words[mid];
		if (w === word) return mid;
		if (w < word) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
};
