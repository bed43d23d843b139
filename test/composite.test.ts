// The compositing renderer draws the same video as the Reel composition:
// one plan rendered both ways, compared frame by frame where it matters
// (mid-shot, mid-fade, mid-slide, every word), and checked against the plan.
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {makePlan} from '../src/analysis/pipeline/make-plan';
import {durationInFrames, msToFrame, parsePlan, shotClipId, type ClipShot, type Plan} from '../src/plan';
import {computeShotTimeline} from '../src/compositions/video/timeline';
import {probeStreams} from '../src/render/ff';
import {captionStates} from '../src/render/composite/caption-states';
import {probeSystemFfmpeg} from '../src/render/composite/ffmpeg';
import {renderPlan} from '../src/render/render-plan';
import {openReelBrowser} from '../src/render/browser';
import {bundleProject} from '../src/render/bundle';
import {renderOverlayImages} from '../src/render/composite/overlay-images';
import {compositeScale} from '../src/render/composite/composite';
import {PUBLIC_DIR, publicMediaDir} from '../src/analysis/cache/dirs';
import {frameAt, makeTestClip, regionStats, writeCorruptClip} from './helpers/media';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-composite-'));
const SCALE = 0.25;
const W = 270;
const H = 480;
const COLOURS: Record<string, [number, number, number]> = {
	'fire-flames.mp4': [190, 40, 30],
	'forest-trees.mp4': [30, 150, 50],
	'ocean-waves.mp4': [30, 70, 190],
};
let plan: Plan;
const out = {composite: path.join(dir, 'composite.mp4'), remotion: path.join(dir, 'remotion.mp4')};
const ffmpeg = probeSystemFfmpeg();

const psnr = (a: Buffer, b: Buffer): number => {
	if (a.length !== W * H * 3 || b.length !== W * H * 3) throw new Error(`decoded ${a.length} and ${b.length} bytes, not one ${W}×${H} frame each`);
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
	const mse = sum / a.length;
	return mse === 0 ? 99 : 10 * Math.log10(255 ** 2 / mse);
};
/** The middle of frame f, so a seek lands on f in both files. */
const frameMs = (f: number) => ((f + 0.5) * 1000) / plan.fps;

