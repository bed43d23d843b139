// npm run bench:match: a ~150-word script planned over a 500-clip library,
// each run in a fresh process, as a user's second `reel plan` would be. The
// first run may build the word-vector cache, probe the clips and speak the
// narration; the warm run finds all of that on disk (the vector cache is read,
// not converted: no `vector-cache-build` stage) and plans again without
// reading the stored plan, so its `plan stage` is the director, the matcher
// (models: loading the vector cache and WordNet; match: scoring + search) and
// what loads the library and narration from the cache.
import {spawnSync} from 'node:child_process';
import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {loadavg} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {cacheDir, PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {makePlan} from '../src/analysis/pipeline/make-plan';
import {formatReport} from '../src/cli/outputs';
import {makeTestClip} from '../test/helpers/media';

const SUBJECTS = ['waves', 'a lighthouse', 'a fox', 'commuters', 'a cyclist', 'a chef', 'children', 'a violinist', 'an old tree', 'a drone shot of fields', 'a train', 'a market stall', 'a surgeon', 'a robot', 'a dancer', 'fishing boats', 'a volcano', 'a glacier', 'a classroom', 'a farmer', 'a skyline', 'a candle', 'a horse', 'a bridge', 'raindrops'];
const SETTINGS = ['at dawn', 'at night', 'in the rain', 'in slow motion', 'in winter', 'at sunset', 'in a crowded street', 'in fog', 'from above', 'in a quiet room', 'in summer light', 'under storm clouds', 'in a desert', 'by the sea', 'in the mountains', 'in a big city', 'in a forest', 'on a farm', 'in a factory', 'in close-up'];
/** Runs: the first as it comes (cold where nothing is cached yet), then fresh processes with everything but the plan on disk. */
const WARM_RUNS = 2;

const ensureLibrary = async (dir: string): Promise<void> => {
	if (existsSync(path.join(dir, 'clips.json'))) return;
	await mkdir(dir, {recursive: true});
	// A dot file: the library scan skips it, so it is not a 501st clip.
	const master = path.join(dir, '.master');
	await makeTestClip({file: master + '.mp4', seconds: 6, width: 32, height: 56});
	const clips: Record<string, {description: string; tags: string[]}> = {};
	for (let i = 0; i < 500; i++) {
		const subject = SUBJECTS[i % SUBJECTS.length];
		const setting = SETTINGS[Math.floor(i / SUBJECTS.length) % SETTINGS.length];
		const name = `clip-${String(i).padStart(3, '0')}.mp4`;
		await copyFile(master + '.mp4', path.join(dir, name));
		clips[name] = {description: `${subject} ${setting}`, tags: [...subject.split(' ').slice(-1), ...setting.split(' ').slice(-1)]};
	}
	await writeFile(path.join(dir, 'clips.json'), JSON.stringify({clips}));
};

const libraryDir = () => path.join(cacheDir(), 'bench-match-500');

/** One plan in this process: `--run first` may reuse a stored plan, `--run warm` plans again. */
const runOnce = async (run: string) => {
	const dir = libraryDir();
	const cpuBefore = process.cpuUsage();
	const plan = await makePlan({scriptFile: path.join(dir, 'script-150.txt'), clipsDir: dir, reusePlan: run === 'first', onWarning: (m) => console.warn(`warning: ${m}`)});
	const cpu = process.cpuUsage(cpuBefore);
	// On a shared machine wall time counts other processes' load; CPU time is this run's own work.
	console.log(`${run} run, own process (CPU time ${Math.round((cpu.user + cpu.system) / 1000)} ms, load average ${loadavg()[0].toFixed(1)}):\n${formatReport(plan)}`);
};

const main = async () => {
	const at = process.argv.indexOf('--run');
	if (at >= 0) return runOnce(process.argv[at + 1]);
	const dir = libraryDir();
	await ensureLibrary(dir);
	const words = [...(await readFile(path.join(PROJECT_ROOT, 'examples', 'one-day.txt'), 'utf8')).split(/\s+/), ...(await readFile(path.join(PROJECT_ROOT, 'examples', 'storm.txt'), 'utf8')).split(/\s+/)].filter(Boolean);
	await writeFile(path.join(dir, 'script-150.txt'), words.slice(0, 150).join(' ') + '\n');
	const self = fileURLToPath(import.meta.url);
	for (const run of ['first', ...Array.from({length: WARM_RUNS}, () => 'warm')]) {
		const child = spawnSync(process.execPath, [...process.execArgv, self, '--run', run], {stdio: 'inherit'});
		if (child.status !== 0) throw new Error(`the ${run} run failed (exit ${child.status})`);
	}
};

main().catch((error: Error) => {
	console.error(`error: ${error.message}`);
	process.exit(1);
});
