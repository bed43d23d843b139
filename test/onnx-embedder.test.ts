// The ONNX path end to end with a model the test writes itself: WordPiece
// ids in, mean-pooled token states out, used by the same matcher as GloVe.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {dot} from '../src/analysis/embed/embedder';
import {createOnnxEmbedder} from '../src/analysis/embed/onnx-embedder';
import {createWordPiece} from '../src/analysis/embed/wordpiece';
import {buildEmbeddingModel} from './helpers/onnx-model';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'ocean', 'sea', 'data', 'spread', '##sheet', 'waves', '.'];
// 3-d "meanings": water, numbers, (unused). Special tokens are zero so they do not pull the mean.
const TABLE = [
	[0, 0, 0],
	[0, 0, 0],
	[0, 0, 0],
	[0, 0, 0],
	[1, 0, 0],
	[0.9, 0.1, 0],
	[0, 1, 0],
	[0, 0.8, 0.2],
	[0, 0.9, 0.1],
	[0.95, 0, 0.05],
	[0, 0, 0],
];

const setUp = () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'reel-onnx-'));
	const modelFile = path.join(dir, 'tiny.onnx');
	writeFileSync(modelFile, buildEmbeddingModel(TABLE));
	writeFileSync(path.join(dir, 'vocab.txt'), VOCAB.join('\n') + '\n');
	return modelFile;
};

describe('ONNX embedder', () => {
	test('WordPiece splits unknown words into known pieces and marks the rest unknown', () => {
		const wp = createWordPiece(VOCAB.join('\n'));
		expect(wp.encode('Spreadsheet, ocean!', 16)).toEqual([2, 7, 8, 1, 4, 1, 3]);
	});

	test('a hand-built model loads and its vectors put sea near ocean, far from a spreadsheet', async () => {
		const embedder = await createOnnxEmbedder({modelFile: setUp()});
		const [ocean, sea, sheet] = await embedder.embed(['ocean', 'the sea.', 'spreadsheet']);
		expect(embedder.dims).toBe(3);
		expect(dot(ocean, sea)).toBeGreaterThan(0.9);
		expect(dot(ocean, sheet)).toBeLessThan(0.1);
		// Padding does not change a shorter text's vector in a batch.
		const [alone] = await embedder.embed(['sea']);
		const [padded] = await embedder.embed(['sea', 'ocean waves ocean waves']);
		expect(Array.from(padded)).toEqual(Array.from(alone));
	});

	test('a missing model or vocabulary is a one-line error naming the file', async () => {
		await expect(createOnnxEmbedder({modelFile: '/nowhere/model.onnx'})).rejects.toThrow('/nowhere/model.onnx: embedder model not found');
		const dir = mkdtempSync(path.join(tmpdir(), 'reel-onnx-'));
		writeFileSync(path.join(dir, 'm.onnx'), buildEmbeddingModel(TABLE));
		await expect(createOnnxEmbedder({modelFile: path.join(dir, 'm.onnx')})).rejects.toThrow('no vocab.txt');
	});
});
