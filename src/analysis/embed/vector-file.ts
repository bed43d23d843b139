// The compact word-vector file: written once from the 300 MB JSON, read in
// milliseconds. Layout (little-endian):
//   "REELVEC2" | u32 count | u32 dims | u32 wordBytes | words (UTF-8, "\n"-joined)
//   | pad to 4 | u32 rank[count] | f32 scale[count] | i8 vector[count * dims]
// Words are sorted (code-unit order) so a lookup is a binary search: building
// a Map of 120k words costs more than everything else in loading together.
// Vectors are L2-normalised, then quantised to int8 with one scale per word.
export const MAGIC = 'REELVEC2';

export type VectorTable = {words: string[]; dims: number; ranks: Uint32Array; scales: Float32Array; values: Int8Array};

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

export const decodeVectorFile = (bytes: Uint8Array, source: string): VectorTable => {
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buf.length < 20 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${source}: not a reel word-vector file (rebuild with npm run prepare-models)`);
	const n = buf.readUInt32LE(8);
	const dims = buf.readUInt32LE(12);
	const head = 20 + buf.readUInt32LE(16);
	const start = head + ((4 - (head % 4)) % 4);
	if (buf.length !== start + n * 8 + n * dims) throw new Error(`${source}: truncated word-vector file (delete it to rebuild)`);
	// Typed arrays need aligned offsets; the file buffer's own offset is not guaranteed.
	const ranks = new Uint32Array(copyAligned(bytes, start, n * 4));
	const scales = new Float32Array(copyAligned(bytes, start + n * 4, n * 4));
	const values = new Int8Array(buf.buffer, buf.byteOffset + start + n * 8, n * dims);
	return {words: buf.toString('utf8', 20, head).split('\n'), dims, ranks, scales, values};
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
