// Pure pieces of the compositions: shot timeline arithmetic, clip looping,
// Ken Burns bounds, and how props become a plan (or a helpful reason).
import {describe, expect, it} from 'vitest';
import {computeClipSegments} from '../src/compositions/video/clip-segments';
import {kenBurns} from '../src/compositions/video/ken-burns';
import {computeShotTimeline} from '../src/compositions/video/timeline';
import type {TimelineShot} from '../src/compositions/video/timeline';
import {presentationFor} from '../src/compositions/video/transitions';
import {resolvePlanInput} from '../src/compositions/resolve-input';
import {msToFrame} from '../src/plan';
import type {Transition} from '../src/plan';

const fade = (durationMs: number): Transition => ({kind: 'fade', durationMs, direction: null});
const CUT: Transition = {kind: 'cut', durationMs: 0, direction: null};
const shot = (startMs: number, transitionIn: Transition): TimelineShot => ({startMs, transitionIn});

// What a TransitionSeries does with the entries: each sequence starts where the
// previous one ends, minus the transition between them.
const layOut = (entries: ReturnType<typeof computeShotTimeline>['entries']) => {
	let from = 0;
	return entries.map((e, i) => {
		if (i > 0) from += entries[i - 1].durationInFrames - e.transitionInFrames;
		return from;
	});
};

describe('computeShotTimeline', () => {
	const shots = [shot(0, CUT), shot(2000, fade(400)), shot(3500, {kind: 'slide', durationMs: 300, direction: 'from-left'}), shot(6100, CUT)];

	it('sums to the plan duration and puts every cut on its narration frame', () => {
		const {entries, totalFrames} = computeShotTimeline({shots, fps: 30, durationMs: 8000});
		expect(entries).toEqual([
			{shotIndex: 0, cutFrame: 0, fromFrame: 0, durationInFrames: 66, transitionInFrames: 0},
			{shotIndex: 1, cutFrame: 60, fromFrame: 54, durationInFrames: 55, transitionInFrames: 12},
			// 300 ms is 9 frames: rounded down to 8 so the cut sits exactly in the middle.
			{shotIndex: 2, cutFrame: 105, fromFrame: 101, durationInFrames: 82, transitionInFrames: 8},
			{shotIndex: 3, cutFrame: 183, fromFrame: 183, durationInFrames: 57, transitionInFrames: 0},
		]);
		const sum = entries.reduce((a, e) => a + e.durationInFrames - e.transitionInFrames, 0);
		expect(sum).toBe(totalFrames);
		expect(totalFrames).toBe(240);
		expect(layOut(entries)).toEqual(entries.map((e) => e.fromFrame));
		entries.forEach((e) => expect(e.fromFrame + e.transitionInFrames / 2).toBe(msToFrame(shots[e.shotIndex].startMs, 30)));
	});

	it('holds for awkward frame rates and durations', () => {
		for (const fps of [24, 25, 30, 60]) {
			const {entries, totalFrames} = computeShotTimeline({shots, fps, durationMs: 8017});
			expect(entries.reduce((a, e) => a + e.durationInFrames - e.transitionInFrames, 0)).toBe(totalFrames);
			expect(layOut(entries)).toEqual(entries.map((e) => e.fromFrame));
			entries.forEach((e) => expect(e.transitionInFrames % 2).toBe(0));
		}
	});

	it('clamps a transition to what both neighbours allow', () => {
		// A 150 ms shot (5 frames) between two 1 s fades: each fade gets at most 4 frames (even ≤ 5).
		const short = [shot(0, CUT), shot(1000, fade(1000)), shot(1150, fade(1000))];
		const {entries} = computeShotTimeline({shots: short, fps: 30, durationMs: 3000});
		expect(entries.map((e) => e.transitionInFrames)).toEqual([0, 4, 4]);
		// Neither transition may run into the other: the middle sequence holds both halves.
		expect(entries[1].durationInFrames).toBe(5 + 2 + 2);
		entries.forEach((e, i) => {
			expect(e.durationInFrames).toBeGreaterThanOrEqual(e.transitionInFrames);
			if (i + 1 < entries.length) expect(e.durationInFrames).toBeGreaterThanOrEqual(entries[i + 1].transitionInFrames);
		});
	});

	it('drops a shot too short to fill one frame and turns a 1-frame transition into a cut', () => {
		const tiny = [shot(0, CUT), shot(1000, fade(400)), shot(1010, fade(40)), shot(2000, fade(30))];
		const {entries, totalFrames} = computeShotTimeline({shots: tiny, fps: 30, durationMs: 3000});
		expect(entries.map((e) => e.shotIndex)).toEqual([0, 2, 3]);
		expect(entries.map((e) => e.transitionInFrames)).toEqual([0, 0, 0]);
		expect(entries.reduce((a, e) => a + e.durationInFrames, 0)).toBe(totalFrames);
	});
});

