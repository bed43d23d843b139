// Profiling aid: renders a frame range of the bench plan in three ways, to
// split a frame's cost (docs/performance.md): page work only (no capture),
// page + JPEG capture (renderFrames to disk), and the full render with x264
// (renderMedia). npx tsx bench/profile.ts [from] [to] [scale]
// Env: CONCURRENCY (default 1), PRESET (default reel's), GL, MODES (e.g. "none,jpeg,media").
import {openBrowser, renderFrames, renderMedia, selectComposition} from '@remotion/renderer';
import {rm} from 'node:fs/promises';
import path from 'node:path';
import {cacheDir} from '../src/analysis/cache/dirs';
import {findBrowser} from '../src/render/browser';
import {bundleProject} from '../src/render/bundle';
import {DEFAULT_X264_PRESET, type X264Preset} from '../src/render/settings';
import {ASPECTS} from '../src/plan';
import {ensureBenchClips} from './clips';
import {makeBenchPlan} from './plan';

const [from = 0, to = 89, scale = 1] = process.argv.slice(2).map(Number);
const concurrency = Number(process.env.CONCURRENCY ?? 1);
const modes = (process.env.MODES ?? 'none,jpeg,media').split(',');
const gl = (process.env.GL ?? null) as 'swiftshader' | 'swangle' | 'angle' | 'egl' | null;
const work = path.join(cacheDir(), 'bench');
const plan = await makeBenchPlan({clipsDir: await ensureBenchClips(path.join(cacheDir(), 'bench-clips')), workDir: work});
const serveUrl = await bundleProject();
const {executable, chromeMode} = findBrowser({});
const browser = await openBrowser('chrome', {browserExecutable: executable, chromeMode, chromiumOptions: {gl, enableMultiProcessOnLinux: process.env.SINGLE !== '1'}});
const inputProps = plan as unknown as Record<string, unknown>;
const composition = await selectComposition({serveUrl, id: ASPECTS[plan.aspect].compositionId, inputProps, puppeteerInstance: browser});
const common = {serveUrl, composition, inputProps, puppeteerInstance: browser, concurrency, scale, frameRange: [from, to] as [number, number], chromiumOptions: {gl, enableMultiProcessOnLinux: process.env.SINGLE !== '1'}, logLevel: 'error' as const};

for (const mode of modes) {
	const started = performance.now();
	if (mode === 'media') {
		const x264Preset = (process.env.PRESET as X264Preset | undefined) ?? DEFAULT_X264_PRESET;
		await renderMedia({...common, codec: 'h264', outputLocation: path.join(work, 'profile.mp4'), imageFormat: 'jpeg', jpegQuality: 85, x264Preset, overwrite: true});
	} else {
		const outputDir = path.join(work, 'profile-frames');
		await renderFrames({...common, outputDir, ...(mode === 'jpeg' ? {imageFormat: 'jpeg' as const, jpegQuality: 85} : {imageFormat: 'none' as const}), onStart: () => undefined, onFrameUpdate: () => undefined});
		await rm(outputDir, {recursive: true, force: true});
	}
	const seconds = (performance.now() - started) / 1000;
	console.log(`PROFILE ${mode.padEnd(5)} frames ${from}-${to} scale ${scale} concurrency ${concurrency}: ${seconds.toFixed(1)} s, ${((seconds * 1000) / (to - from + 1)).toFixed(0)} ms/frame`);
}
await browser.close({silent: true});
