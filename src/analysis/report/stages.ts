// Wall time per stage, for the run report.
export type StageTimer = {
	run: <T>(name: string, work: () => Promise<T> | T) => Promise<T>;
	stagesMs: Record<string, number>;
};

/** Ends the name of a stage that ran beside another (its time is inside that one's): a total leaves it out. */
export const PARALLEL_SUFFIX = '-beside';

/** The plan stage's wall time: the sum of its stages, less those that ran beside others. */
export const stagesTotalMs = (stagesMs: Record<string, number>): number =>
	Object.entries(stagesMs).reduce((sum, [name, ms]) => (name.endsWith(PARALLEL_SUFFIX) ? sum : sum + ms), 0);

export const createStageTimer = (): StageTimer => {
	const stagesMs: Record<string, number> = {};
	return {
		stagesMs,
		run: async (name, work) => {
			const start = performance.now();
			try {
				return await work();
			} finally {
				stagesMs[name] = Math.round((stagesMs[name] ?? 0) + performance.now() - start);
			}
		},
	};
};

/** Peak resident memory of this process so far. */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
