// Turns the composition's props into a plan, or into the reason there is none.
// Shared by calculateMetadata and the component, so both agree.
import {isTitleShot, parsePlan} from '../plan';
import type {Plan} from '../plan';
import type {ReelProps} from './schema';

export type PlanInput = {kind: 'plan'; plan: Plan} | {kind: 'missing'} | {kind: 'invalid'; message: string};

export const hasPlanFields = (props: ReelProps): boolean => Object.keys(props).some((k) => k !== 'planError' && k !== 'planProblem');

export const resolvePlanInput = ({props, source}: {props: ReelProps; source: string}): PlanInput => {
	if (props.planError) return {kind: 'invalid', message: props.planError};
	if (!hasPlanFields(props)) return {kind: 'missing'};
	try {
		const plan = parsePlan(props, source);
		// Title cards show no clip; every other shot must name one the plan carries.
		const unknownClip = plan.shots.filter((s) => !isTitleShot(s)).find((s) => !plan.clips.some((c) => c.id === s.clipId));
		if (unknownClip) {
			return {kind: 'invalid', message: `${source}: a shot uses clip "${unknownClip.clipId}", which is not in plan.clips`};
		}
		return {kind: 'plan', plan};
	} catch (err) {
		return {kind: 'invalid', message: err instanceof Error ? err.message : String(err)};
	}
};
