// Size from the composition's aspect (a 9:16 plan renders fine in 16:9),
// duration and fps from the plan. In Studio the plan comes from the file the
// CLI writes last; a missing or broken one yields a help screen, not a crash.
import type {CalculateMetadataFunction} from 'remotion';
import {staticFile} from 'remotion';
import {ASPECTS, durationInFrames, PlanError} from '../plan';
import type {Aspect} from '../plan';
import {hasPlanFields, resolvePlanInput} from './resolve-input';
import type {PlanInput} from './resolve-input';
import type {ReelProps} from './schema';

export const LAST_PLAN_FILE = 'reel/last-plan.json';
/** `{"problem": string | null}`: why the watcher's latest re-plan failed (see src/cli/watch-plan.ts). */
export const PLAN_PROBLEM_FILE = 'reel/plan-problem.json';
const LAST_PLAN_LABEL = `public/${LAST_PLAN_FILE}`;
// How long the help screen lasts in Studio.
const HELP_SCREEN = {fps: 30, durationInFrames: 150};

export const makeCalculateReelMetadata =
	(aspect: Aspect): CalculateMetadataFunction<ReelProps> =>
	async ({props, abortSignal, isRendering}) => {
		const {width, height} = ASPECTS[aspect];
		const live = !hasPlanFields(props);
		const input = live ? await loadLastPlan(abortSignal) : resolvePlanInput({props, source: 'input props'});
		// The last good plan stays on screen; a failed re-plan is shown over it (Studio only).
		const problem = live && !isRendering ? await loadPlanProblem(abortSignal) : null;
		if (input.kind === 'plan') {
			const {plan} = input;
			return {width, height, fps: plan.fps, durationInFrames: durationInFrames(plan.durationMs, plan.fps), props: problem ? {...plan, planProblem: problem} : plan};
		}
		if (input.kind === 'missing' && problem && !isRendering) return {width, height, ...HELP_SCREEN, props: {planProblem: problem}};
		// A render of the help screen helps nobody: fail with the reason instead.
		if (isRendering) throw new PlanError(input.kind === 'missing' ? NO_PLAN_HINT : input.message);
		return {width, height, ...HELP_SCREEN, props: input.kind === 'invalid' ? {planError: input.message} : {}};
	};

export const NO_PLAN_HINT = 'No plan yet — run `npm run plan -- script.txt --clips DIR`, or pass one with --props=plan.json';

const loadPlanProblem = async (signal: AbortSignal): Promise<string | null> => {
	const res = await fetch(staticFile(PLAN_PROBLEM_FILE), {signal, cache: 'no-store'}).catch(() => null);
	const json: unknown = res?.ok ? await res.json().catch(() => null) : null;
	const problem = typeof json === 'object' && json !== null && 'problem' in json ? json.problem : null;
	return typeof problem === 'string' ? problem : null;
};

const loadLastPlan = async (signal: AbortSignal): Promise<PlanInput> => {
	const res = await fetch(staticFile(LAST_PLAN_FILE), {signal, cache: 'no-store'}).catch(() => null);
	if (!res || !res.ok) return {kind: 'missing'};
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (err) {
		return {kind: 'invalid', message: `${LAST_PLAN_LABEL} is not valid JSON (${(err as Error).message})`};
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json)) {
		return {kind: 'invalid', message: `${LAST_PLAN_LABEL} does not hold a plan object`};
	}
	const input = resolvePlanInput({props: json as ReelProps, source: LAST_PLAN_LABEL});
	return input.kind === 'missing' ? {kind: 'invalid', message: `${LAST_PLAN_LABEL} is empty`} : input;
};
