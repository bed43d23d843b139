// Small deterministic helpers shared by the procedural clips. Every shape is a
// pure function of the frame and a seed, so a clip renders identically on any
// machine and any frame can be rendered alone.
import {createContext, useContext} from 'react';
import {random, useCurrentFrame} from 'remotion';
import {DEMO_CLIP_DURATION_IN_FRAMES} from './catalog';

export const TAU = Math.PI * 2;

/**
 * Frames added to the composition's frame: a tile of DemoClipTiles shows a
 * later stretch of its clip. (Remotion's <Freeze> cannot go past the end of the
 * composition, which is shorter than the clip there.)
 */
export const ClipFrameOffset = createContext(0);

/**
 * Position in the loop, 0 → 1; motion built on sin(TAU·phase) loops seamlessly.
 * The loop length is the catalogue's, not the composition's, for the same reason.
 */
export const usePhase = (): {frame: number; phase: number; durationInFrames: number} => {
	const frame = useCurrentFrame() + useContext(ClipFrameOffset);
	return {frame, phase: frame / DEMO_CLIP_DURATION_IN_FRAMES, durationInFrames: DEMO_CLIP_DURATION_IN_FRAMES};
};

/** `count` seeded items; `rnd(k)` gives a stable number in [0, 1) per item and key. */
export const seeded = <T,>(seed: string, count: number, make: (rnd: (key: string) => number, i: number) => T): T[] =>
	Array.from({length: count}, (_, i) => make((key) => random(`${seed}-${i}-${key}`), i));

/** Wraps v into [min, min + span): things leaving one edge re-enter at the other. */
export const wrap = (v: number, min: number, span: number): number => min + ((((v - min) % span) + span) % span);

export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

/**
 * For things that appear, move and vanish (snowflakes, drifting clouds): opacity
 * for a point of their life (0 → 1), fading in and out over the `edge` share at
 * each end. A life that wraps once per loop keeps the clip seamless.
 */
export const fadeInOut = (life: number, edge = 0.15): number => Math.min(1, life / edge, (1 - life) / edge);

export type Octave = {freq: number; amp: number; phase: number};

/** A few sine octaves with seeded phases: a cheap, smooth, periodic 1-D noise. */
export const makeOctaves = (seed: string, count: number, baseFreq: number): Octave[] =>
	seeded(seed, count, (rnd, i) => ({freq: baseFreq * 2 ** i * (0.8 + rnd('f') * 0.4), amp: 1 / 1.9 ** i, phase: rnd('p') * TAU}));

export const sampleOctaves = (octaves: Octave[], x: number): number =>
	octaves.reduce((sum, o) => sum + o.amp * Math.sin(x * o.freq + o.phase), 0);

/** Each octave folded into pointed crests: peaks on peaks, like a mountain range. */
const sampleRidged = (octaves: Octave[], x: number): number => {
	const total = octaves.reduce((sum, o) => sum + o.amp, 0);
	return octaves.reduce((sum, o) => sum + o.amp * (1 - Math.abs(Math.sin(x * o.freq + o.phase))) ** 1.5, 0) / total;
};

/**
 * Height of a silhouette at x: rounded hills, or with `sharp` pointed peaks
 * (mountains, tree lines). Spans roughly baseY ± amp.
 */
export const ridgeY = ({octaves, x, baseY, amp, sharp = false}: {octaves: Octave[]; x: number; baseY: number; amp: number; sharp?: boolean}): number =>
	sharp ? baseY + amp * (1 - 2.6 * sampleRidged(octaves, x)) : baseY + amp * sampleOctaves(octaves, x);

/** A filled silhouette: the ridge line closed along the bottom edge. */
export const ridgePath = ({width, bottom, baseY, amp, octaves, shift = 0, step = 12, sharp = false}: {
	width: number;
	bottom: number;
	baseY: number;
	amp: number;
	octaves: Octave[];
	shift?: number;
	step?: number;
	sharp?: boolean;
}): string => {
	const points: string[] = [];
	for (let x = -step; x <= width + step; x += step) {
		points.push(`${x.toFixed(1)},${ridgeY({octaves, x: x + shift, baseY, amp, sharp}).toFixed(1)}`);
	}
	return `M${-step},${bottom} L${points.join(' L')} L${width + step},${bottom} Z`;
};

// Many small shapes drawn as ONE path element: Chromium re-rasterises every
// frame, and each SVG element costs ~0.1 ms of a frame on its own, so 300 stars
// as circles cost more than the rest of a scene together.
const f1 = (v: number) => v.toFixed(1);

export const circlesPath = (items: {x: number; y: number; r: number}[]): string =>
	items.map(({x, y, r}) => `M${f1(x - r)},${f1(y)}a${f1(r)},${f1(r)} 0 1,0 ${f1(2 * r)},0a${f1(r)},${f1(r)} 0 1,0 ${f1(-2 * r)},0`).join('');

export const rectsPath = (items: {x: number; y: number; w: number; h: number}[]): string =>
	items.map(({x, y, w, h}) => `M${f1(x)},${f1(y)}h${f1(w)}v${f1(h)}h${f1(-w)}Z`).join('');

export const linesPath = (items: {x1: number; y1: number; x2: number; y2: number}[]): string =>
	items.map(({x1, y1, x2, y2}) => `M${f1(x1)},${f1(y1)}L${f1(x2)},${f1(y2)}`).join('');

/** Splits items into `count` groups by index, so each group can share one opacity. */
export const groups = <T,>(items: T[], count: number): T[][] =>
	Array.from({length: count}, (_, g) => items.filter((_, i) => i % count === g));
