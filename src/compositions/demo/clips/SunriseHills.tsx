import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, makeOctaves, ridgePath, seeded, usePhase, wrap} from '../lib';

/** The sun just clear of the hills; it holds still so the clip loops seamlessly. */
const SUN_Y = 640;
const RAYS = 10;
/** Birds wrap around this span (px), crossing it exactly once per loop. */
const BIRD_WRAP_PX = 1000;

const HILLS = [
	{baseY: 740, amp: 40, freq: 0.004, lit: '#a67f98', fill: '#7a6485', rim: '#ffc89a', sway: 4},
	{baseY: 830, amp: 55, freq: 0.005, lit: '#7f8a6c', fill: '#4f6157', rim: '#ffd29a', sway: 9},
	{baseY: 950, amp: 70, freq: 0.0045, lit: '#5f8245', fill: '#325630', rim: '#ffe0a0', sway: 16},
	{baseY: 1110, amp: 80, freq: 0.004, lit: '#3f6a2c', fill: '#1e3c1b', rim: '#f3d98f', sway: 26},
].map((h, i) => ({...h, octaves: makeOctaves(`sunrise-hill-${i}`, 3, h.freq)}));

/** All rays as one path of thin wedges around the sun's centre. */
const RAYS_PATH = Array.from({length: RAYS}, (_, i) => {
	const a = (i * TAU) / RAYS;
	const spread = 0.07;
	const p = (angle: number, r: number) => `${(Math.cos(angle) * r).toFixed(1)},${(Math.sin(angle) * r).toFixed(1)}`;
	return `M${p(a - 0.02, 10)}L${p(a - spread, 800)}L${p(a + spread, 800)}L${p(a + 0.02, 10)}Z`;
}).join('');

const BIRDS = seeded('sunrise-bird', 6, (rnd) => ({x: rnd('x') * 160, y: 330 + rnd('y') * 120, size: 7 + rnd('s') * 6, phase: rnd('p') * TAU}));
const STREAKS = seeded('sunrise-cloud', 6, (rnd) => ({x: rnd('x') * 720, y: 420 + rnd('y') * 260, rx: 120 + rnd('r') * 160, ry: 6 + rnd('h') * 8}));

export const SunriseHills: React.FC = () => {
	const {phase} = usePhase();
	const t = phase * TAU;
	const sunY = SUN_Y;
	// The light breathes a little, as haze drifts past the sun.
	const warm = 0.9 + 0.1 * Math.sin(t);
	return (
		<Scene background="#f0a070">
			<defs>
				<VerticalGradient id="sunrise-sky" stops={[[0, '#2d3a6e'], [0.25, '#6b4f86'], [0.45, '#d9727a'], [0.56, '#f4a261'], [0.62, '#ffd59a'], [1, '#ffe9c4']]} />
				{HILLS.map((h, i) => (
					<VerticalGradient key={i} id={`sunrise-hill-${i}`} stops={[[0, h.lit], [0.35, h.fill], [1, h.fill]]} />
				))}
				<radialGradient id="sunrise-ray" gradientUnits="userSpaceOnUse" cx={0} cy={0} r={800}>
					<stop offset="0" stopColor="#fff3cf" stopOpacity={0.5} />
					<stop offset="1" stopColor="#fff3cf" stopOpacity={0} />
				</radialGradient>
			</defs>
			<rect width={720} height={1280} fill="url(#sunrise-sky)" />
			<Glow cx={360} cy={sunY} rx={700} ry={380} color="#ffb46b" opacity={0.55 * warm} />
			<g transform={`translate(360,${sunY}) rotate(${((phase * 360) / RAYS) % (360 / RAYS)})`} opacity={0.3 * warm}>
				<path d={RAYS_PATH} fill="url(#sunrise-ray)" />
			</g>
			{STREAKS.map((s, i) => (
				<Glow key={i} cx={s.x + 30 * Math.sin(t)} cy={s.y} rx={s.rx} ry={s.ry * 2} color="#ffd0b0" opacity={0.75} />
			))}
			<Glow cx={360} cy={sunY} r={190} color="#fff1c2" opacity={0.95} />
			<circle cx={360} cy={sunY} r={58} fill="#fff7df" />
			{HILLS.map((h, i) => {
				const shift = h.sway * Math.sin(t);
				const d = ridgePath({width: 720, bottom: 1280, baseY: h.baseY, amp: h.amp, octaves: h.octaves, shift});
				return (
					<g key={i}>
						<path d={d} fill={`url(#sunrise-hill-${i})`} />
						<path d={d} fill="none" stroke={h.rim} strokeWidth={2.5} opacity={0.5 * warm} />
					</g>
				);
			})}
			{BIRDS.map((b, i) => {
				const x = wrap(b.x + phase * BIRD_WRAP_PX, -140, BIRD_WRAP_PX);
				const y = b.y + 10 * Math.sin(t + b.phase);
				const flap = 0.5 * Math.sin(t * 10 + b.phase);
				return (
					<path
						key={i}
						d={`M${x - b.size},${y - b.size * flap} Q${x - b.size * 0.4},${y - b.size * 0.2} ${x},${y} Q${x + b.size * 0.4},${y - b.size * 0.2} ${x + b.size},${y - b.size * flap}`}
						fill="none"
						stroke="#3b2a3a"
						strokeWidth={2}
					/>
				);
			})}
		</Scene>
	);
};
