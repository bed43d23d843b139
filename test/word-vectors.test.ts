// The compact vector file on inline data: conversion from the wink JSON
// layout (streamed in tiny chunks), binary round trip, lookups.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {convertGlove} from '../src/analysis/embed/convert-glove';
import {dot} from '../src/analysis/embed/embedder';
import {decodeVectorFile, encodeVectorFile, findWord, openVectorFile} from '../src/analysis/embed/vector-file';
import {wordVectorsFromTable} from '../src/analysis/embed/word-vectors';

// The wink layout: each vector is [dims…, l2norm, frequency rank].
const WINK_JSON = JSON.stringify({
	precision: 8,
	l2NormIndex: 3,
	wordIndex: 4,
	size: 6,
	dimensions: 3,
	words: ['the', ',', 'ocean', 'sea', '2019', 'spreadsheet'],
	vectors: {
		the: [0.1, 0.1, 0.1, 0.17, 0],
		',': [0.2, 0, 0, 0.2, 1],
		ocean: [1, 0.1, 0, 1.005, 2],
		sea: [0.9, 0.2, 0, 0.922, 3],
		'2019': [0, 0, 1, 1, 4],
		spreadsheet: [0, 0.2, 1, 1.02, 5],
	},
	unkVector: [0, 0, 0, -1],
});

describe('word-vector cache', () => {
	test('conversion keeps the most frequent plain words, in rank order, whatever the chunk size', async () => {
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'reel-vec-')), 'tiny.json');
		writeFileSync(file, WINK_JSON);
		const table = decodeVectorFile(await convertGlove({jsonFile: file, options: {maxWords: 3, chunkBytes: 7}}), 'tiny');
		expect(table.words).toEqual(['ocean', 'sea', 'the']);
		expect(Array.from(table.ranks)).toEqual([1, 2, 0]);
		const vectors = wordVectorsFromTable(table);
		expect(vectors.rank('the')).toBe(0);
		expect(vectors.vector('spreadsheet')).toBeNull();
		expect(dot(vectors.vector('ocean')!, vectors.vector('sea')!)).toBeGreaterThan(0.97);
		expect(dot(vectors.vector('ocean')!, vectors.vector('ocean')!)).toBeCloseTo(1, 2);
	});

	test('int8 round trip keeps cosines within 0.01, and a damaged file says how to fix it', () => {
		const words = ['b', 'a', 'c'];
		const vectors = [Float32Array.from([3, -1, 2]), Float32Array.from([0.5, 0.5, -0.2]), Float32Array.from([-1, 0, 0.1])];
		const bytes = encodeVectorFile({words, dims: 3, vectors});
		const table = decodeVectorFile(bytes, 'x');
		const wv = wordVectorsFromTable(table);
		const unit = (v: Float32Array) => v.map((x) => x / Math.hypot(...v));
		expect(dot(wv.vector('b')!, wv.vector('a')!)).toBeCloseTo(dot(unit(vectors[0]), unit(vectors[1])), 2);
		expect(findWord(table.words, 'c')).toBe(2);
		expect(findWord(table.words, 'zz')).toBe(-1);
		expect(() => decodeVectorFile(bytes.slice(0, bytes.length - 5), 'cache.bin')).toThrow('cache.bin: truncated word-vector file (delete it to rebuild)');
		expect(() => decodeVectorFile(new Uint8Array(40), 'cache.bin')).toThrow('not a reel word-vector file');
	});

	test('read from the file row by row, the table is the one decoded from memory', () => {
		const words = ['b', 'a', 'c', 'dd'];
		const vectors = words.map((_, i) => Float32Array.from([i + 1, -i, 0.5 * i, 2]));
		const bytes = encodeVectorFile({words, dims: 4, vectors});
		const file = path.join(mkdtempSync(path.join(tmpdir(), 'reel-vec-')), 'v.bin');
		writeFileSync(file, bytes);
		const [fromFile, fromMemory] = [openVectorFile(file), decodeVectorFile(bytes, 'x')];
		expect(fromFile.words).toEqual(fromMemory.words);
		expect(Array.from(fromFile.ranks)).toEqual(Array.from(fromMemory.ranks));
		expect(Array.from(fromFile.scales)).toEqual(Array.from(fromMemory.scales));
		for (let i = 0; i < words.length; i++) expect(Array.from(fromFile.row(i))).toEqual(Array.from(fromMemory.row(i)));
		expect(Array.from(fromFile.row(3))).not.toEqual(Array.from(fromFile.row(2)));
		writeFileSync(file, bytes.subarray(0, bytes.length - 1));
		expect(() => openVectorFile(file)).toThrow(`${file}: truncated word-vector file (delete it to rebuild)`);
	});
});
