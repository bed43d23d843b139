// `npm run make -- a.txt b.txt … --out-dir out/`: many scripts in one process,
// sharing one bundle and one browser (opening Chrome and bundling cost seconds
// each). Scripts are planned first (a bad one fails in milliseconds), then
// rendered one after another; a failure is recorded and the others go on.
import path from 'node:path';
import {makePlan} from '../analysis/pipeline/make-plan';
import type {PlanOptionsInput} from '../analysis/pipeline/options';
import {ReelError} from '../analysis/errors';
import type {Plan} from '../plan';
import type {RenderOptions} from '../render/render-plan';
import type {DistributedOptions} from '../distributed/prepare';
import {createProgress} from '../render/progress';
import {sidecarPath, writePlan, writeSrt} from './outputs';

export type BatchResult = {scriptFile: string; out: string; ok: boolean; message: string};

type Job = {scriptFile: string; out: string; plan: Plan | null; error: string | null; renderMs: number};

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

export const batchOutputs = (scripts: string[], outDir: string): {scriptFile: string; out: string}[] => {
	const outs = scripts.map((scriptFile) => ({scriptFile, out: path.join(outDir, path.basename(scriptFile).replace(/\.[^.]+$/, '') + '.mp4')}));
	const seen = new Set<string>();
	for (const {scriptFile, out} of outs) {
		if (seen.has(out)) throw new ReelError('BAD_OPTION', `${scriptFile}: another script has the same name; its video would overwrite ${out}`);
		seen.add(out);
	}
	return outs;
};

const planAll = async (jobs: Job[], clipsDir: string, options: PlanOptionsInput, warn: (m: string) => void) => {
	for (const job of jobs) {
		try {
			job.plan = await makePlan({scriptFile: job.scriptFile, clipsDir, options, onWarning: (m) => warn(`${path.basename(job.scriptFile)}: ${m}`)});
			await writePlan(job.plan, sidecarPath(job.out, '.plan.json'));
			await writeSrt(job.plan, sidecarPath(job.out, '.srt'));
		} catch (error) {
			job.error = firstLine(error);
		}
	}
};

const renderAll = async (jobs: Job[], options: RenderOptions) => {
	const todo = jobs.filter((j) => j.plan);
	if (todo.length === 0) return;
	// Loaded only when rendering, as in `make`.
	const [{renderPlan}, {bundleProject}, {openReelBrowser}] = await Promise.all([
		import('../render/render-plan'),
		import('../render/bundle'),
		import('../render/browser'),
	]);
	const progress = createProgress(`render ${todo.length} video${todo.length === 1 ? '' : 's'}`);
	const serveUrl = await bundleProject({onProgress: (p) => progress.update(0, `bundling ${p}%`)});
	const {browser: browserInstance} = await openReelBrowser({override: options.browser, gl: options.gl});
	try {
		for (const [i, job] of todo.entries()) {
			const name = path.basename(job.out);
			const started = performance.now();
			const onProgress = (f: number, stage: string) => progress.update((i + f) / todo.length, `${i + 1}/${todo.length} ${name} ${stage}`);
			await renderPlan({plan: job.plan!, out: job.out, options: {...options, serveUrl, browserInstance, onProgress}}).catch((error: unknown) => {
				job.error = `render failed: ${firstLine(error)}`;
			});
			job.renderMs = Math.round(performance.now() - started);
		}
	} finally {
		await browserInstance.close({silent: true});
	}
	progress.done();
};

/** One row per script: status, narration length, render time, and the output or the error. */
export const formatBatchTable = (jobs: Job[]): string => {
	const rows = jobs.map((j) => [
		path.basename(j.scriptFile),
		j.error ? 'FAILED' : 'ok',
		j.plan ? `${(j.plan.durationMs / 1000).toFixed(1)} s` : '-',
		j.renderMs ? `${(j.renderMs / 1000).toFixed(1)} s` : '-',
		j.error ?? j.out,
	]);
	const table = [['script', 'status', 'video', 'render', 'output / error'], ...rows];
	const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
	return table.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n');
};

/** Every chunk of every video goes on the queue at once; each video is joined as its chunks land. */
const renderAllDistributed = async (jobs: Job[], options: RenderOptions, distributed: DistributedOptions) => {
	const todo = jobs.filter((j) => j.plan);
	if (todo.length === 0) return;
	const {makeDistributed} = await import('../distributed/make');
	const results = await makeDistributed({items: todo.map((j) => ({plan: j.plan!, out: j.out})), options, distributed});
	for (const [i, {error, ms}] of results.entries()) {
		todo[i].error = error ? `render failed: ${firstLine(error)}` : null;
		todo[i].renderMs = ms;
	}
};

export const makeBatch = async ({scripts, clipsDir, outDir, planOptions, renderOptions, distributed = null, warn}: {
	scripts: string[];
	clipsDir: string;
	outDir: string;
	planOptions: PlanOptionsInput;
	renderOptions: RenderOptions;
	/** Render on workers through the queue instead of here. */
	distributed?: DistributedOptions | null;
	warn: (m: string) => void;
}): Promise<BatchResult[]> => {
	const jobs: Job[] = batchOutputs(scripts, outDir).map((o) => ({...o, plan: null, error: null, renderMs: 0}));
	await planAll(jobs, clipsDir, planOptions, warn);
	await (distributed ? renderAllDistributed(jobs, renderOptions, distributed) : renderAll(jobs, renderOptions));
	console.log(formatBatchTable(jobs));
	return jobs.map((j) => ({scriptFile: j.scriptFile, out: j.out, ok: !j.error, message: j.error ?? j.out}));
};
