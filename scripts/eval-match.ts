// npm run eval:match -- [--data DIR]: keyword overlap, the sentence vector and
// the full matcher side by side on a folder of library.jsonl + queries.jsonl.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {openWordNet} from '../src/analysis/concepts/wordnet';
import {createGloveEmbedder} from '../src/analysis/embed/glove-embedder';
import {loadWordVectors} from '../src/analysis/embed/word-vectors';
import {evaluateMatcher, formatMetrics, type Query} from '../src/analysis/match/evaluate';
import {createKeywordMatcher, createSemanticMatcher} from '../src/analysis/match/matchers';
import type {ClipDoc} from '../src/analysis/match/semantic';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';

const readJsonl = async <T>(file: string): Promise<T[]> =>
	(await readFile(file, 'utf8'))
		.split('\n')
		.filter((l) => l.trim())
		.map((l, i) => {
			try {
				return JSON.parse(l) as T;
			} catch {
				throw new Error(`${file}:${i + 1}: not valid JSON`);
			}
		});

const main = async () => {
	const {values} = parseArgs({options: {data: {type: 'string'}}});
	const dir = path.resolve(values.data ?? path.join(PROJECT_ROOT, '..', 'shared', 'data', 'match'));
	const clips = await readJsonl<ClipDoc>(path.join(dir, 'library.jsonl'));
	const queries = await readJsonl<Query>(path.join(dir, 'queries.jsonl'));
	const vectors = await loadWordVectors();
	const embedder = createGloveEmbedder(vectors);
	const wordnet = openWordNet();
	const matchers = [
		createKeywordMatcher(clips),
		await createSemanticMatcher({clips, vectors, embedder, wordnet, useConcepts: false}),
		await createSemanticMatcher({clips, vectors, embedder, wordnet, useConcepts: true}),
	];
	console.log(`${path.relative(process.cwd(), dir) || dir}: ${clips.length} clips, ${queries.length} queries`);
	for (const matcher of matchers) console.log(formatMetrics(matcher.name, await evaluateMatcher({matcher, queries})));
};

main().catch((error: Error) => {
	console.error(`error: ${error.message}`);
	process.exit(1);
});