describe.skipIf(!ffmpeg.ok)('compositing renderer', () => {
	beforeAll(async () => {
		const clips = path.join(dir, 'clips');
		mkdirSync(clips);
		// Portrait, landscape and square sources; the ocean clip is shorter than its shot, so it loops.
		// At the plan's frame rate: from other rates the two renderers may pick neighbouring source
		// frames where a frame time falls half-way (docs/performance.md).
		await makeTestClip({file: path.join(clips, 'fire-flames.mp4'), color: COLOURS['fire-flames.mp4'], width: 64, height: 112, seconds: 3, fps: 30});
		await makeTestClip({file: path.join(clips, 'forest-trees.mp4'), color: COLOURS['forest-trees.mp4'], width: 112, height: 64, seconds: 3, fps: 30});
		await makeTestClip({file: path.join(clips, 'ocean-waves.mp4'), color: COLOURS['ocean-waves.mp4'], width: 80, height: 80, seconds: 0.8, fps: 30});
		const script = path.join(dir, 'script.txt');
		writeFileSync(script, 'Fire burns bright tonight. Green trees grow tall. The ocean waves roll in. Remember this night.');
		const planned = await makePlan({scriptFile: script, clipsDir: clips, options: {rate: 200}});
		// Pin what the comparison must cover: a fade, a slide, zoom in and out, three moods' grades, a title card.
		// The last sentence becomes a title card, split off the shot that holds it.
		const cardStart = planned.words.find((w) => w.text.trim().startsWith('Remember'))!.startMs;
		const last = planned.shots.at(-1)!;
		const {clipId: _clip, clipInMs: _in, kind: _kind, ...shotBase} = last as ClipShot;
		const withCard = [...planned.shots.slice(0, -1), {...last, endMs: cardStart}, {...shotBase, kind: 'title' as const, title: {text: 'Remember this night'}, startMs: cardStart}];
		plan = parsePlan({
			...planned,
			shots: withCard.map((s, i) => ({
				...s,
				zoomFrom: [1, 1.15, 1.05][i % 3],
				zoomTo: [1.12, 1.02, 1.2][i % 3],
				transitionIn: [
					{kind: 'cut', durationMs: 0, direction: null},
					{kind: 'fade', durationMs: 400, direction: null},
					{kind: 'slide', durationMs: 400, direction: 'from-right'},
				][i % 3],
			})),
			scenes: planned.scenes.map((s, i) => ({...s, mood: {...s.mood, label: (['intense', 'calm', 'somber'] as const)[i % 3]}})),
		});
		await renderPlan({plan, out: out.composite, options: {renderer: 'composite', scale: SCALE}});
		await renderPlan({plan, out: out.remotion, options: {renderer: 'remotion', scale: SCALE}});
	}, 400_000);

	test('the plan covers what the comparison needs', () => {
		expect(plan.shots.map(shotClipId)).toEqual(['fire-flames.mp4', 'forest-trees.mp4', 'ocean-waves.mp4', null]);
		const ocean = plan.shots[2];
		expect(ocean.endMs - ocean.startMs).toBeGreaterThan(800);
	});

	test('same streams, size and length as the Remotion render', async () => {
		const [a, b] = await Promise.all([probeStreams(out.composite), probeStreams(out.remotion)]);
		const video = (p: typeof a) => p.streams.find((s) => s.codec_type === 'video')!;
		expect([video(a).codec_name, video(a).pix_fmt, video(a).width, video(a).height]).toEqual(['h264', 'yuv420p', W, H]);
		const audio = a.streams.find((s) => s.codec_type === 'audio')!;
		expect(audio.codec_name).toBe('aac');
		// The whole narration is there, to the end of the video (AAC frames are 21 ms).
		expect(Math.abs(Number(audio.duration) - Number(video(a).duration)) * 1000).toBeLessThan(50);
		const frame = 1000 / plan.fps;
		expect(Math.abs(Number(video(a).duration) * 1000 - Number(video(b).duration) * 1000)).toBeLessThan(frame / 2);
		expect(Math.abs(Number(video(a).duration) * 1000 - durationInFrames(plan.durationMs, plan.fps) * frame)).toBeLessThan(frame / 2);
	});

	test('frames match the Remotion render mid-shot, mid-transition and at every word (PSNR ≥ 30 dB)', async () => {
		const {entries} = computeShotTimeline({shots: plan.shots, fps: plan.fps, durationMs: plan.durationMs});
		const frames = new Set<number>();
		for (const e of entries) {
			frames.add(e.fromFrame + Math.floor(e.durationInFrames / 2));
			if (e.transitionInFrames > 0) frames.add(e.cutFrame);
		}
		for (const w of plan.words) frames.add(msToFrame((w.startMs + w.endMs) / 2, plan.fps));
		const scores: string[] = [];
		let worst = Infinity;
		for (const f of [...frames].sort((x, y) => x - y)) {
			const [a, b] = await Promise.all([frameAt({file: out.composite, timeMs: frameMs(f), width: W, height: H}), frameAt({file: out.remotion, timeMs: frameMs(f), width: W, height: H})]);
			const db = psnr(a, b);
			worst = Math.min(worst, db);
			scores.push(`${f}:${db.toFixed(1)}`);
		}
		console.log(`PSNR composite vs remotion, frame:dB — ${scores.join(' ')}`);
		expect(frames.size).toBeGreaterThan(plan.words.length / 2);
		expect(worst).toBeGreaterThanOrEqual(30);
	}, 120_000);

	test('each shot shows its clip, and the spoken word is highlighted', async () => {
		for (const shot of plan.shots) {
			if (shot.kind === 'title') continue;
			const rgb = await frameAt({file: out.composite, timeMs: (shot.startMs + shot.endMs) / 2, width: W, height: H});
			const {mean} = regionStats({rgb, width: W, height: H, region: {x0: 0, y0: 0, x1: 1, y1: 0.3}});
			const colour = COLOURS[shot.clipId];
			expect(mean.indexOf(Math.max(...mean))).toBe(colour.indexOf(Math.max(...colour)));
		}
		const yellow = (r: number, g: number, b: number) => r > 200 && g > 170 && b < 90;
		const band = {x0: 0, y0: 0.45, x1: 1, y1: 0.9};
		const word = plan.words[2];
		const during = await frameAt({file: out.composite, timeMs: (word.startMs + word.endMs) / 2, width: W, height: H});
		expect(regionStats({rgb: during, width: W, height: H, region: band, test: yellow}).hits).toBeGreaterThan(20);
		const before = await frameAt({file: out.composite, timeMs: frameMs(0), width: W, height: H});
		expect(regionStats({rgb: before, width: W, height: H, region: band, test: yellow}).hits).toBe(0);
	}, 60_000);

	test('Chrome drew each caption picture once, far fewer than the frames', () => {
		const states = captionStates(plan);
		expect(states.frameState).toHaveLength(durationInFrames(plan.durationMs, plan.fps));
		expect(states.stateFrames.length).toBeLessThan(states.frameState.length / 2);
		// Every state's first frame is where the mapping first uses it.
		states.stateFrames.forEach((f, i) => expect(states.frameState.indexOf(i)).toBe(f));
	});

	// Chrome and ffmpeg run at once: a failure in either must stop the other and
	// leave no output, with the cause as the error.
	test('a clip ffmpeg cannot read fails the render with ffmpeg\'s reason, and leaves nothing behind', async () => {
		const bad = path.join(publicMediaDir(), `corrupt-${process.pid}.mp4`);
		await writeCorruptClip(bad);
		try {
			const broken = {...plan, clips: plan.clips.map((c, i) => (i === 0 ? {...c, src: path.relative(PUBLIC_DIR, bad)} : c))};
			const file = path.join(dir, 'broken', 'out.mp4');
			await expect(renderPlan({plan: broken, out: file, options: {renderer: 'composite', scale: SCALE}})).rejects.toThrow(/ffmpeg exited 1: .*corrupt-/);
			expect(existsSync(path.dirname(file)) ? readdirSync(path.dirname(file)) : []).toEqual([]);
		} finally {
			rmSync(bad, {force: true});
		}
	}, 60_000);

	test('a bundle Chrome cannot load fails the render with Chrome\'s reason, and ffmpeg is stopped', async () => {
		const file = path.join(dir, 'no-bundle', 'out.mp4');
		const started = Date.now();
		await expect(renderPlan({plan, out: file, options: {renderer: 'composite', scale: SCALE, serveUrl: path.join(dir, 'no-such-bundle')}})).rejects.toThrow();
		expect(existsSync(path.dirname(file)) ? readdirSync(path.dirname(file)) : []).toEqual([]);
		// Not waiting forever on pictures that will never come.
		expect(Date.now() - started).toBeLessThan(50_000);
	}, 60_000);

	test('a picture that cannot be handed over fails the drawing with that error, not with the cancel it causes', async () => {
		const {browser, executable, chromeMode} = await openReelBrowser();
		try {
			const published: string[] = [];
			const drawing = renderOverlayImages({
				plan, states: captionStates(plan), scale: SCALE, serveUrl: await bundleProject(), browser, executable, chromeMode,
				publish: async (name) => {
					published.push(name);
					throw new Error(`disk full writing ${name}`);
				},
			});
			await expect(drawing).rejects.toThrow(/^disk full writing /);
			expect(published.length).toBeGreaterThan(0);
		} finally {
			await browser.close({silent: true});
		}
	}, 60_000);

	// At 0.37 the atlas frames did not cut evenly into bands (untile failed); twelfths always do.
	test('any scale renders: the compositor takes the nearest twelfth and says so', async () => {
		expect([0.25, 1 / 3, 0.5, 720 / 1080, 1, 2].map(compositeScale)).toEqual([0.25, 1 / 3, 0.5, 720 / 1080, 1, 2]);
		expect(compositeScale(0.37)).toBe(1 / 3);
		expect(compositeScale(0.01)).toBe(1 / 12);
		const file = path.join(dir, 'odd-scale.mp4');
		const warnings: string[] = [];
		await renderPlan({plan, out: file, options: {renderer: 'composite', scale: 0.3, onWarning: (m) => warnings.push(m)}});
		const video = (await probeStreams(file)).streams.find((s) => s.codec_type === 'video')!;
		expect([video.width, video.height]).toEqual([360, 640]);
		expect(warnings).toEqual([expect.stringMatching(/scale 0\.3: .* 0\.333, the nearest twelfth/)]);
	}, 120_000);
});

