// npm run bench:plan: a cold plan of a ~150-word script, each run in a fresh
// process with an empty cache (REEL_CACHE_DIR) — nothing of this script is
// stored: no scenes, speech, narration, pauses, probes or plan. The one thing a
// cold run is given is the word-vector cache, a one-time conversion per machine
// like a model install (`npm run prepare-models`). Then one warm run: a fresh
// process on the last cold run's cache, nothing changed. Each run prints its
// stages, CPU time per thread and the load average: on a shared machine wall
// time counts other processes' load, CPU time is the run's own work.
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {cacheDir, PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {vectorCacheFile} from '../src/analysis/embed/word-vectors';
import {makePlan} from '../src/analysis/pipeline/make-plan';
import {formatReport} from '../src/cli/outputs';
import {makeTestClip} from '../test/helpers/media';

const COLD_RUNS = 3;
const WORDS = 150;
const CLIPS = ['ocean waves at sunset', 'city lights at night', 'pine forest in mist', 'storm clouds over a valley', 'campfire on a beach'];

/** CPU ms of each live thread of this process (Linux /proc; utime + stime in clock ticks of 10 ms). */
const threadCpuMs = (): {tid: number; ms: number}[] =>
	readdirSync('/proc/self/task').flatMap((tid) => {
		try {
			const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
			return [{tid: Number(tid), ms: (Number(fields[11]) + Number(fields[12])) * 10}];
		} catch {
			return []; // the thread ended while we listed them
		}
	});

const runOnce = async (dir: string, run: string) => {
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	const plan = await makePlan({scriptFile: path.join(dir, 'script.txt'), clipsDir: path.join(dir, 'clips'), onWarning: (m) => console.warn(`warning: ${m}`)});
	const planMs = performance.now() - started;
	const cpu = process.cpuUsage();
	const planCpu = process.cpuUsage(cpuBefore);
	const planCpuMs = (planCpu.user + planCpu.system) / 1000;
	const cores = availableParallelism();
	const threads = threadCpuMs().sort((a, b) => b.ms - a.ms);
	const main = threads.find((t) => t.tid === process.pid)?.ms ?? 0;
	const others = threads.filter((t) => t.tid !== process.pid && t.ms > 0).map((t) => t.ms);
	console.log(
		// CPU in makePlan over the cores is the least wall time it could take here, however its work overlapped.
		`${run} run: makePlan ${Math.round(planMs)} ms wall, CPU ${Math.round(planCpuMs)} ms (all threads, ` +
			`${(planCpuMs / cores).toFixed(0)} ms over ${cores} cores); process up ${Math.round(performance.now())} ms; ` +
			`CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms in all since start (main thread ${main} ms, other threads ${others.join(' + ') || 0} ms; ` +
			`imports and tsx included), load average ${loadavg()[0].toFixed(1)}\n${formatReport(plan)}`,
	);
};

/** The first sentences of the examples that reach `WORDS` words, so the script ends on a sentence. */
const scriptText = async (): Promise<string> => {
	const text = (await Promise.all(['one-day.txt', 'storm.txt'].map((f) => readFile(path.join(PROJECT_ROOT, 'examples', f), 'utf8')))).join(' ');
	const sentences = text.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]+/g) ?? [];
	const out: string[] = [];
	while (out.join(' ').split(' ').length < WORDS && sentences.length) out.push(sentences.shift()!.trim());
	return out.join(' ') + '\n';
};

const prepare = async (): Promise<string> => {
	const dir = path.join(cacheDir(), 'bench-plan');
	await mkdir(path.join(dir, 'clips'), {recursive: true});
	for (const [i, description] of CLIPS.entries()) {
		const file = path.join(dir, 'clips', `clip-${i}.mp4`);
		if (!existsSync(file)) await makeTestClip({file, seconds: 4, width: 36, height: 64});
		await writeFile(file.replace(/\.mp4$/, '.json'), JSON.stringify({description}));
	}
	await writeFile(path.join(dir, 'script.txt'), await scriptText());
	return dir;
};

/** An empty cache holding only the word-vector cache (copied: a run must not touch the real one). */
const coldCache = async (): Promise<string> => {
	const vectors = vectorCacheFile();
	if (!existsSync(vectors)) throw new Error(`no word-vector cache at ${vectors}: run npm run prepare-models once first`);
	const dir = await mkdtemp(path.join(tmpdir(), 'reel-bench-plan-'));
	await mkdir(path.join(dir, 'models'));
	await copyFile(vectors, path.join(dir, 'models', path.basename(vectors)));
	return dir;
};

const main = async () => {
	const at = process.argv.indexOf('--run');
	if (at >= 0) return runOnce(process.argv[at + 2], process.argv[at + 1]);
	const dir = await prepare();
	const self = fileURLToPath(import.meta.url);
	const caches: string[] = [];
	const runIn = (cache: string, run: string) => {
		const child = spawnSync(process.execPath, [...process.execArgv, self, '--run', run, dir], {stdio: 'inherit', env: {...process.env, REEL_CACHE_DIR: cache}});
		if (child.status !== 0) throw new Error(`the ${run} run failed (exit ${child.status})`);
	};
	try {
		for (let i = 0; i < COLD_RUNS; i++) {
			caches.push(await coldCache());
			runIn(caches[i], 'cold');
		}
		runIn(caches[caches.length - 1], 'warm');
	} finally {
		await Promise.all(caches.map((c) => rm(c, {recursive: true, force: true})));
	}
};

main().catch((error: Error) => {
	console.error(`error: ${error.message}`);
	process.exit(1);
});
