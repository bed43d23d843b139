// `npm run studio [-- script.txt --clips DIR …]`: Remotion Studio, and with a
// script, a watcher that re-plans on every save so the preview follows.
import {spawn} from 'node:child_process';
import {PROJECT_ROOT} from '../analysis/cache/dirs';
import {ReelError} from '../analysis/errors';
import {parseCli, planOptionsFrom} from './args';
import {formatCacheCounts} from './outputs';
import {watchPlan} from './watch-plan';
import {stagesTotalMs} from '../analysis/report/stages';

const runStudio = (extra: string[]) =>
	new Promise<void>((resolve, reject) => {
		const child = spawn('npx', ['remotion', 'studio', 'src/index.ts', ...extra], {cwd: PROJECT_ROOT, stdio: 'inherit'});
		child.on('exit', (code) => (code ? reject(new ReelError('BAD_OPTION', `remotion studio exited with code ${code}`)) : resolve()));
	});

/** Arguments after `--` go to `remotion studio` (e.g. `-- --port 3001 --no-open`); without a script, all do. */
export const studio = async (argv: string[]): Promise<void> => {
	const split = argv.indexOf('--');
	const ours = split < 0 ? argv : argv.slice(0, split);
	const theirs = split < 0 ? [] : argv.slice(split + 1);
	if (ours.length === 0 || ours[0].startsWith('-')) return runStudio(argv);
	const {positionals, values} = parseCli(ours);
	if (positionals.length !== 1) throw new ReelError('BAD_OPTION', `studio watches exactly one script file, got ${positionals.length}`);
	if (!values.clips) throw new ReelError('BAD_OPTION', 'studio needs --clips <folder of video files> with a script');
	const watcher = watchPlan({
		scriptFile: positionals[0],
		clipsDir: values.clips,
		options: planOptionsFrom(values),
		optionsFile: values.options,
		onPlan: (plan) => {
			const ms = stagesTotalMs(plan.report.stagesMs);
			console.log(`reel: planned ${positionals[0]} in ${ms} ms (cache ${formatCacheCounts(plan.report.cache ?? {})}); Studio updates`);
		},
		onProblem: (message) => console.error(`reel: ${message} (Studio keeps the last good plan)`),
		onWarning: (message) => console.error(`warning: ${message}`),
	});
	console.log(`reel: watching ${positionals[0]}, ${values.clips}${values.options ? ` and ${values.options}` : ''}; save to re-plan`);
	try {
		await runStudio(theirs);
	} finally {
		watcher.close();
	}
};
