import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {circlesPath, fadeInOut, seeded, usePhase, wrap} from '../lib';

/**
 * Depth layers, far to near: far clouds are smaller, lower, slower and bluer.
 * `drift` is px travelled per loop; each cloud forms and dissolves once per loop
 * (at its own moment), which keeps the clip seamless without a visible wrap.
 */
const DEPTHS = [
	{count: 6, y: [820, 1010], size: 0.45, drift: 120, tint: 'far'},
	{count: 5, y: [560, 820], size: 0.75, drift: 220, tint: 'mid'},
	{count: 4, y: [160, 560], size: 1.15, drift: 360, tint: 'near'},
] as const;

type Puff = {dx: number; dy: number; r: number};

const makeCloud = (seed: string): Puff[] =>
	seeded(seed, 11, (rnd, i) => {
		const along = (i / 10 - 0.5) * 2;
		// Tallest in the middle, flat along the bottom.
		const r = 60 + (1 - along * along) * 70 + rnd('r') * 30;
		return {dx: along * 190 + (rnd('x') - 0.5) * 30, dy: -r * 0.55 + (rnd('y') - 0.5) * 20, r};
	});

const cloudPaths = (puffs: Puff[]) => ({
	rim: circlesPath(puffs.map((p) => ({x: p.dx, y: p.dy, r: p.r + 7}))),
	body: circlesPath(puffs.map((p) => ({x: p.dx, y: p.dy, r: p.r}))),
	lobes: circlesPath(puffs.map((p) => ({x: p.dx - p.r * 0.12, y: p.dy - p.r * 0.2, r: p.r * 0.78}))),
});

const CLOUDS = DEPTHS.flatMap((depth, di) =>
	seeded(`cloud-${di}`, depth.count, (rnd, i) => ({
		depth: di,
		x: -60 + ((i + rnd('x') * 0.6) / depth.count) * 840,
		y: depth.y[0] + rnd('y') * (depth.y[1] - depth.y[0]),
		size: depth.size * (0.8 + rnd('s') * 0.4),
		drift: depth.drift,
		offset: (i / depth.count + rnd('o') * 0.15 + di * 0.3) % 1,
		...cloudPaths(makeCloud(`cloud-${di}-${i}`)),
		tint: depth.tint,
	})),
);

/** Per depth: body gradient top → bottom (the underside is shaded) and the puff highlight colour. */
const TINTS = {
	far: {top: '#eef4fa', bottom: '#aac3dc', light: '#f4f8fc'},
	mid: {top: '#ffffff', bottom: '#b8c9db', light: '#ffffff'},
	near: {top: '#ffffff', bottom: '#b3c3d4', light: '#ffffff'},
} as const;

// Each cloud is its union of puffs as one path: a translucent rim (the puffs a
// little larger; wide strokes would cost far more), a shaded body, then smaller
// lit puffs on top to model the lobes.
const Cloud: React.FC<{rim: string; body: string; lobes: string; tint: keyof typeof TINTS}> = ({rim, body, lobes, tint}) => (
	<g>
		<path d={rim} fill={TINTS[tint].top} opacity={0.25} />
		<path d={body} fill={`url(#cloud-body-${tint})`} />
		<path d={lobes} fill={TINTS[tint].light} opacity={0.9} />
	</g>
);

export const Clouds: React.FC = () => {
	const {phase} = usePhase();
	return (
		<Scene background="#4a9be8">
			<defs>
				<VerticalGradient id="cloud-sky" stops={[[0, '#1f6fd1'], [0.55, '#4d9bea'], [1, '#a8d4f7']]} />
				{(Object.keys(TINTS) as (keyof typeof TINTS)[]).map((k) => (
					<VerticalGradient key={k} id={`cloud-body-${k}`} stops={[[0, TINTS[k].top], [0.55, TINTS[k].top], [1, TINTS[k].bottom]]} />
				))}
			</defs>
			<rect width={720} height={1280} fill="url(#cloud-sky)" />
			<Glow cx={640} cy={90} r={380} color="#fffbe6" opacity={0.7} />
			{CLOUDS.map((c, i) => {
				const life = wrap(c.offset + phase, 0, 1);
				return (
					<g key={i} transform={`translate(${c.x + c.drift * (life - 0.5)},${c.y}) scale(${c.size})`} opacity={fadeInOut(life, 0.2)}>
						<Cloud rim={c.rim} body={c.body} lobes={c.lobes} tint={c.tint} />
					</g>
				);
			})}
		</Scene>
	);
};
