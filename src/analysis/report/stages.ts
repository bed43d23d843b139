// Wall time per stage, for the run report.
export type StageTimer = {
	run: <T>(name: string, work: () => Promise<T> | T) => Promise<T>;
	/**
	 * Runs `work` while `alongside` (another stage, already running) goes on: timed as `name` + PARALLEL_SUFFIX,
	 * and any time it runs on after `alongside` has settled is added to `name`, so the total stays wall time.
	 */
	beside: <T>(name: string, work: () => Promise<T> | T, alongside: Promise<unknown>) => Promise<T>;
	stagesMs: Record<string, number>;
};

/** Ends the name of a stage that ran beside another (its time is inside that one's): a total leaves it out. */
export const PARALLEL_SUFFIX = '-beside';

/** The plan stage's wall time: the sum of its stages, less those that ran beside others. */
export const stagesTotalMs = (stagesMs: Record<string, number>): number =>
	Object.entries(stagesMs).reduce((sum, [name, ms]) => (name.endsWith(PARALLEL_SUFFIX) ? sum : sum + ms), 0);

export const createStageTimer = (): StageTimer => {
	const stagesMs: Record<string, number> = {};
	const add = (name: string, ms: number) => {
		stagesMs[name] = Math.round((stagesMs[name] ?? 0) + ms);
	};
	const run: StageTimer['run'] = async (name, work) => {
		const start = performance.now();
		try {
			return await work();
		} finally {
			add(name, performance.now() - start);
		}
	};
	return {
		stagesMs,
		run,
		beside: async (name, work, alongside) => {
			let settledAt = Infinity;
			const settled = () => {
				settledAt = performance.now();
			};
			alongside.then(settled, settled);
			try {
				return await run(`${name}${PARALLEL_SUFFIX}`, work);
			} finally {
				const overrun = performance.now() - settledAt;
				if (overrun > 0) add(name, overrun);
			}
		},
	};
};

/** Peak resident memory of this process so far. */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
