// npm run bench: reel's render of a fixed plan against an ffmpeg filter-graph
// render of the same edit (the floor), measured side by side in one run: in
// rounds (floor, 1080p, 720p draft, then again), each ratio taken within its
// round and the median printed, as this machine's speed drifts by ~20 % from
// one minute to the next and one floor run could set the ratio alone.
import {mkdir, rm} from 'node:fs/promises';
import path from 'node:path';
import {cacheDir, PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {produceFileAtomic} from '../src/analysis/cache/files';
import {bundleProject} from '../src/render/bundle';
import {chooseRenderer, renderPlan, type RenderOptions} from '../src/render/render-plan';
import {DEFAULT_X264_PRESET, RENDER_CRF} from '../src/render/settings';
import {probeStreams} from '../src/render/ff';
import {ensureBenchClips} from '../bench/clips';
import {floorArgs} from '../bench/floor';
import {makeBenchPlan} from '../bench/plan';
import {runSystemFfmpeg} from '../src/render/composite/ffmpeg';
import {sampleTreeRss} from '../bench/tree-rss';
import type {Plan} from '../src/plan';

const FONT = path.join(PROJECT_ROOT, 'node_modules/@fontsource/montserrat/files/montserrat-latin-800-normal.woff');
// Both sides encode alike: the floor with reel's default x264 settings.
const PRESET = DEFAULT_X264_PRESET;

type Run = {label: string; seconds: number; frames: number; peakMb: number; file: string};

const timed = async (label: string, file: string, frames: number, work: () => Promise<unknown>): Promise<Run> => {
	const rss = sampleTreeRss();
	const started = performance.now();
	await work();
	const seconds = (performance.now() - started) / 1000;
	const run = {label, seconds, frames, peakMb: rss.stop(), file};
	const {streams, durationMs} = await probeStreams(file);
	const video = streams.find((s) => s.codec_type === 'video');
	console.log(`${label.padEnd(14)} ${seconds.toFixed(1).padStart(6)} s  ${(frames / seconds).toFixed(2).padStart(6)} fps  peak RSS ${run.peakMb} MB  (${video?.width}×${video?.height}, ${(durationMs / 1000).toFixed(2)} s)`);
	return run;
};

const reel = (plan: Plan, file: string, options: RenderOptions) => () => renderPlan({plan, out: file, options});

/** The value after `--name` on the command line, if given. */
const argValue = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
// --scale F: a smaller render, for a quicker --distributed comparison.
const scaleArg = () => (argValue('--scale') === undefined ? undefined : Number(argValue('--scale')));

const main = async () => {
	// --only floor|1080: stop early, for A/B runs while profiling.
	const only = argValue('--only') ?? null;
	const work = path.join(cacheDir(), 'bench');
	await mkdir(work, {recursive: true});
	const clipsDir = await ensureBenchClips(path.join(cacheDir(), 'bench-clips'));
	const plan = await makeBenchPlan({clipsDir, workDir: work});
	const frames = Math.round((plan.durationMs / 1000) * plan.fps);
	console.log(`bench plan: ${(plan.durationMs / 1000).toFixed(1)} s, ${frames} frames, ${plan.shots.length} shots, ${plan.shots.filter((s) => s.transitionIn.kind !== 'cut').length} transitions, ${plan.words.length} caption words`);
	const bundleStart = performance.now();
	await bundleProject();
	console.log(`bundle ${((performance.now() - bundleStart) / 1000).toFixed(1)} s (kept in the cache while the code is unchanged) — not counted below`);
	if (process.argv.includes('--distributed')) return (await import('../bench/distributed')).benchDistributed({plan, workDir: work, options: {x264Preset: PRESET, scale: scaleArg()}});

	const floorFile = path.join(work, 'floor.mp4');
	const rounds = process.argv.includes('--rounds') ? Number(argValue('--rounds')) : 3;
	if (!(Number.isInteger(rounds) && rounds >= 1)) throw new Error(`--rounds: expected a whole number of at least 1, got ${rounds}`);
	// The renderer `make` would use here: the compositor when a full ffmpeg is present (it is: the floor needs one).
	console.log(`reel renderer: ${chooseRenderer('auto')}; ${rounds} round${rounds > 1 ? 's' : ''}`);
	const ratios: {full: number[]; draft: number[]} = {full: [], draft: []};
	let peakMb = 0;
	for (let round = 1; round <= rounds; round++) {
		const floor = await timed('ffmpeg floor', floorFile, frames, () =>
			produceFileAtomic(floorFile, async (temp) =>
				runSystemFfmpeg(await floorArgs({plan, out: temp, workDir: path.join(work, 'floor-text'), fontFile: FONT, x264Preset: PRESET, crf: RENDER_CRF})),
			),
		);
		if (only === 'floor') continue;
		const full = await timed('reel 1080p', path.join(work, 'reel-1080.mp4'), frames, reel(plan, path.join(work, 'reel-1080.mp4'), {x264Preset: PRESET}));
		ratios.full.push(full.seconds / floor.seconds);
		peakMb = Math.max(peakMb, full.peakMb);
		if (only === '1080') continue;
		const draft = await timed('reel 720p draft', path.join(work, 'reel-720-draft.mp4'), frames, reel(plan, path.join(work, 'reel-720-draft.mp4'), {draft: true}));
		ratios.draft.push(draft.seconds / floor.seconds);
		peakMb = Math.max(peakMb, draft.peakMb);
		console.log(`round ${round}: 1080p ${ratios.full.at(-1)!.toFixed(2)}, 720p draft ${ratios.draft.at(-1)!.toFixed(2)}`);
	}
	const median = (xs: number[]) => {
		const sorted = [...xs].sort((a, b) => a - b);
		const mid = sorted.length / 2;
		return Number.isInteger(mid) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[Math.floor(mid)];
	};
	const spread = (xs: number[]) => (xs.length > 1 ? `median of ${xs.map((x) => x.toFixed(2)).join(', ')}; ` : '');
	if (ratios.full.length) console.log(`1080p ratio=${median(ratios.full).toFixed(2)} (${spread(ratios.full)}target ≤ 2.5)`);
	if (ratios.draft.length) {
		console.log(`720p-draft ratio=${median(ratios.draft).toFixed(2)} (${spread(ratios.draft)}target ≤ 1.2)`);
		console.log(`peak RSS ${peakMb} MB (target ≤ 1536)`);
	}
	await rm(path.join(work, 'floor-text'), {recursive: true, force: true});
};

main().catch((error) => {
	console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
