// Whole-plan invariants on a real run of the analysis (espeak, clips, director,
// matcher): the contract the compositions rely on.
import {existsSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {makePlan} from '../src/analysis/pipeline/make-plan';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {shotClipId, type Plan} from '../src/plan';
import {makeTestClip} from './helpers/media';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-plan-'));
const SCRIPT = `The ocean is calm tonight. Waves roll slowly onto the empty beach.

Suddenly the storm hits! Thunder, lightning and rain crash over the whole city, and the streets flood in minutes.

By morning the sky is clear again.`;
let first: Plan;
let second: Plan;

beforeAll(async () => {
	const clips = path.join(dir, 'clips');
	mkdirSync(clips);
	await makeTestClip({file: path.join(clips, 'a.mp4'), color: [20, 60, 200], seconds: 4});
	await makeTestClip({file: path.join(clips, 'b.mp4'), color: [200, 200, 40]});
	await makeTestClip({file: path.join(clips, 'city-streets-at-night.mp4'), color: [90, 90, 90]});
	await makeTestClip({file: path.join(clips, 'sky.mp4'), color: [120, 180, 250]});
	writeFileSync(
		path.join(clips, 'clips.json'),
		JSON.stringify({clips: {'a.mp4': {description: 'Ocean waves on a beach', tags: ['sea']}, 'b.mp4': {description: 'Lightning in a storm', tags: ['thunder', 'rain']}}}),
	);
	writeFileSync(path.join(clips, 'sky.json'), JSON.stringify({description: 'A clear morning sky', tags: ['dawn']}));
	const script = path.join(dir, 'weather.txt');
	writeFileSync(script, SCRIPT);
	first = await makePlan({scriptFile: script, clipsDir: clips});
	second = await makePlan({scriptFile: script, clipsDir: clips});
}, 120_000);

describe('a plan', () => {
	test('has every script word once, in order, inside the narration', () => {
		expect(first.words.map((w) => w.text).join('')).toBe(SCRIPT.replace(/\s+/g, ' '));
		for (let i = 0; i < first.words.length; i++) {
			const w = first.words[i];
			expect(w.endMs).toBeGreaterThan(w.startMs);
			if (i > 0) expect(w.startMs).toBeGreaterThanOrEqual(first.words[i - 1].endMs);
		}
		expect(first.words[first.words.length - 1].endMs).toBeLessThanOrEqual(first.narration.durationMs);
		expect(first.durationMs).toBe(first.narration.durationMs);
	});

	test('scenes cover the words; paragraphs are numbered', () => {
		expect(first.scenes.map((s) => s.paragraph)).toEqual([0, 0, 1, 1, 2]);
		expect(first.scenes[0].wordStart).toBe(0);
		expect(first.scenes[first.scenes.length - 1].wordEnd).toBe(first.words.length);
		for (let i = 1; i < first.scenes.length; i++) expect(first.scenes[i].wordStart).toBe(first.scenes[i - 1].wordEnd);
	});

	test('shots tile the video and cut only between words', () => {
		expect(first.shots[0].startMs).toBe(0);
		expect(first.shots[first.shots.length - 1].endMs).toBe(first.durationMs);
		for (let i = 1; i < first.shots.length; i++) {
			const cut = first.shots[i].startMs;
			expect(cut).toBe(first.shots[i - 1].endMs);
			expect(first.words.some((w) => w.startMs < cut && cut < w.endMs)).toBe(false);
		}
	});

	test('clips come from sidecar, manifest and file name, matched by meaning of the words', () => {
		const clipOf = (sceneId: number) => shotClipId(first.shots.find((s) => s.sceneId === sceneId)!);
		// Both ocean sentences want a.mp4; with four clips it may not come back within three
		// shots, so the whole-cut search gives it to the one that fits it best.
		expect(clipOf(1)).toBe('a.mp4');
		const stormShots = first.shots.filter((s) => s.sceneId === 2 || s.sceneId === 3).map(shotClipId);
		expect(stormShots).toContain('b.mp4');
		expect(stormShots).toContain('city-streets-at-night.mp4');
		// A shot left with a clip below the threshold says so rather than pretending it matches.
		for (const shot of first.shots.filter((s) => s.score < 0.2)) expect(shot.reasons.join(' ')).toMatch(/threshold/);
		expect(clipOf(4)).toBe('sky.mp4');
		const ocean = first.shots.find((s) => shotClipId(s) === 'a.mp4')!;
		expect(ocean.reasons).toContain('matched "wave"');
		for (const clip of first.clips) expect(existsSync(path.join(PROJECT_ROOT, 'public', clip.src))).toBe(true);
	});

	test('the storm is cut tighter than the calm opening', () => {
		const calm = first.scenes[0].mood;
		const storm = first.scenes[2].mood;
		expect(storm.arousal).toBeGreaterThan(calm.arousal);
		const framingsOf = (...sceneIds: number[]) => first.shots.filter((s) => sceneIds.includes(s.sceneId)).map((s) => s.framing);
		// Two calm shots in a row: the search keeps one wide and varies the other rather than repeat the framing.
		expect(framingsOf(0, 1)).toContain('wide');
		expect(framingsOf(0, 1)).not.toContain('close');
		expect(framingsOf(2, 3)).toContain('close');
		expect(framingsOf(2, 3)).not.toContain('wide');
	});

	test('espeak\'s pauses come from its own timings (no VAD pass, no cache entry); the re-run reuses the plan', () => {
		expect(first.report.cache?.pauses).toBeUndefined();
		expect(first.report.stagesMs.pauses).toBeDefined();
		expect(second.report.stagesMs.pauses).toBeUndefined();
	});

	test('is deterministic: the same inputs give the same plan', () => {
		const strip = ({report: _r, ...rest}: Plan) => rest;
		expect(strip(second)).toEqual(strip(first));
		expect(second.report.networkCalls).toBe(0);
	});
});
