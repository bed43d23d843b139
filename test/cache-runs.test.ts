// The cache across processes, through the real CLI: a run killed between
// writing a cache file and renaming it into place, and two runs at once on
// one cache, must both leave the next plan identical to a clean cold run's.
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {parsePlan, type Plan} from '../src/plan';
import {ROOT, runCli} from './helpers/cli';
import {makeCacheFixture, withoutReport} from './helpers/cache-fixture';

let fx: Awaited<ReturnType<typeof makeCacheFixture>>;
let cold: Plan;

const readPlan = (file: string) => parsePlan(JSON.parse(readFileSync(file, 'utf8')), file);
const planArgs = (out: string) => ['plan', fx.script, '--clips', fx.clips, '--out', out];

/** The CLI as a child process that runs alongside others (runCli blocks). */
const runAsync = (args: string[], env: Record<string, string>) =>
	new Promise<{status: number | null; stderr: string}>((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'reel.ts'), ...args], {cwd: ROOT, env: {...process.env, ...env}});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		child.on('exit', (status) => resolve({status, stderr}));
	});

beforeAll(async () => {
	fx = await makeCacheFixture('reel-cache-runs-');
	const out = path.join(fx.dir, 'cold.plan.json');
	expect(runCli(planArgs(out), {REEL_CACHE_DIR: fx.freshCache()}).status).toBe(0);
	cold = readPlan(out);
}, 120_000);

describe('cache across runs', () => {
	// Writes, in order: clip probes (1–2), scenes (3), sentences (4–7), the narration WAV (8), its entry (9),
	// the library's matching words (10), the tokens the run read (11), the plan entry (12). (espeak's pauses come from its timings: no entry.)
	test.each([2, 8, 10, 11, 12])('a run killed before renaming write %i leaves the next run the cold plan', (crashAt) => {
		const cache = fx.freshCache();
		const out = path.join(fx.dir, `crash-${crashAt}.plan.json`);
		const killed = runCli(planArgs(out), {REEL_CACHE_DIR: cache, REEL_TEST_CRASH_AT_WRITE: String(crashAt)});
		expect(killed.status).toBeNull(); // died by the signal, not an exit
		const next = runCli(planArgs(out), {REEL_CACHE_DIR: cache});
		expect(next.stderr).toBe('');
		expect(next.status).toBe(0);
		expect(withoutReport(readPlan(out))).toEqual(withoutReport(cold));
	}, 120_000);

	test('two plan runs at once on one cache both succeed with identical plans', async () => {
		const env = {REEL_CACHE_DIR: fx.freshCache()};
		const [a, b] = [path.join(fx.dir, 'a.plan.json'), path.join(fx.dir, 'b.plan.json')];
		const results = await Promise.all([runAsync(planArgs(a), env), runAsync(planArgs(b), env)]);
		expect(results.map((r) => r.status)).toEqual([0, 0]);
		expect(withoutReport(readPlan(a))).toEqual(withoutReport(cold));
		expect(withoutReport(readPlan(b))).toEqual(withoutReport(cold));
	}, 120_000);
});
