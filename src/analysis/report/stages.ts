// Wall time per stage, for the run report.
export type StageTimer = {
	run: <T>(name: string, work: () => Promise<T> | T) => Promise<T>;
	stagesMs: Record<string, number>;
};

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
