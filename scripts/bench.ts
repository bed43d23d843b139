// npm run bench: reel's render of a fixed plan against an ffmpeg filter-graph
// render of the same edit (the floor), measured side by side in one run.
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

// --scale F: a smaller render, for a quicker --distributed comparison.
const scaleArg = () => (process.argv.includes('--scale') ? Number(process.argv[process.argv.indexOf('--scale') + 1]) : undefined);

const main = async () => {
	// --only floor|1080: stop early, for A/B runs while profiling.
	const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
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
	const floor = await timed('ffmpeg floor', floorFile, frames, () =>
		produceFileAtomic(floorFile, async (temp) =>
			runSystemFfmpeg(await floorArgs({plan, out: temp, workDir: path.join(work, 'floor-text'), fontFile: FONT, x264Preset: PRESET, crf: RENDER_CRF})),
		),
	);
	if (only === 'floor') return;
	// The renderer `make` would use here: the compositor when a full ffmpeg is present (it is: the floor needs one).
	console.log(`reel renderer: ${chooseRenderer('auto')}`);
	const full = await timed('reel 1080p', path.join(work, 'reel-1080.mp4'), frames, reel(plan, path.join(work, 'reel-1080.mp4'), {x264Preset: PRESET}));
	console.log(`1080p ratio=${(full.seconds / floor.seconds).toFixed(2)} (target ≤ 2.5)`);
	if (only === '1080') return;
	const draft = await timed('reel 720p draft', path.join(work, 'reel-720-draft.mp4'), frames, reel(plan, path.join(work, 'reel-720-draft.mp4'), {draft: true}));
	console.log(`720p-draft ratio=${(draft.seconds / floor.seconds).toFixed(2)} (target ≤ 1.2)`);
	console.log(`peak RSS ${Math.max(full.peakMb, draft.peakMb)} MB (target ≤ 1536)`);
	await rm(path.join(work, 'floor-text'), {recursive: true, force: true});
};

main().catch((error) => {
	console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
