// The table-driven alignment must give the direct route's numbers exactly:
// every example sentence against every demo clip.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
import {sceneConcepts} from '../src/analysis/concepts/concepts';
import {openWordNet} from '../src/analysis/concepts/wordnet';
import {createGloveEmbedder} from '../src/analysis/embed/glove-embedder';
import {loadWordVectors} from '../src/analysis/embed/word-vectors';
import {sceneTables, tableAlignment} from '../src/analysis/match/align-tables';
import {alignment, buildSemanticIndex, matchConcepts, sceneSide} from '../src/analysis/match/semantic';
import {splitSentences} from '../src/analysis/script/nlp';
import {DEMO_CLIPS} from '../src/compositions/demo/catalog';

test('table alignment equals the direct alignment for every sentence × clip', async () => {
	const vectors = await loadWordVectors();
	const wordnet = openWordNet();
	const clips = [...DEMO_CLIPS.map((c) => ({id: c.name, description: c.description, tags: c.tags})), {id: 'nyc', description: 'New York at night', tags: ['new york', 'city']}];
	const index = await buildSemanticIndex({clips, vectors, embedder: createGloveEmbedder(vectors)});
	const examples = ['storm', 'one-day', 'connected'].map((n) => readFileSync(path.join(__dirname, '..', 'examples', `${n}.txt`), 'utf8'));
	const sentences = [...examples.flatMap((t) => splitSentences(t)), 'We flew over New York in 1969.'];
	let compared = 0;
	for (const text of sentences) {
		const concepts = sceneConcepts({text, wordnet});
		const side = sceneSide(index, concepts);
		const tables = sceneTables(index, side);
		for (const clip of index.clips) {
			expect(tableAlignment(clip, side, tables)).toBeCloseTo(alignment(index, clip, side, matchConcepts(index, clip, concepts)), 9);
			compared++;
		}
	}
	expect(compared).toBeGreaterThan(200);
});
