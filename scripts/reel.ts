// The reel CLI: a short sequence of stage calls per command.
import {readdir} from 'node:fs/promises';
import path from 'node:path';
import {makePlans} from '../src/analysis/pipeline/make-plan';
import {ReelError} from '../src/analysis/errors';
import {PROJECT_ROOT, cacheDir} from '../src/analysis/cache/dirs';
import {peakRssMb} from '../src/analysis/report/stages';
import {USAGE, parseCli, planOptionsFrom, renderOptionsFrom, type CliArgs} from '../src/cli/args';
import {makeBatch} from '../src/cli/batch';
import {distributedOptionsFrom} from '../src/distributed/options';
import {formatReport, sidecarPath, variantPath, writePlan, writeSrt} from '../src/cli/outputs';
import {createProgress} from '../src/render/progress';
import {exitWithError} from '../src/cli/exit';
import {studio} from '../src/cli/studio';

const warn = (m: string) => process.stderr.write(`warning: ${m}\n`);

const requireScriptAndClips = ({positionals, values}: CliArgs, command: string) => {
	if (positionals.length !== 1) throw new ReelError('BAD_OPTION', `${command} needs exactly one script file, got ${positionals.length} (see --help)`);
	if (!values.clips) throw new ReelError('BAD_OPTION', `${command} needs --clips <folder of video files>`);
	return {scriptFile: positionals[0], clipsDir: values.clips};
};

const defaultOut = (scriptFile: string, ext: string) => path.join('out', path.basename(scriptFile).replace(/\.[^.]+$/, '') + ext);

const plan = async (args: CliArgs) => {
	const {scriptFile, clipsDir} = requireScriptAndClips(args, 'plan');
	const out = args.values.out ?? defaultOut(scriptFile, '.plan.json');
	const results = await makePlans({scriptFile, clipsDir, options: planOptionsFrom(args.values), onWarning: warn});
	for (const [k, result] of results.entries()) {
		const file = variantPath(out, k, results.length);
		await writePlan(result, file);
		console.log(`plan → ${file} (narration: public/${result.narration.src})`);
	}
	console.log(formatReport(results[0]));
};

const make = async ({scriptFile, clipsDir, args}: {scriptFile: string; clipsDir: string; args: CliArgs}) => {
	const out = args.values.out ?? defaultOut(scriptFile, '.mp4');
	if (!/\.mp4$/i.test(out)) throw new ReelError('BAD_OPTION', `--out must end in .mp4, got "${out}"`);
	const renderOptions = renderOptionsFrom(args.values);
	const distributed = await distributedOptionsFrom(args.values);
	const results = await makePlans({scriptFile, clipsDir, options: planOptionsFrom(args.values), onWarning: warn});
	const files = results.map((_, k) => variantPath(out, k, results.length));
	for (const [k, result] of results.entries()) {
		await writePlan(result, sidecarPath(files[k], '.plan.json'));
		await writeSrt(result, sidecarPath(files[k], '.srt'));
	}
	if (distributed) {
		const {makeDistributed} = await import('../src/distributed/make');
		const rendered = await makeDistributed({items: results.map((plan, k) => ({plan, out: files[k]})), options: renderOptions, distributed});
		for (const [k, {error, ms}] of rendered.entries()) if (!error) console.log(formatReport(results[k], {render: ms}));
		const failed = rendered.find((r) => r.error);
		if (failed) throw failed.error;
		return;
	}
	// Loaded only when rendering: the renderer and bundler cost ~1 s of start-up that `plan` does not need.
	const {renderPlan} = await import('../src/render/render-plan');
	for (const [k, result] of results.entries()) {
		const file = files[k];
		const progress = createProgress(`render ${path.basename(file)}`);
		const started = performance.now();
		await renderPlan({plan: result, out: file, options: {...renderOptions, browser: args.values.browser, onWarning: warn, onProgress: (f, stage) => progress.update(f, stage)}}).catch((error: Error) => {
			throw new ReelError('RENDER_FAILED', `${file}: render failed: ${error.message.split('\n')[0]}`);
		});
		progress.done(`→ ${file}`);
		console.log(formatReport(result, {render: Math.round(performance.now() - started)}));
	}
	console.log(`  peak RSS of this process incl. render ${peakRssMb()} MB (Chrome runs in its own processes)`);
};

/** Several scripts (or --out-dir): one bundle and one browser for all; exits non-zero if any failed. */
const batch = async (args: CliArgs) => {
	if (!args.values.clips) throw new ReelError('BAD_OPTION', 'make needs --clips <folder of video files>');
	if (args.values.out) throw new ReelError('BAD_OPTION', '--out names one video; with several scripts use --out-dir');
	if (args.positionals.length === 0) throw new ReelError('BAD_OPTION', 'make needs at least one script file (see --help)');
	const distributed = await distributedOptionsFrom(args.values);
	const results = await makeBatch({
		scripts: args.positionals,
		clipsDir: args.values.clips,
		outDir: args.values['out-dir'] ?? 'out',
		planOptions: planOptionsFrom(args.values),
		renderOptions: {...renderOptionsFrom(args.values), browser: args.values.browser, onWarning: warn},
		distributed,
		warn,
	});
	const failed = results.filter((r) => !r.ok).length;
	if (failed) throw new ReelError('RENDER_FAILED', `${failed} of ${results.length} scripts failed (see the table above)`);
};

const demo = async (args: CliArgs) => {
	const clipsDir = path.join(cacheDir(), 'demo-clips');
	const {ensureDemoLibrary} = await import('../src/render/demo-library');
	const progress = createProgress('demo clips');
	const {generated} = await ensureDemoLibrary({dir: clipsDir, onProgress: (p) => progress.update((p.doneClips + p.clipProgress) / p.totalClips, p.clip)});
	progress.done(generated ? `(${generated} generated)` : '(cached)');
	const examples = path.join(PROJECT_ROOT, 'examples');
	const scripts = (await readdir(examples)).filter((f) => f.endsWith('.txt')).sort();
	for (const file of scripts) {
		await make({scriptFile: path.join(examples, file), clipsDir, args: {...args, values: {...args.values, out: undefined}}});
	}
};

const main = async () => {
	const [command, ...rest] = process.argv.slice(2);
	if (command === 'studio') return studio(rest);
	const args = parseCli(rest);
	if (args.values.help || !command) return console.log(USAGE);
	if (command === 'plan') return plan(args);
	if (command === 'make' && (args.positionals.length > 1 || args.values['out-dir'])) return batch(args);
	if (command === 'make') return make({...requireScriptAndClips(args, 'make'), args});
	if (command === 'demo') return demo(args);
	throw new ReelError('BAD_OPTION', `unknown command "${command}" (make, plan, demo, studio)`);
};

main().catch(exitWithError);
