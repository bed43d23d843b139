// Live Studio's engine: watches the script, the clip folder and an optional
// options file, re-plans when one changes (the cache makes that incremental),
// and writes the plan where Studio reads it. A failed re-plan leaves the last
// good plan in place and writes the problem beside it for Studio to show.
import {watch, type FSWatcher} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {makePlan} from '../analysis/pipeline/make-plan';
import type {PlanOptionsInput} from '../analysis/pipeline/options';
import {publicMediaDir} from '../analysis/cache/dirs';
import {writeFileAtomic} from '../analysis/cache/files';
import {ReelError} from '../analysis/errors';
import {z} from 'zod';
import {parsePlan, type Plan} from '../plan';

export type WatchPlanInput = {
	scriptFile: string;
	clipsDir: string;
	options?: PlanOptionsInput;
	/** JSON plan options, re-read on every change; its values win over `options`. */
	optionsFile?: string;
	/** @default public/reel/last-plan.json (what Studio shows) */
	planFile?: string;
	/** @default public/reel/plan-problem.json */
	problemFile?: string;
	/** Editors save in bursts (temp file, rename, chmod): wait this long for quiet. @default 120 */
	debounceMs?: number;
	onPlan?: (plan: Plan) => void;
	onProblem?: (message: string) => void;
	onWarning?: (message: string) => void;
};

export type PlanWatcher = {close: () => void; /** Resolves when no re-plan is running or pending. */ settled: () => Promise<void>};

const readOptionsFile = async (file: string): Promise<PlanOptionsInput> => {
	const text = await readFile(file, 'utf8').catch(() => {
		throw new ReelError('BAD_OPTION', `${file}: options file not found`);
	});
	try {
		return JSON.parse(text) as PlanOptionsInput;
	} catch (error) {
		throw new ReelError('BAD_OPTION', `${file}: not valid JSON (${(error as Error).message})`);
	}
};

/**
 * Watches folders rather than files: editors save by writing a new file and
 * renaming it over the old one, which ends a watch on the file itself.
 */
const watchTargets = ({scriptFile, clipsDir, optionsFile, options}: WatchPlanInput, onChange: () => void): FSWatcher[] => {
	const files = [scriptFile, optionsFile, options?.voiceover, options?.music].filter((f): f is string => Boolean(f)).map((f) => path.resolve(f));
	const byDir = new Map<string, Set<string>>();
	for (const f of files) byDir.set(path.dirname(f), (byDir.get(path.dirname(f)) ?? new Set()).add(path.basename(f)));
	const watchers = [...byDir].map(([dir, names]) => watch(dir, (_event, name) => (name === null || names.has(name.toString()) ? onChange() : undefined)));
	watchers.push(watch(path.resolve(clipsDir), {recursive: true}, () => onChange()));
	return watchers;
};

/** One line for the terminal and the Studio screen; an options file's bad values name the option. */
const problemLine = (error: unknown, optionsSource: string): string => {
	if (error instanceof z.ZodError) return `${optionsSource}: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
	return error instanceof Error ? error.message.split('\n')[0] : String(error);
};

export const watchPlan = (input: WatchPlanInput): PlanWatcher => {
	const planFile = input.planFile ?? path.join(publicMediaDir(), 'last-plan.json');
	const problemFile = input.problemFile ?? path.join(publicMediaDir(), 'plan-problem.json');
	let running: Promise<void> | null = null;
	let pending = false;
	let timer: NodeJS.Timeout | null = null;

	const planOnce = async () => {
		try {
			const fromFile = input.optionsFile ? await readOptionsFile(input.optionsFile) : {};
			const plan = await makePlan({scriptFile: input.scriptFile, clipsDir: input.clipsDir, options: {...input.options, ...fromFile}, onWarning: input.onWarning});
			const planJson = JSON.stringify(parsePlan(plan, planFile), null, '\t') + '\n';
			// Clear the problem before the plan lands, so whoever sees the new plan
			// never sees the old problem beside it.
			await writeFileAtomic(problemFile, JSON.stringify({problem: null}));
			await writeFileAtomic(planFile, planJson);
			input.onPlan?.(plan);
		} catch (error) {
			const message = problemLine(error, input.optionsFile ?? 'options');
			// Told before the file lands: whoever sees the problem in the file has been told it too.
			input.onProblem?.(message);
			await writeFileAtomic(problemFile, JSON.stringify({problem: message}));
		}
	};
	// One plan at a time; changes during a run fold into one more run after it.
	const replan = (): void => {
		if (running) {
			pending = true;
			return;
		}
		running = planOnce().finally(() => {
			running = null;
			if (pending) {
				pending = false;
				replan();
			}
		});
	};
	const onChange = () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = null;
			replan();
		}, input.debounceMs ?? 120);
	};

	const watchers = watchTargets(input, onChange);
	replan();
	return {
		close: () => {
			if (timer) clearTimeout(timer);
			watchers.forEach((w) => w.close());
		},
		settled: async () => {
			while (running || pending || timer) await new Promise((r) => setTimeout(r, 20));
		},
	};
};