describe('computeClipSegments', () => {
	it('plays from clipInMs and loops a clip shorter than the shot', () => {
		expect(computeClipSegments({clipDurationMs: 2000, clipInMs: 1500, shotFrames: 100, fps: 30})).toEqual([
			{fromFrame: 0, durationInFrames: 15, trimBeforeFrames: 45},
			{fromFrame: 15, durationInFrames: 60, trimBeforeFrames: 0},
			{fromFrame: 75, durationInFrames: 25, trimBeforeFrames: 0},
		]);
	});
	it('uses one segment when the clip is long enough', () => {
		expect(computeClipSegments({clipDurationMs: 10_000, clipInMs: 0, shotFrames: 90, fps: 30})).toEqual([
			{fromFrame: 0, durationInFrames: 90, trimBeforeFrames: 0},
		]);
	});
});

describe('kenBurns', () => {
	it('interpolates the zoom and never drifts past the spare margin', () => {
		expect(kenBurns({zoomFrom: 1.1, zoomTo: 1.3, progress: 0.5, panDirection: 1}).scale).toBeCloseTo(1.2);
		for (const p of [0, 0.3, 1]) {
			const {scale, translateXPercent} = kenBurns({zoomFrom: 1.05, zoomTo: 1.25, progress: p, panDirection: -1});
			expect(Math.abs(translateXPercent)).toBeLessThanOrEqual(((scale - 1) / (2 * scale)) * 100);
		}
		expect(kenBurns({zoomFrom: 1, zoomTo: 1, progress: 1, panDirection: 1}).translateXPercent).toBe(0);
	});
});

describe('transitions and props', () => {
	it('looks up a presentation per kind; a cut has none', () => {
		expect(presentationFor(CUT)).toBeNull();
		expect(presentationFor(fade(300))?.component).toBeTypeOf('function');
		expect(presentationFor({kind: 'slide', durationMs: 300, direction: 'from-top'})?.props).toMatchObject({direction: 'from-top'});
	});

	it('tells "no plan" from "a broken plan"', () => {
		expect(resolvePlanInput({props: {}, source: 'x'})).toEqual({kind: 'missing'});
		expect(resolvePlanInput({props: {planError: 'boom'}, source: 'x'})).toEqual({kind: 'invalid', message: 'boom'});
		const broken = resolvePlanInput({props: {title: 'only a title'}, source: 'plan.json'});
		expect(broken.kind).toBe('invalid');
		expect(broken.kind === 'invalid' && broken.message).toMatch(/^plan\.json is not a valid reel plan/);
	});

	it('a failed re-plan reported by the Studio watcher is not a plan of its own', () => {
		// The watcher's problem rides along with the last good plan; on its own it means "no plan yet".
		expect(resolvePlanInput({props: {planProblem: 'weather.txt: the script is empty'}, source: 'x'})).toEqual({kind: 'missing'});
	});
});
