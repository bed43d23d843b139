// A recorded voice-over drives the plan: a take with known word times (espeak
// speech with room tone and long pauses, slowed and resampled like a real
// recording) is aligned, and the plan's words follow the recording.
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {makePlan} from '../src/analysis/pipeline/make-plan';
import {checkPlanCaptionSync} from '../src/compositions/captions/check-sync';
import type {Plan} from '../src/plan';
import {frameAt, makeTestClip, regionStats} from './helpers/media';
import {renderPlan} from '../src/render/render-plan';
import {probeStreams} from '../src/render/ff';
import {makeTake, transformTake, type TrueWord} from './helpers/speech';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-vo-'));
const SENTENCES = ['The harbour is quiet before dawn.', 'Then the fishing boats come home, loud and fast!'];
let plan: Plan;
let truth: TrueWord[];

beforeAll(async () => {
	const clips = path.join(dir, 'clips');
	mkdirSync(clips);
	await makeTestClip({file: path.join(clips, 'harbour-boats.mp4')});
	await makeTestClip({file: path.join(clips, 'dawn-sky.mp4'), color: [200, 120, 60]});
	const take = await makeTake({sentences: SENTENCES, pausesMs: [1200, 1500, 800]});
	const audio = path.join(dir, 'take1.wav');
	truth = await transformTake({take, file: audio, tempo: 0.9, sampleRate: 44_100, channels: 2});
	const script = path.join(dir, 'harbour.txt');
	writeFileSync(script, SENTENCES.join(' '));
	plan = await makePlan({scriptFile: script, clipsDir: clips, options: {voiceover: audio}});
}, 120_000);

describe('voice-over narration', () => {
	test('the plan uses the recording and its length', () => {
		expect(plan.narration.engine).toBe('voice-over');
		expect(plan.narration.voice).toBe('take1.wav');
		expect(plan.durationMs).toBeGreaterThan(truth[truth.length - 1].endMs);
	});

	test('every word starts and ends where the speaker says it', () => {
		expect(plan.words.map((w) => w.text.trim())).toEqual(truth.map((w) => w.text));
		const errors = plan.words.flatMap((w, i) => [Math.abs(w.startMs - truth[i].startMs), Math.abs(w.endMs - truth[i].endMs)]).sort((a, b) => a - b);
		expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(40);
		expect(errors[errors.length - 1]).toBeLessThan(150);
	});

	test('the first shot holds through the opening silence; the first word is not shown early', () => {
		expect(plan.words[0].startMs).toBeGreaterThan(1000);
		expect(plan.shots[0].startMs).toBe(0);
	});

	test('the caption at each word midpoint is that word', () => {
		const {checkedWords, errors} = checkPlanCaptionSync(plan);
		expect(checkedWords).toBe(truth.length);
		expect(errors).toEqual([]);
	});

	test('rendered, the video carries the recording and highlights each word while it is spoken', async () => {
		const out = path.join(dir, 'out', 'harbour.mp4');
		await renderPlan({plan, out, options: {scale: 0.25}});
		const {streams} = await probeStreams(out);
		const audio = streams.find((x) => x.codec_type === 'audio')!;
		expect(Math.abs(Number(audio.duration) * 1000 - plan.durationMs)).toBeLessThan(100);
		const yellow = (r: number, g: number, b: number) => r > 200 && g > 170 && b < 90;
		const band = {x0: 0, y0: 0.45, x1: 1, y1: 0.9};
		const word = plan.words[5];
		const during = await frameAt({file: out, timeMs: (word.startMs + word.endMs) / 2, width: 270, height: 480});
		expect(regionStats({rgb: during, width: 270, height: 480, region: band, test: yellow}).hits).toBeGreaterThan(20);
		// In the opening room tone (before the first word) there is no caption.
		const silence = await frameAt({file: out, timeMs: plan.words[0].startMs / 2, width: 270, height: 480});
		expect(regionStats({rgb: silence, width: 270, height: 480, region: band, test: yellow}).hits).toBe(0);
	}, 300_000);
});
