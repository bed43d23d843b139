// Batch: three scripts, one of them broken, in one `make` run. The two good
// videos render (one bundle, one browser), the bad one is reported with its
// error in the summary table, and the exit code says something failed.
import {existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {probeStreams} from '../src/render/ff';
import {runCli} from './helpers/cli';
import {makeTestClip} from './helpers/media';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-batch-'));
const outDir = path.join(dir, 'out');
let cli: ReturnType<typeof runCli>;

beforeAll(async () => {
	const clips = path.join(dir, 'clips');
	mkdirSync(clips);
	await makeTestClip({file: path.join(clips, 'fire-flames.mp4'), color: [190, 30, 30]});
	await makeTestClip({file: path.join(clips, 'forest-trees.mp4'), color: [30, 160, 40]});
	const scripts = {fire: 'Fire burns bright.', empty: ' \n', forest: 'Green trees grow.'};
	for (const [name, text] of Object.entries(scripts)) writeFileSync(path.join(dir, `${name}.txt`), text);
	const files = Object.keys(scripts).map((name) => path.join(dir, `${name}.txt`));
	cli = runCli(['make', ...files, '--clips', clips, '--out-dir', outDir, '--rate', '190', '--scale', '0.25'], {REEL_CACHE_DIR: path.join(dir, 'cache')});
}, 600_000);

describe('make with several scripts', () => {
	test('renders the good scripts, reports the bad one, and exits non-zero', async () => {
		console.log(cli.stdout);
		expect(cli.status).toBe(1);
		expect(cli.stderr.trim().split('\n').at(-1)).toBe('reel: 1 of 3 scripts failed (see the table above)');
		const rows = cli.stdout.split('\n').filter((l) => /^(fire|empty|forest)\.txt/.test(l));
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatch(/^fire\.txt\s+ok\s/);
		expect(rows[1]).toMatch(/^empty\.txt\s+FAILED\s.*empty\.txt: the script is empty/);
		expect(rows[2]).toMatch(/^forest\.txt\s+ok\s/);
		expect(readdirSync(outDir).sort()).toEqual(['fire.mp4', 'fire.plan.json', 'fire.srt', 'forest.mp4', 'forest.plan.json', 'forest.srt']);
		for (const name of ['fire', 'forest']) {
			const {durationMs, streams} = await probeStreams(path.join(outDir, `${name}.mp4`));
			expect(durationMs).toBeGreaterThan(500);
			expect(streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
		}
		expect(existsSync(path.join(outDir, 'empty.mp4'))).toBe(false);
	});
});
