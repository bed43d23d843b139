// The tokens a plan read, stored per script so the next run need not load
// wink's model: a run that reads a new text stores what it read, a run that
// finds every text primed stores nothing, and primed tokens are what
// tokenize() returns (the memo is consulted before wink).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createCacheStore} from '../src/analysis/cache/store';
import {primeTokens, tokenize, type Token} from '../src/analysis/script/nlp';
import {primeTokenCache, TOKENS_STAGE} from '../src/analysis/script/tokens-cache';

const savedEnv = process.env.REEL_CACHE_DIR;
let dir = '';

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'reel-tokens-'));
	process.env.REEL_CACHE_DIR = dir;
});
afterAll(() => {
	// Deleting, not assigning undefined: that would set the string "undefined".
	if (savedEnv === undefined) delete process.env.REEL_CACHE_DIR;
	else process.env.REEL_CACHE_DIR = savedEnv;
	rmSync(dir, {recursive: true, force: true});
});

describe('tokens cache', () => {
	test('primed tokens are returned without reading the text', () => {
		const made: Token[] = [{text: 'zqxw', lemma: 'zqxw', pos: 'NOUN', stop: false, kind: 'word'}];
		primeTokens([['zqxw vvv primed', made]]);
		expect(tokenize('zqxw vvv primed')).toBe(made);
	});

	test('a run that reads new texts stores them; the next run is primed and stores nothing', async () => {
		const sceneTexts = [`Lanterns drift over the harbour ${Date.now()}.`];
		const first = createCacheStore();
		const run1 = await primeTokenCache({cache: first, sceneTexts});
		const tokens = tokenize(sceneTexts[0]);
		await run1.save();
		expect(first.counts[TOKENS_STAGE]).toEqual({hits: 0, misses: 1});
		expect(first.wrote()).toBe(true);

		const second = createCacheStore();
		const run2 = await primeTokenCache({cache: second, sceneTexts});
		expect(tokenize(sceneTexts[0])).toEqual(tokens);
		await run2.save();
		expect(second.counts[TOKENS_STAGE]).toEqual({hits: 1, misses: 0});
		expect(second.wrote()).toBe(false);
	});
});
