// The content-addressed cache, in process: an unchanged script is all hits,
// one edited sentence re-synthesises only that sentence and still gives the
// cold run's plan, and damaged entries are rebuilt, never trusted.
import {readdirSync, readFileSync, truncateSync, utimesSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {makePlan} from '../src/analysis/pipeline/make-plan';
import {cacheStats, enforceSizeBound} from '../src/analysis/cache/evict';
import {createCacheStore, entryFile, readEntry, writeEntry} from '../src/analysis/cache/store';
import {formatCacheCounts} from '../src/cli/outputs';
import type {Plan} from '../src/plan';
import {CACHE_SCRIPT, makeCacheFixture, withoutReport} from './helpers/cache-fixture';
import {PARALLEL_SUFFIX, stagesTotalMs} from '../src/analysis/report/stages';

let fx: Awaited<ReturnType<typeof makeCacheFixture>>;
const savedEnv = process.env.REEL_CACHE_DIR;

/** Plans with REEL_CACHE_DIR set to `cache` (read at each use, so it can change between runs). */
const planWith = (cache: string, scriptFile = fx.script): Promise<Plan> => {
	process.env.REEL_CACHE_DIR = cache;
	return makePlan({scriptFile, clipsDir: fx.clips});
};

const allFiles = (dir: string): string[] => readdirSync(dir, {recursive: true, withFileTypes: true}).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

beforeAll(async () => {
	fx = await makeCacheFixture('reel-cache-');
}, 60_000);
afterAll(() => {
	process.env.REEL_CACHE_DIR = savedEnv;
});

describe('plan cache', () => {
	test('a second plan of an unchanged script is a cache hit at every stage', async () => {
		const cache = fx.freshCache();
		const cold = await planWith(cache);
		const warm = await planWith(cache);
		const total = stagesTotalMs(warm.report.stagesMs);
		// Cold: the engine speaks on its thread while the clip folder is scanned and the matcher loads beside it,
		// outside the total; warm: no matcher.
		expect(cold.report.stagesMs[`models${PARALLEL_SUFFIX}`]).toBeGreaterThan(0);
		expect(cold.report.stagesMs[`clips${PARALLEL_SUFFIX}`]).toBeGreaterThanOrEqual(0);
		// (A fresh cache also converts the word vectors, beside narration too.)
		const beside = ['clips', 'models', 'vector-cache-build'].reduce((sum, stage) => sum + (cold.report.stagesMs[`${stage}${PARALLEL_SUFFIX}`] ?? 0), 0);
		expect(stagesTotalMs(cold.report.stagesMs)).toBe(Object.values(cold.report.stagesMs).reduce((a, b) => a + b, 0) - beside);
		expect(Object.keys(warm.report.stagesMs).some((k) => k.startsWith('models'))).toBe(false);
		console.log(`warm plan stage ${total} ms (${JSON.stringify(warm.report.stagesMs)}); cache ${formatCacheCounts(warm.report.cache!)}`);
		expect(Object.values(cold.report.cache!).every((c) => c.hits === 0)).toBe(true);
		expect(warm.report.cache).toEqual({scenes: {hits: 1, misses: 0}, probes: {hits: 2, misses: 0}, narration: {hits: 1, misses: 0}, plan: {hits: 1, misses: 0}});
		expect(withoutReport(warm)).toEqual(withoutReport(cold));
	}, 120_000);

	test('one changed sentence re-synthesises that sentence only, and the plan equals a cold run', async () => {
		const cache = fx.freshCache();
		await planWith(cache);
		const edited = path.join(fx.dir, 'weather-edited.txt');
		writeFileSync(edited, CACHE_SCRIPT.replace('Suddenly the storm hits!', 'Suddenly the great storm hits!'));
		const incremental = await planWith(cache, edited);
		console.log(`after one edit: cache ${formatCacheCounts(incremental.report.cache!)}`);
		expect(incremental.report.cache!.sentences).toEqual({hits: 3, misses: 1});
		expect(incremental.report.cache!.probes).toEqual({hits: 2, misses: 0});
		const cold = await planWith(fx.freshCache(), edited);
		expect(cold.report.cache!.sentences).toEqual({hits: 0, misses: 4});
		expect(withoutReport(incremental)).toEqual(withoutReport({...cold, title: incremental.title}));
	}, 120_000);

	test('damaged entries (truncated, or bytes flipped) are rebuilt, and the plan is the same', async () => {
		const cache = fx.freshCache();
		const cold = await planWith(cache);
		const files = allFiles(path.join(cache, 'store'));
		files.forEach((file, i) => {
			if (i % 2) truncateSync(file, 20);
			else {
				const bytes = readFileSync(file);
				bytes[bytes.length - 1] ^= 0xff;
				writeFileSync(file, bytes);
			}
		});
		const again = await planWith(cache);
		expect(Object.values(again.report.cache!).every((c) => c.hits === 0)).toBe(true);
		expect(withoutReport(again)).toEqual(withoutReport(cold));
		expect((await planWith(cache)).report.cache!.plan).toEqual({hits: 1, misses: 0});
	}, 120_000);
});

describe('store', () => {
	test('a verified entry reads back; a damaged one reads as missing and is removed', async () => {
		process.env.REEL_CACHE_DIR = fx.freshCache();
		await writeEntry('t', 'k', Buffer.from('hello'));
		expect((await readEntry('t', 'k'))?.toString()).toBe('hello');
		const file = entryFile('t', 'k');
		writeFileSync(file, readFileSync(file, 'latin1').replace('hello', 'jello'), 'latin1');
		expect(await readEntry('t', 'k')).toBeNull();
		expect(allFiles(path.dirname(file))).toEqual([]);
	});

	test('over the size bound, the least recently used entries go first', async () => {
		process.env.REEL_CACHE_DIR = fx.freshCache();
		const store = createCacheStore();
		for (const key of ['a', 'b', 'c', 'd']) await store.put('t', key, Buffer.alloc(1000));
		const day = 86_400;
		['a', 'b', 'c', 'd'].forEach((key, i) => utimesSync(entryFile('t', key), day * (i + 1), day * (i + 1)));
		await store.get('t', 'a'); // used now: the newest
		const {evicted} = await enforceSizeBound({maxBytes: 2500});
		expect(evicted).toBe(2);
		expect(readdirSync(path.join(process.env.REEL_CACHE_DIR, 'store', 't')).sort()).toEqual(['a', 'd']);
		const stats = await cacheStats();
		expect(stats.areas.t.files).toBe(2);
	});

	test('a temporary file left by a killed run is removed once stale, not while a live run may still rename it', async () => {
		process.env.REEL_CACHE_DIR = fx.freshCache();
		await writeEntry('t', 'k', Buffer.from('x'));
		const dir = path.dirname(entryFile('t', 'k'));
		writeFileSync(path.join(dir, '.old.1.aa.tmp'), 'half');
		writeFileSync(path.join(dir, '.new.2.bb.tmp'), 'half');
		utimesSync(path.join(dir, '.old.1.aa.tmp'), 86_400, 86_400);
		await enforceSizeBound();
		expect(readdirSync(dir).sort()).toEqual(['.new.2.bb.tmp', 'k']);
	});
});
