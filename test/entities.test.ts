// Named entities in matching: a multi-word name is one concept matched whole
// (and through WordNet), figures are no concept at all.
import {beforeAll, describe, expect, test} from 'vitest';
import {sceneConcepts} from '../src/analysis/concepts/concepts';
import {findEntities, nameRuns} from '../src/analysis/concepts/entities';
import {openWordNet} from '../src/analysis/concepts/wordnet';
import {createGloveEmbedder} from '../src/analysis/embed/glove-embedder';
import {loadWordVectors, type WordVectors} from '../src/analysis/embed/word-vectors';
import {createSemanticMatcher} from '../src/analysis/match/matchers';
import {tokenize} from '../src/analysis/script/nlp';

const wordnet = openWordNet();
let vectors: WordVectors;
beforeAll(async () => {
	vectors = await loadWordVectors();
});

describe('entities', () => {
	test('wink finds amounts and dates; runs of capitalised proper nouns are names', () => {
		const text = 'In 1969 the crew flew from New York to the Sea of Tranquility with $5 million.';
		const kinds = findEntities({text, tokens: tokenize(text)}).map((e) => `${e.kind}:${e.text}`);
		expect(kinds).toContain('date:1969');
		expect(kinds).toContain('name:New York');
		expect(kinds).toContain('money:$5 million');
		// A capitalised sentence opener alone is not a name.
		expect(nameRuns(tokenize('Storms always pass.'))).toEqual([]);
	});

	test('a name is one concept, expanded through WordNet; figures are none', () => {
		const concepts = sceneConcepts({text: 'Three hundred people arrived in New York in 1969.', wordnet});
		const terms = concepts.map((c) => c.term);
		expect(terms).toContain('new york');
		expect(terms).not.toContain('new');
		expect(terms).not.toContain('york');
		expect(terms).not.toContain('1969');
		expect(terms).not.toContain('hundred');
		expect(terms).toContain('people');
		expect(concepts.find((c) => c.term === 'new york')!.expansions.map((e) => e.term)).toContain('city');
	});

	test('a scene naming a place matches the clip tagged with that name whole, not a clip that shares one of its words', async () => {
		const clips = [
			{id: 'fresh-start', description: 'A new green shoot sprouting from dark soil', tags: ['new', 'growth', 'spring']},
			{id: 'nyc', description: 'Aerial view of Manhattan skyscrapers at dusk', tags: ['new york', 'skyline', 'city']},
			{id: 'desert', description: 'Sand dunes under a hot sun', tags: ['desert', 'sand']},
		];
		const matcher = await createSemanticMatcher({clips, vectors, embedder: createGloveEmbedder(vectors), wordnet, useConcepts: true});
		const [scores] = await matcher.score(['We finally landed in New York.']);
		const ranked = [...scores].sort((a, b) => b.score - a.score);
		expect(ranked[0].clipId).toBe('nyc');
		expect(ranked[0].reasons).toContain('matched "new york"');
		expect(scores.find((s) => s.clipId === 'fresh-start')!.reasons).not.toContain('matched "new"');
	});
});
