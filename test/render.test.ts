// End to end: the CLI renders a short, small video; ffprobe checks the
// streams and duration, decoded frames check footage and captions.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {parsePlan, shotClipId, type Plan} from '../src/plan';
import {checkPlanCaptionSync} from '../src/compositions/captions/check-sync';
import {probeStreams} from '../src/render/ff';
import {runCli} from './helpers/cli';
import {frameAt, makeTestClip, regionStats} from './helpers/media';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-render-'));
const out = path.join(dir, 'out', 'short.mp4');
const RED: [number, number, number] = [190, 30, 30];
const GREEN: [number, number, number] = [30, 160, 40];
let plan: Plan;
let cli: ReturnType<typeof runCli>;

beforeAll(async () => {
	const clips = path.join(dir, 'clips');
	mkdirSync(clips);
	await makeTestClip({file: path.join(clips, 'fire-flames.mp4'), color: RED, seconds: 3});
	await makeTestClip({file: path.join(clips, 'forest-trees.mp4'), color: GREEN, seconds: 3});
	const script = path.join(dir, 'short.txt');
	writeFileSync(script, 'Fire burns bright. Green trees grow.');
	cli = runCli(['make', script, '--clips', clips, '--out', out, '--rate', '190', '--scale', '0.25']);
	if (cli.status === 0) plan = parsePlan(JSON.parse(readFileSync(path.join(dir, 'out', 'short.plan.json'), 'utf8')));
}, 300_000);

const W = 270;
const H = 480;
const yellow = (r: number, g: number, b: number) => r > 200 && g > 170 && b < 90;

describe('make renders a video', () => {
	test('the CLI succeeds and leaves only the video, plan and subtitles', () => {
		expect(cli.stderr).not.toMatch(/reel:/);
		expect(cli.status).toBe(0);
		expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['short.mp4', 'short.plan.json', 'short.srt']);
		expect(plan.durationMs).toBeLessThanOrEqual(3000);
	});

	test('H.264 + AAC at the chosen size, as long as the narration to within one frame', async () => {
		const {streams} = await probeStreams(out);
		const video = streams.find((s) => s.codec_type === 'video')!;
		const audio = streams.find((s) => s.codec_type === 'audio')!;
		expect([video.codec_name, video.pix_fmt, video.width, video.height]).toEqual(['h264', 'yuv420p', W, H]);
		expect(audio.codec_name).toBe('aac');
		expect(Math.abs(Number(video.duration) * 1000 - plan.narration.durationMs)).toBeLessThanOrEqual(1000 / plan.fps);
	});

	test('each shot shows its own clip: red for fire, green for trees', async () => {
		expect(plan.shots.map(shotClipId)).toEqual(['fire-flames.mp4', 'forest-trees.mp4']);
		for (const [shot, colour] of [[plan.shots[0], RED], [plan.shots[1], GREEN]] as const) {
			const mid = (shot.startMs + shot.endMs) / 2;
			const rgb = await frameAt({file: out, timeMs: mid, width: W, height: H});
			const {mean} = regionStats({rgb, width: W, height: H, region: {x0: 0, y0: 0, x1: 1, y1: 0.3}});
			const dominant = colour.indexOf(Math.max(...colour));
			expect(mean.indexOf(Math.max(...mean))).toBe(dominant);
		}
	});

	test('the spoken word is highlighted while it is spoken; no caption before the first word', async () => {
		const captionBand = {x0: 0, y0: 0.45, x1: 1, y1: 0.9};
		const word = plan.words[1];
		const during = await frameAt({file: out, timeMs: (word.startMs + word.endMs) / 2, width: W, height: H});
		expect(regionStats({rgb: during, width: W, height: H, region: captionBand, test: yellow}).hits).toBeGreaterThan(20);
		expect(plan.words[0].startMs).toBeGreaterThan(150);
		const before = await frameAt({file: out, timeMs: 40, width: W, height: H});
		expect(regionStats({rgb: before, width: W, height: H, region: captionBand, test: yellow}).hits).toBe(0);
	});

	test('the caption on screen at every word midpoint is that word', () => {
		const {checkedWords, errors} = checkPlanCaptionSync(plan);
		expect(checkedWords).toBe(plan.words.length);
		expect(errors).toEqual([]);
	});

	test('no temporary files are left next to the output', () => {
		expect(readdirSync(path.join(dir, 'out')).some((f) => f.endsWith('.tmp') || f.startsWith('.'))).toBe(false);
		expect(existsSync(out)).toBe(true);
	});
});
