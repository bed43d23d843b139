// In Studio, a new `npm run plan` (which rewrites public/reel/last-plan.json)
// re-runs calculateMetadata, so the preview follows the plan without a restart.
import {reevaluateComposition, watchStaticFile} from '@remotion/studio';
import {useEffect} from 'react';
import {getRemotionEnvironment} from 'remotion';
import {LAST_PLAN_FILE} from './calculate-metadata';

export const useLivePlan = (): void => {
	useEffect(() => {
		if (!getRemotionEnvironment().isStudio) return;
		const {cancel} = watchStaticFile(LAST_PLAN_FILE, () => reevaluateComposition());
		return cancel;
	}, []);
};
