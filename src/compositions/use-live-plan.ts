// In Studio, a new `npm run plan` (which rewrites public/reel/last-plan.json),
// or the watcher's report of a failed re-plan, re-runs calculateMetadata, so
// the preview follows the plan without a restart.
import {reevaluateComposition, watchStaticFile} from '@remotion/studio';
import {useEffect} from 'react';
import {getRemotionEnvironment} from 'remotion';
import {LAST_PLAN_FILE, PLAN_PROBLEM_FILE} from './calculate-metadata';

export const useLivePlan = (): void => {
	useEffect(() => {
		if (!getRemotionEnvironment().isStudio) return;
		const watches = [LAST_PLAN_FILE, PLAN_PROBLEM_FILE].map((file) => watchStaticFile(file, () => reevaluateComposition()));
		return () => watches.forEach((w) => w.cancel());
	}, []);
};
