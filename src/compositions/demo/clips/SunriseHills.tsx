import React from 'react';
import {interpolate} from 'remotion';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, makeOctaves, ridgePath, seeded, usePhase} from '../lib';

const HORIZON_Y = 720;
/** How far the sun climbs during the clip, in px. */
const SUN_RISE_PX = 110;
const RAYS = 14;

const HILLS = [
	{baseY: 740, amp: 40, freq: 0.004, fill: '#8a6f8f', rim: '#ffc89a', sway: 4},
	{baseY: 830, amp: 55, freq: 0.005, fill: '#5f6e63', rim: '#ffd29a', sway: 9},
	{baseY: 950, amp: 70, freq: 0.0045, fill: '#3f6438', rim: '#ffe0a0', sway: 16},
	{baseY: 1110, amp: 80, freq: 0.004, fill: '#274a23', rim: '#f3d98f', sway: 26},
].map((h, i) => ({...h, octaves: makeOctaves(`sunrise-hill-${i}`, 3, h.freq)}));

const BIRDS = seeded('sunrise-bird', 6, (rnd) => ({x: rnd('x') * 300, y: 330 + rnd('y') * 180, size: 7 + rnd('s') * 6, phase: rnd('p') * TAU}));
const STREAKS = seeded('sunrise-cloud', 6, (rnd) => ({x: rnd('x') * 720, y: 420 + rnd('y') * 260, rx: 120 + rnd('r') * 160, ry: 6 + rnd('h') * 8}));

export const SunriseHills: React.FC = () => {
	const {phase} = usePhase();
	const t = phase * TAU;
	const sunY = HORIZON_Y + 20 - SUN_RISE_PX * phase;
	const warm = interpolate(phase, [0, 1], [0.75, 1]);
	return (
		<Scene background="#f0a070">
			<defs>
				<VerticalGradient id="sunrise-sky" stops={[[0, '#2d3a6e'], [0.25, '#6b4f86'], [0.45, '#d9727a'], [0.56, '#f4a261'], [0.62, '#ffd59a'], [1, '#ffe9c4']]} />
				<radialGradient id="sunrise-ray" cx="0" cy="0.5" r="1">
					<stop offset="0" stopColor="#fff3cf" stopOpacity={0.5} />
					<stop offset="1" stopColor="#fff3cf" stopOpacity={0} />
				</radialGradient>
			</defs>
			<rect width={720} height={1280} fill="url(#sunrise-sky)" />
			<Glow id="sunrise-glow-wide" cx={360} cy={sunY} rx={700} ry={380} r={0} color="#ffb46b" opacity={0.55 * warm} />
			<g transform={`translate(360,${sunY}) rotate(${phase * 12})`} opacity={0.3 * warm}>
				{Array.from({length: RAYS}, (_, i) => (
					<polygon key={i} points="0,-10 900,-70 900,70 0,10" fill="url(#sunrise-ray)" transform={`rotate(${(i * 360) / RAYS})`} />
				))}
			</g>
			{STREAKS.map((s, i) => (
				<Glow key={i} id={`sunrise-streak-${i}`} cx={s.x + 30 * phase} cy={s.y} rx={s.rx} ry={s.ry * 2} r={0} color="#ffd0b0" opacity={0.75} />
			))}
			<Glow id="sunrise-glow" cx={360} cy={sunY} r={190} color="#fff1c2" opacity={0.95} />
			<circle cx={360} cy={sunY} r={58} fill="#fff7df" />
			{HILLS.map((h, i) => {
				const shift = h.sway * Math.sin(t) + phase * h.sway;
				const d = ridgePath({width: 720, bottom: 1280, baseY: h.baseY, amp: h.amp, octaves: h.octaves, shift});
				return (
					<g key={i}>
						<path d={d} fill={h.fill} />
						<path d={d} fill="none" stroke={h.rim} strokeWidth={2.5} opacity={0.5 * warm} />
						{i < HILLS.length - 1 ? <Glow id={`sunrise-mist-${i}`} cx={360} cy={h.baseY + 40} rx={520} ry={40} r={0} color="#ffd9a8" opacity={0.3} /> : null}
					</g>
				);
			})}
			{BIRDS.map((b, i) => {
				const x = b.x + 240 * phase + 20;
				const y = b.y - 30 * phase;
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
