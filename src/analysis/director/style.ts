// How each shot looks and enters: framing (as zoom into the clip), a slow
// push or pull, and the transition at its cut, all from the scene's mood.
import type {Framing, Mood, Transition} from '../../plan';
import type {ShotSlot, TimedScene} from './cuts';

export type ShotStyle = {framing: Framing; zoomFrom: number; zoomTo: number; transitionIn: Transition; why: string};

/** Scale of each framing; the drift is how far the Ken Burns move goes over the shot. */
const FRAMING_SCALE: Record<Framing, number> = {wide: 1.0, medium: 1.15, close: 1.4};
const DRIFT: Record<Framing, number> = {wide: 0.08, medium: 0.1, close: 0.12};
const FADE_MS = {paragraph: 700, calm: 500};
const SLIDE_MS = 350;

const framingFor = (mood: Mood, indexInScene: number): Framing => {
	const base: Framing = mood.arousal >= 0.65 ? 'close' : mood.arousal <= 0.35 ? 'wide' : 'medium';
	if (indexInScene === 0) return base;
	// Alternate framing within a scene so consecutive shots do not look the same.
	const cycle: Framing[] = base === 'close' ? ['close', 'medium'] : base === 'wide' ? ['wide', 'medium'] : ['medium', 'close', 'wide'];
	return cycle[indexInScene % cycle.length];
};

const transitionFor = (scene: TimedScene, prev: TimedScene | undefined, isSceneStart: boolean, shotIndex: number): Transition => {
	const cut: Transition = {kind: 'cut', durationMs: 0, direction: null};
	if (!prev || !isSceneStart) return cut;
	if (prev.paragraph !== scene.paragraph) return {kind: 'fade', durationMs: FADE_MS.paragraph, direction: null};
	if (scene.mood.label === 'calm' || scene.mood.label === 'somber') return {kind: 'fade', durationMs: FADE_MS.calm, direction: null};
	if (scene.mood.label === 'upbeat') {
		return {kind: 'slide', durationMs: SLIDE_MS, direction: shotIndex % 2 ? 'from-right' : 'from-bottom'};
	}
	return cut;
};

export const styleShots = ({slots, scenes}: {slots: ShotSlot[]; scenes: TimedScene[]}): ShotStyle[] => {
	const byId = new Map(scenes.map((s) => [s.id, s]));
	let indexInScene = 0;
	return slots.map((slot, i) => {
		const scene = byId.get(slot.sceneId)!;
		const isSceneStart = i === 0 || slots[i - 1].sceneId !== slot.sceneId;
		indexInScene = isSceneStart ? 0 : indexInScene + 1;
		const framing = framingFor(scene.mood, indexInScene);
		const prev = i > 0 ? byId.get(slots[i - 1].sceneId) : undefined;
		const transitionIn = transitionFor(scene, prev, isSceneStart, i);
		const cues = scene.mood.cues?.length ? `; ${scene.mood.cues.join(', ')}` : '';
		const motion = scene.mood.arousal >= 0.65 ? 'fast push' : scene.mood.arousal <= 0.35 ? 'slow drift' : 'steady drift';
		const why = `${scene.mood.label} (valence ${scene.mood.valence}, arousal ${scene.mood.arousal}${cues}) → ${framing}, ${motion}, ${transitionIn.kind}`;
		return {framing, ...zoomFor(framing, i, scene.mood.arousal), transitionIn, why};
	});
};

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The zoom of a framing, pushing in on even shots and pulling out on odd ones.
 * Intense text moves faster: the same shot drifts up to twice as far.
 */
export const zoomFor = (framing: Framing, shotIndex: number, arousal: number): {zoomFrom: number; zoomTo: number} => {
	const scale = FRAMING_SCALE[framing];
	const drift = DRIFT[framing] * (0.6 + 0.9 * arousal);
	const pushIn = shotIndex % 2 === 0;
	return {zoomFrom: round(pushIn ? scale : scale + drift), zoomTo: round(pushIn ? scale + drift : scale)};
};
