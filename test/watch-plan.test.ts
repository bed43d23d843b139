// Live Studio without a browser: the watcher re-plans when the script is
// saved and rewrites the plan file Studio reads; a broken save keeps the last
// good plan and reports the problem beside it.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {watchPlan, type PlanWatcher} from '../src/cli/watch-plan';
import {makeCacheFixture} from './helpers/cache-fixture';

let fx: Awaited<ReturnType<typeof makeCacheFixture>>;
let watcher: PlanWatcher;
let planFile: string;
let problemFile: string;
let optionsFile: string;
const problems: string[] = [];
const savedEnv = process.env.REEL_CACHE_DIR;

const readJson = (file: string): unknown => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const planText = () => (readJson(planFile) as {words: {text: string}[]} | null)?.words.map((w) => w.text).join('') ?? '';
const problem = () => (readJson(problemFile) as {problem: string | null} | null)?.problem;

/** Polls until `check` holds; gives up (and fails the test) after `limitMs`, which is a hang guard, not a speed claim. */
const waitFor = async (check: () => boolean, limitMs = 30_000): Promise<number> => {
	const start = performance.now();
	while (!check()) {
		if (performance.now() - start > limitMs) throw new Error('timed out waiting for the watcher');
		await new Promise((r) => setTimeout(r, 25));
	}
	return Math.round(performance.now() - start);
};

beforeAll(async () => {
	fx = await makeCacheFixture('reel-watch-');
	process.env.REEL_CACHE_DIR = fx.freshCache();
	planFile = path.join(fx.dir, 'served', 'last-plan.json');
	problemFile = path.join(fx.dir, 'served', 'plan-problem.json');
	optionsFile = path.join(fx.dir, 'options.json');
	writeFileSync(optionsFile, '{}');
	writeFileSync(fx.script, 'The ocean is calm tonight.');
	watcher = watchPlan({scriptFile: fx.script, clipsDir: fx.clips, optionsFile, planFile, problemFile, onProblem: (m) => problems.push(m)});
	await waitFor(() => planText() === 'The ocean is calm tonight.', 60_000);
}, 90_000);
afterAll(() => {
	watcher?.close();
	// Assigning undefined would set the string "undefined": a later test file in this worker would cache into ./undefined/.
	if (savedEnv === undefined) delete process.env.REEL_CACHE_DIR;
	else process.env.REEL_CACHE_DIR = savedEnv;
});

describe('studio watcher', () => {
	test('saving the script re-plans and rewrites the plan Studio reads', async () => {
		writeFileSync(fx.script, 'The storm hits the city!');
		const ms = await waitFor(() => planText() === 'The storm hits the city!');
		console.log(`plan file updated ${ms} ms after the save`);
		expect(problem()).toBeNull();
	}, 60_000);

	test('a broken save keeps the last good plan and reports the problem; fixing it clears the problem', async () => {
		writeFileSync(fx.script, '   \n');
		await waitFor(() => typeof problem() === 'string');
		expect(problem()).toMatch(/weather\.txt: the script is empty/);
		expect(problems.at(-1)).toBe(problem());
		await watcher.settled();
		expect(planText()).toBe('The storm hits the city!');
		writeFileSync(fx.script, 'By morning the sky is clear again.');
		await waitFor(() => planText() === 'By morning the sky is clear again.');
		expect(problem()).toBeNull();
	}, 60_000);

	test('the options file is watched too: a bad value is reported by name, a good one re-plans', async () => {
		writeFileSync(optionsFile, '{"rate": 5}');
		await waitFor(() => typeof problem() === 'string');
		expect(problem()).toMatch(/options\.json: rate: .*80/);
		writeFileSync(optionsFile, '{"aspect": "16:9"}');
		await waitFor(() => (readJson(planFile) as {aspect: string}).aspect === '16:9');
		expect(problem()).toBeNull();
	}, 60_000);

	test('a new clip in the folder is picked up', async () => {
		const {makeTestClip} = await import('./helpers/media');
		await makeTestClip({file: path.join(fx.clips, 'clear-morning-sky.mp4'), color: [120, 180, 250]});
		await waitFor(() => (readJson(planFile) as {shots: {clipId: string}[]}).shots.some((s) => s.clipId === 'clear-morning-sky.mp4'));
	}, 60_000);
});
