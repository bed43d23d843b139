// A tiny ONNX model written by hand (protobuf wire format), so the ONNX
// embedder is tested without downloading one: input_ids → Gather from an
// embedding table → token states [batch, tokens, dims], like a sentence
// encoder's last_hidden_state.
const varint = (n: number): number[] => {
	const out: number[] = [];
	let v = n;
	while (v > 127) {
		out.push((v & 127) | 128);
		v = Math.floor(v / 128);
	}
	out.push(v);
	return out;
};
const key = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, n: number) => [...key(field, 0), ...varint(n)];
const bytes = (field: number, data: number[] | Uint8Array) => [...key(field, 2), ...varint(data.length), ...data];
const str = (field: number, s: string) => bytes(field, [...Buffer.from(s, 'utf8')]);

const INT64 = 7;
const FLOAT = 1;

/** dims: numbers are fixed sizes, strings are symbolic (batch, tokens). */
const valueInfo = (name: string, elemType: number, dims: (number | string)[]) => {
	const shape = dims.flatMap((d) => bytes(1, typeof d === 'number' ? int(1, d) : str(2, d)));
	const tensorType = [...int(1, elemType), ...bytes(2, shape)];
	return [...str(1, name), ...bytes(2, bytes(1, tensorType))];
};

export const buildEmbeddingModel = (table: number[][]): Uint8Array => {
	const dims = table[0].length;
	const raw = new Uint8Array(new Float32Array(table.flat()).buffer);
	const initializer = [...int(1, table.length), ...int(1, dims), ...int(2, FLOAT), ...str(8, 'table'), ...bytes(9, raw)];
	const node = [...str(1, 'table'), ...str(1, 'input_ids'), ...str(2, 'last_hidden_state'), ...str(3, 'lookup'), ...str(4, 'Gather')];
	const graph = [
		...bytes(1, node),
		...str(2, 'tiny-encoder'),
		...bytes(5, initializer),
		...bytes(11, valueInfo('input_ids', INT64, ['batch', 'tokens'])),
		...bytes(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'tokens', dims])),
	];
	const opset = [...str(1, ''), ...int(2, 13)];
	return new Uint8Array([...int(1, 8), ...str(2, 'reel-test'), ...bytes(7, graph), ...bytes(8, opset)]);
};
