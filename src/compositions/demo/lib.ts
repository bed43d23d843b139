// Small deterministic helpers shared by the procedural clips. Every shape is a
// pure function of the frame and a seed, so a clip renders identically on any
// machine and any frame can be rendered alone.
import {random, useCurrentFrame, useVideoConfig} from 'remotion';

export const TAU = Math.PI * 2;

/** Position in the clip, 0 → 1; motion built on sin(TAU·phase) loops seamlessly. */
export const usePhase = (): {frame: number; phase: number; durationInFrames: number} => {
	const frame = useCurrentFrame();
	const {durationInFrames} = useVideoConfig();
	return {frame, phase: frame / durationInFrames, durationInFrames};
};

/** `count` seeded items; `rnd(k)` gives a stable number in [0, 1) per item and key. */
export const seeded = <T,>(seed: string, count: number, make: (rnd: (key: string) => number, i: number) => T): T[] =>
	Array.from({length: count}, (_, i) => make((key) => random(`${seed}-${i}-${key}`), i));

/** Wraps v into [min, min + span): things leaving one edge re-enter at the other. */
export const wrap = (v: number, min: number, span: number): number => min + ((((v - min) % span) + span) % span);

export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

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
