// An ONNX sentence encoder (e.g. all-MiniLM-L6-v2 exported with its
// vocab.txt) in place of averaged word vectors, run on the CPU by
// onnxruntime-node. The model file is the user's; nothing is downloaded.
// Inputs it may declare: input_ids, attention_mask, token_type_ids (int64,
// [batch, tokens]). Its first output is either a sentence embedding
// [batch, dims] or token states [batch, tokens, dims], mean-pooled here.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {InferenceSession, Tensor} from 'onnxruntime-node';
import {ReelError} from '../errors';
import {normalize, type Embedder} from './embedder';
import {createWordPiece} from './wordpiece';

/** Longer texts are cut: narration sentences and clip descriptions are far shorter. */
const MAX_TOKENS = 128;

const vocabFor = (modelFile: string): string => {
	for (const candidate of [modelFile.replace(/\.onnx$/i, '.vocab.txt'), path.join(path.dirname(modelFile), 'vocab.txt')]) {
		if (existsSync(candidate)) return candidate;
	}
	throw new ReelError('BAD_OPTION', `${modelFile}: no vocab.txt beside the model (the encoder's WordPiece vocabulary)`);
};

const tensorOf = (rows: number[][], width: number, value: (row: number[], j: number) => number) => {
	const data = new BigInt64Array(rows.length * width);
	rows.forEach((row, i) => {
		for (let j = 0; j < width; j++) data[i * width + j] = BigInt(value(row, j));
	});
	return new Tensor('int64', data, [rows.length, width]);
};

/** One vector per row: the output itself, or the mean of the real (unpadded) tokens' states. */
const pool = (output: Tensor, ids: number[][]): Float32Array[] => {
	const data = output.data as Float32Array;
	const [batch, second, third] = output.dims.map(Number);
	if (output.dims.length === 2) return ids.map((_, i) => normalize(data.slice(i * second, (i + 1) * second)));
	return ids.slice(0, batch).map((row, i) => {
		const v = new Float32Array(third);
		for (let t = 0; t < row.length; t++) for (let d = 0; d < third; d++) v[d] += data[(i * second + t) * third + d] / row.length;
		return normalize(v);
	});
};

export const createOnnxEmbedder = async ({modelFile, model}: {modelFile: string; model?: Uint8Array}): Promise<Embedder> => {
	if (!model && !existsSync(modelFile)) throw new ReelError('BAD_OPTION', `${modelFile}: embedder model not found`);
	const tokenizer = createWordPiece(readFileSync(vocabFor(modelFile), 'utf8'));
	const session = await InferenceSession.create(model ?? readFileSync(modelFile));
	let dims = 0;
	const embed = async (texts: string[]): Promise<Float32Array[]> => {
		if (!texts.length) return [];
		const ids = texts.map((t) => tokenizer.encode(t, MAX_TOKENS));
		const width = Math.max(...ids.map((r) => r.length));
		const feeds: Record<string, Tensor> = {};
		const inputs: Record<string, Tensor> = {
			input_ids: tensorOf(ids, width, (r, j) => r[j] ?? 0),
			attention_mask: tensorOf(ids, width, (r, j) => (j < r.length ? 1 : 0)),
			token_type_ids: tensorOf(ids, width, () => 0),
		};
		for (const name of session.inputNames) {
			if (!inputs[name]) throw new ReelError('BAD_OPTION', `${modelFile}: unexpected model input "${name}" (expected input_ids, attention_mask, token_type_ids)`);
			feeds[name] = inputs[name];
		}
		const result = await session.run(feeds);
		const vectors = pool(result[session.outputNames[0]], ids);
		dims = vectors[0].length;
		return vectors;
	};
	await embed(['warm up']);
	return {id: `onnx:${path.basename(modelFile)}`, get dims() {
		return dims;
	}, embed};
};
