// The analysis without speech: a script's scenes timed at a steady pace, then
// the real director and matcher over a fixed library. Everything here is
// deterministic, so the result can be compared with a stored plan.
import {planCuts} from '../../src/analysis/director/cuts';
import {styleShots} from '../../src/analysis/director/style';
import {createMatcher} from '../../src/analysis/match/create-matcher';
import type {FallbackMode} from '../../src/analysis/match/fallback';
import {matchShots, type Assignment} from '../../src/analysis/match/match-shots';
import {mergeHolds} from '../../src/analysis/match/holds';
import type {ClipDoc} from '../../src/analysis/match/semantic';
import {timeScenes} from '../../src/analysis/pipeline/timed-scenes';
import {normaliseScript} from '../../src/analysis/script/read';
import {scriptToScenes} from '../../src/analysis/script/scenes';

/** 330 ms per word and 120 ms between words (about 130 words a minute), 500 ms between sentences. */
const steadyTimings = (scenes: {words: unknown[]}[]) => {
	let t = 200;
	return scenes.map((scene) => {
		const timings = scene.words.map(() => {
			const timing = {startMs: t, endMs: t + 330};
			t += 450;
			return timing;
		});
		t += 500;
		return timings;
	});
};

/** A clip by its id, a title card by its words. */
const shown = (a: Assignment): string => (a.kind === 'title' ? `title: ${a.title}` : a.clipId);

export type GoldenShot = {scene: number; startMs: number; endMs: number; clip: string; framing: string; transition: string; score: number};
export type GoldenPlan = {moods: string[]; shots: GoldenShot[]; variants: string[][]};

export const goldenPlan = async ({script, clips, variants = 1, fallback}: {script: string; clips: (ClipDoc & {durationMs: number})[]; variants?: number; fallback?: FallbackMode}): Promise<GoldenPlan> => {
	const scenes = scriptToScenes(normaliseScript(script));
	const sceneWords = steadyTimings(scenes);
	const {words, timed} = timeScenes({scenes, sceneWords});
	const durationMs = words[words.length - 1].endMs + 400;
	const slots = planCuts({scenes: timed, words, durationMs});
	const styles = styleShots({slots, scenes: timed});
	const matcher = await createMatcher({clips, options: {matcher: 'full'}});
	const cuts = await matchShots({slots, words, scenes: timed, framings: styles.map((s) => s.framing), clipDurationsMs: new Map(clips.map((c) => [c.id, c.durationMs])), matcher, variants, fallback});
	// As assemblePlan does: a held shot is part of the shot before it.
	const merged = cuts.map((cut) => mergeHolds({slots, cut}));
	const [first] = merged;
	return {
		moods: timed.map((s) => `${s.mood.label} ${s.mood.arousal}${s.mood.cues?.length ? ` (${s.mood.cues.join(', ')})` : ''}`),
		shots: first.slots.map((slot, i) => ({
			scene: slot.sceneId,
			startMs: Math.round(slot.startMs),
			endMs: Math.round(slot.endMs),
			clip: shown(first.cut[i]),
			framing: first.cut[i].framing,
			transition: styles[first.firstSlot[i]].transitionIn.kind,
			score: first.cut[i].score,
		})),
		variants: merged.map((m) => m.cut.map(shown)),
	};
};
