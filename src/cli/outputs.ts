// What a run leaves beside the video: the plan (parsed before it is written),
// subtitles, and the plan Studio shows next.
import {serializeSrt} from '@remotion/captions';
import {createTikTokStyleCaptions} from '@remotion/captions';
import path from 'node:path';
import {parsePlan, type Plan} from '../plan';
import {publicMediaDir} from '../analysis/cache/dirs';
import {writeFileAtomic} from '../analysis/cache/files';
import {stagesTotalMs} from '../analysis/report/stages';

export const sidecarPath = (out: string, suffix: string): string => out.replace(/\.(mp4|mov|webm|mkv|json)$/i, '') + suffix;

/** With several variants, `out/x.mp4` becomes `out/x.v1.mp4`, `out/x.v2.mp4`, … (`.plan.json` likewise). */
export const variantPath = (out: string, index: number, count: number): string =>
	count === 1 ? out : out.replace(/(\.plan\.json|\.[^./]+)$/i, `.v${index + 1}$1`);

export const writePlan = async (plan: Plan, file: string): Promise<void> => {
	const json = JSON.stringify(parsePlan(plan, file), null, '\t') + '\n';
	await writeFileAtomic(file, json);
	// Studio (and `npm run studio`) shows the most recent plan.
	await writeFileAtomic(path.join(publicMediaDir(), 'last-plan.json'), json);
};

/** One subtitle per caption page, as a viewer reads them. */
export const writeSrt = async (plan: Plan, file: string): Promise<void> => {
	const {pages} = createTikTokStyleCaptions({captions: plan.words, combineTokensWithinMilliseconds: plan.captionStyle.combineWithinMs});
	const lines = pages.map((page) => [
		{text: page.text.trim(), startMs: page.startMs, endMs: page.startMs + page.durationMs, timestampMs: null, confidence: null},
	]);
	await writeFileAtomic(file, serializeSrt({lines}));
};

export const formatReport = (plan: Plan, extra: Record<string, number> = {}): string => {
	const r = plan.report;
	const list = (stages: Record<string, number>) =>
		Object.entries(stages)
			.map(([name, ms]) => `${name} ${ms} ms`)
			.join(', ');
	const total = stagesTotalMs(r.stagesMs);
	return [
		`report: ${r.words} words, ${r.scenes} scenes, ${r.shots} shots from ${plan.clips.length} of ${r.clipsInLibrary} clips, ${(plan.durationMs / 1000).toFixed(2)} s of narration`,
		`  plan stage ${total} ms (${list(r.stagesMs)})`,
		...(r.cache && Object.keys(r.cache).length ? [`  cache ${formatCacheCounts(r.cache)}`] : []),
		...(Object.keys(extra).length ? [`  then ${list(extra)}`] : []),
		`  network calls ${r.networkCalls}, peak RSS ${r.peakRssMb} MB${r.warnings.length ? `, ${r.warnings.length} warning(s)` : ''}`,
	].join('\n');
};

/** `scenes hit, sentences 4 hits 1 miss, …`: per stage, in the order the stages ran. */
export const formatCacheCounts = (counts: NonNullable<Plan['report']['cache']>): string =>
	Object.entries(counts)
		.map(([stage, {hits, misses}]) => {
			if (hits + misses === 1) return `${stage} ${hits ? 'hit' : 'miss'}`;
			return `${stage} ${hits} hit${hits === 1 ? '' : 's'} ${misses} miss${misses === 1 ? '' : 'es'}`;
		})
		.join(', ');
