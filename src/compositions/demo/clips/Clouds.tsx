import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {seeded, usePhase, wrap} from '../lib';

/** Horizontal span clouds wrap around; wider than the frame so none pops in. */
const WRAP_PX = 1300;

/** Depth layers, far to near: far clouds are smaller, lower, slower and bluer. */
const DEPTHS = [
	{count: 5, y: [820, 1000], size: 0.45, speed: 40, tint: 'far'},
	{count: 4, y: [560, 820], size: 0.75, speed: 80, tint: 'mid'},
	{count: 3, y: [180, 560], size: 1.15, speed: 140, tint: 'near'},
] as const;

type Puff = {dx: number; dy: number; r: number};

const makeCloud = (seed: string): Puff[] =>
	seeded(seed, 11, (rnd, i) => {
		const along = (i / 10 - 0.5) * 2;
		// Tallest in the middle, flat along the bottom.
		const r = 60 + (1 - along * along) * 70 + rnd('r') * 30;
		return {dx: along * 190 + (rnd('x') - 0.5) * 30, dy: -r * 0.55 + (rnd('y') - 0.5) * 20, r};
	});

const CLOUDS = DEPTHS.flatMap((depth, di) =>
	seeded(`cloud-${di}`, depth.count, (rnd, i) => ({
		depth: di,
		x: (i / depth.count) * WRAP_PX + rnd('x') * 200,
		y: depth.y[0] + rnd('y') * (depth.y[1] - depth.y[0]),
		size: depth.size * (0.8 + rnd('s') * 0.4),
		speed: depth.speed,
		puffs: makeCloud(`cloud-${di}-${i}`),
		tint: depth.tint,
	})),
);

const Cloud: React.FC<{puffs: Puff[]; tint: string}> = ({puffs, tint}) => (
	<g>
		{puffs.map((p, i) => (
			<circle key={`s${i}`} cx={p.dx} cy={p.dy + p.r * 0.25} r={p.r} fill={`url(#cloud-shade-${tint})`} />
		))}
		{puffs.map((p, i) => (
			<circle key={`l${i}`} cx={p.dx - p.r * 0.08} cy={p.dy - p.r * 0.12} r={p.r * 0.92} fill={`url(#cloud-light-${tint})`} />
		))}
	</g>
);

const PuffGradient: React.FC<{id: string; color: string; opacity: number}> = ({id, color, opacity}) => (
	<radialGradient id={id}>
		<stop offset="0" stopColor={color} stopOpacity={opacity} />
		<stop offset="0.6" stopColor={color} stopOpacity={opacity * 0.9} />
		<stop offset="1" stopColor={color} stopOpacity={0} />
	</radialGradient>
);

export const Clouds: React.FC = () => {
	const {frame} = usePhase();
	return (
		<Scene background="#4a9be8">
			<defs>
				<VerticalGradient id="cloud-sky" stops={[[0, '#1f6fd1'], [0.55, '#4d9bea'], [1, '#a8d4f7']]} />
				<PuffGradient id="cloud-shade-far" color="#a9c3dc" opacity={0.9} />
				<PuffGradient id="cloud-light-far" color="#eef5fb" opacity={0.95} />
				<PuffGradient id="cloud-shade-mid" color="#b3c5d8" opacity={0.95} />
				<PuffGradient id="cloud-light-mid" color="#fbfdff" opacity={1} />
				<PuffGradient id="cloud-shade-near" color="#aebfd2" opacity={1} />
				<PuffGradient id="cloud-light-near" color="#ffffff" opacity={1} />
			</defs>
			<rect width={720} height={1280} fill="url(#cloud-sky)" />
			<Glow id="cloud-sun" cx={640} cy={90} r={380} color="#fffbe6" opacity={0.7} />
			{CLOUDS.map((c, i) => {
				const x = wrap(c.x + (frame / 30) * c.speed, -290, WRAP_PX);
				return (
					<g key={i} transform={`translate(${x},${c.y}) scale(${c.size})`}>
						<Cloud puffs={c.puffs} tint={c.tint} />
					</g>
				);
			})}
		</Scene>
	);
};
