// The meaning-based matcher on inline libraries, with the real word vectors
// (built once by test/global-setup.ts) and WordNet.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {sceneConcepts} from '../src/analysis/concepts/concepts';
import {openWordNet} from '../src/analysis/concepts/wordnet';
import {createGloveEmbedder} from '../src/analysis/embed/glove-embedder';
import {loadWordVectors, type WordVectors} from '../src/analysis/embed/word-vectors';
import {evaluateMatcher, type Query} from '../src/analysis/match/evaluate';
import {createKeywordMatcher, createSemanticMatcher, type Matcher} from '../src/analysis/match/matchers';
import type {ClipDoc} from '../src/analysis/match/semantic';

const wordnet = openWordNet();
let vectors: WordVectors;
beforeAll(async () => {
	vectors = await loadWordVectors();
});
const full = (clips: ClipDoc[]): Promise<Matcher> => createSemanticMatcher({clips, vectors, embedder: createGloveEmbedder(vectors), wordnet, useConcepts: true});
const ranking = async (matcher: Matcher, text: string) => (await matcher.score([text]))[0].sort((a, b) => b.score - a.score);

describe('concepts', () => {
	test('"an ocean of data": data is literal, ocean figurative and lighter, both expanded through WordNet', () => {
		const concepts = sceneConcepts({text: 'We live in an ocean of data.', wordnet});
		const ocean = concepts.find((c) => c.term === 'ocean')!;
		const data = concepts.find((c) => c.surface === 'data')!;
		expect(ocean.figurative).toBe(true);
		expect(ocean.weight).toBeLessThan(data.weight);
		expect(ocean.expansions.map((e) => e.term)).toContain('water');
		expect(ocean.expansions.every((e) => e.weight < 1)).toBe(true);
		expect(sceneConcepts({text: 'The kids ran through the woods.', wordnet}).find((c) => c.term === 'wood')?.expansions.map((e) => e.term)).toContain('forest');
	});
});

describe('semantic matcher', () => {
	const clips: ClipDoc[] = [
		{id: 'spreadsheet', description: 'Spreadsheet with rows of numbers on an office monitor', tags: ['finance', 'office']},
		{id: 'ocean', description: 'Waves rolling across the open sea', tags: ['ocean', 'water']},
		{id: 'network', description: 'Glowing digital network of connected nodes', tags: ['data', 'technology']},
		{id: 'funeral', description: 'White flowers on a coffin at a funeral', tags: ['grief', 'sad']},
		{id: 'park', description: 'Children playing and giggling in a sunny park', tags: ['joy', 'fun']},
	];

	test('"the ocean of data" prefers the ocean or the data clip over a spreadsheet', async () => {
		const ranked = await ranking(await full(clips), 'We are drowning in the ocean of data.');
		expect(['ocean', 'network']).toContain(ranked[0].clipId);
		const at = (id: string) => ranked.findIndex((r) => r.clipId === id);
		expect(at('spreadsheet')).toBeGreaterThan(Math.max(at('ocean'), at('network')));
	});

	test('"she laughed" is not a funeral, and the reasons say why the winner won', async () => {
		const ranked = await ranking(await full(clips), 'She laughed.');
		expect(ranked[0].clipId).toBe('park');
		expect(ranked.findIndex((r) => r.clipId === 'funeral')).toBeGreaterThan(0);
		expect(ranked[0].reasons.join(' ')).toMatch(/laugh/);
	});

	test('texts prepared ahead (while the narration is spoken) score exactly as texts that were not', async () => {
		const texts = ['We are drowning in the ocean of data.', 'She laughed.', 'The sea was restless all night.'];
		const prepared = await full(clips);
		await prepared.prepare?.(texts.slice(0, 2));
		const plain = await full(clips);
		const scores = (m: Matcher) => m.score(texts).then((all) => all.map((s) => s.map((x) => [x.clipId, x.score, x.reasons])));
		expect(await scores(prepared)).toEqual(await scores(plain));
	});

	test('words a clip never uses still find it: synonyms and near words', async () => {
		const matcher = await full(clips);
		expect((await ranking(matcher, 'The sea was restless all night.'))[0].clipId).toBe('ocean');
		expect((await ranking(matcher, 'We mourned him in silence.'))[0].clipId).toBe('funeral');
	});
});

// A small set written for this test, phrased away from the clips' words.
const MINI_CLIPS: ClipDoc[] = [
	{id: 'storm', description: 'Lightning over a dark plain during a thunderstorm', tags: ['storm', 'weather']},
	{id: 'forest', description: 'Sunlight through tall pine trees', tags: ['forest', 'nature']},
	{id: 'city', description: 'Car light trails on a city highway at night', tags: ['traffic', 'urban']},
	{id: 'kitchen', description: 'A chef chopping vegetables', tags: ['cooking', 'food']},
	{id: 'money', description: 'Hands counting banknotes', tags: ['cash', 'finance']},
	{id: 'space', description: 'Astronaut floating outside a space station', tags: ['orbit', 'astronaut']},
];
const MINI_QUERIES: Query[] = [
	{text: 'The thunder would not stop.', relevant: ['storm']},
	{text: 'We got lost among the woods.', relevant: ['forest']},
	{text: 'Downtown never sleeps.', relevant: ['city']},
	{text: 'Dinner was ready in ten minutes.', relevant: ['kitchen']},
	{text: 'Everyone wants to be rich.', relevant: ['money']},
	{text: 'Up there, gravity lets go of you.', relevant: ['space']},
];

describe('evaluation', () => {
	test('the full matcher beats keyword overlap on sentences phrased away from the clips', async () => {
		const keyword = await evaluateMatcher({matcher: createKeywordMatcher(MINI_CLIPS), queries: MINI_QUERIES});
		const semantic = await evaluateMatcher({matcher: await full(MINI_CLIPS), queries: MINI_QUERIES});
		expect(semantic.recallAt1).toBeGreaterThan(keyword.recallAt1);
		expect(semantic.mrr).toBeGreaterThan(keyword.mrr);
	});

	const devDir = path.join(PROJECT_ROOT, '..', 'shared', 'data', 'match');
	test.skipIf(!existsSync(path.join(devDir, 'queries.jsonl')))('on the development set: full recall@1 ≥ 0.6 and 15 points above keywords', async () => {
		const read = <T>(f: string) => readFileSync(path.join(devDir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as T);
		const lib = read<ClipDoc>('library.jsonl');
		const queries = read<Query>('queries.jsonl');
		const keyword = await evaluateMatcher({matcher: createKeywordMatcher(lib), queries});
		const semantic = await evaluateMatcher({matcher: await full(lib), queries});
		expect(semantic.recallAt1).toBeGreaterThanOrEqual(0.6);
		expect(semantic.recallAt1 - keyword.recallAt1).toBeGreaterThanOrEqual(0.15);
	});
});
