// A small clip folder and script for the cache tests, plus plan comparison
// that ignores the run report (timings and cache counts differ by design).
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Plan} from '../../src/plan';
import {makeTestClip} from './media';

export const CACHE_SCRIPT = `The ocean is calm tonight. Waves roll slowly onto the empty beach.

Suddenly the storm hits! By morning the sky is clear again.`;

export const makeCacheFixture = async (prefix: string) => {
	const dir = mkdtempSync(path.join(tmpdir(), prefix));
	const clips = path.join(dir, 'clips');
	mkdirSync(clips);
	await makeTestClip({file: path.join(clips, 'ocean-waves.mp4'), color: [20, 60, 200]});
	await makeTestClip({file: path.join(clips, 'storm-lightning.mp4'), color: [200, 200, 40]});
	const script = path.join(dir, 'weather.txt');
	writeFileSync(script, CACHE_SCRIPT);
	/** A fresh, empty cache folder each call. */
	const freshCache = () => mkdtempSync(path.join(dir, 'cache-'));
	return {dir, clips, script, freshCache};
};

export const withoutReport = ({report: _report, ...rest}: Plan) => rest;
