import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, circlesPath, groups, makeOctaves, ridgePath, seeded, usePhase} from '../lib';

/** The Milky Way runs along this tilt, through the middle of the frame. */
const BAND_ANGLE_DEG = -58;
/** Degrees the sky sways; a slow back-and-forth keeps the loop seamless. */
const SKY_SWAY_DEG = 0.8;
const SHOOTING_STAR = {start: 0.35, frames: 14};
/** Stars twinkle in groups (one path each): colour and twinkle speed per group. */
const TWINKLE = [
	{color: '#ffd9b0', k: 1, phase: 0},
	{color: '#b9ceff', k: 2, phase: 2},
	{color: '#ffffff', k: 3, phase: 4},
	{color: '#ffffff', k: 1, phase: 3},
];

const gauss = (a: number, b: number) => Math.sqrt(-2 * Math.log(a + 1e-9)) * Math.cos(TAU * b);

const FIELD = groups(
	seeded('galaxy-star', 420, (rnd) => ({x: rnd('x') * 1100 - 190, y: rnd('y') * 1500 - 110, r: 0.6 + rnd('r') ** 3 * 2.4})),
	TWINKLE.length,
).map(circlesPath);
// Stars crowd the band: positions along it, spread across it by a gaussian.
const BAND = groups(
	seeded('galaxy-band', 520, (rnd) => ({x: rnd('a') * 1700 - 850, y: gauss(rnd('g1'), rnd('g2')) * 75, r: 0.6 + rnd('r') ** 4 * 1.8})),
	2,
).map(circlesPath);
const CLOUDS = seeded('galaxy-nebula', 9, (rnd, i) => ({
	along: -700 + i * 170 + rnd('a') * 60,
	across: (rnd('c') - 0.5) * 60,
	rx: 170 + rnd('r') * 120,
	ry: 55 + rnd('h') * 40,
	color: ['#7b5cd6', '#4f7fe0', '#d67bb0', '#f1d3a6'][Math.floor(rnd('k') * 4)],
}));
const DUST = seeded('galaxy-dust', 5, (rnd, i) => ({along: -600 + i * 280 + rnd('a') * 60, across: (rnd('c') - 0.5) * 24, rx: 170 + rnd('r') * 90, ry: 14 + rnd('h') * 12}));
const RIDGE = makeOctaves('galaxy-ridge', 4, 0.006);
const RIDGE_PATH = ridgePath({width: 720, bottom: 1280, baseY: 1130, amp: 60, octaves: RIDGE, sharp: true});

export const Galaxy: React.FC = () => {
	const {phase, durationInFrames} = usePhase();
	const t = phase * TAU;
	const shoot = ((phase - SHOOTING_STAR.start) * durationInFrames) / SHOOTING_STAR.frames;
	return (
		<Scene background="#03040c">
			<defs>
				<VerticalGradient id="galaxy-sky" stops={[[0, '#02030a'], [0.6, '#0a0f2c'], [0.85, '#1b2350'], [1, '#2e3162']]} />
				<linearGradient id="galaxy-shoot" x1="0" y1="0" x2="1" y2="0">
					<stop offset="0" stopColor="#ffffff" stopOpacity={0} />
					<stop offset="1" stopColor="#ffffff" stopOpacity={1} />
				</linearGradient>
			</defs>
			<rect width={720} height={1280} fill="url(#galaxy-sky)" />
			<g transform={`rotate(${SKY_SWAY_DEG * Math.sin(t)}, 360, 1400)`}>
				<g transform={`translate(360,560) rotate(${BAND_ANGLE_DEG})`}>
					<Glow cx={0} cy={0} rx={900} ry={170} color="#3b3f8a" opacity={0.5} />
					{CLOUDS.map((c, i) => (
						<Glow key={i} cx={c.along} cy={c.across} rx={c.rx} ry={c.ry} color={c.color} opacity={0.36} />
					))}
					<Glow cx={120} cy={0} rx={260} ry={90} color="#ffe6c0" opacity={0.45} />
					{DUST.map((d, i) => (
						<Glow key={i} cx={d.along} cy={d.across} rx={d.rx} ry={d.ry} color="#04050d" opacity={0.75} />
					))}
					<path d={BAND[0]} fill="#f4f0ff" opacity={0.5} />
					<path d={BAND[1]} fill="#f4f0ff" opacity={0.9} />
				</g>
				{FIELD.map((d, i) => (
					<path key={i} d={d} fill={TWINKLE[i].color} opacity={0.6 + 0.4 * Math.sin(t * TWINKLE[i].k + TWINKLE[i].phase)} />
				))}
			</g>
			{shoot >= 0 && shoot <= 1 ? (
				<g transform={`translate(${120 + shoot * 320},${180 + shoot * 160}) rotate(27)`} opacity={Math.sin(shoot * Math.PI)}>
					<rect x={-180} y={-1.5} width={180} height={3} rx={1.5} fill="url(#galaxy-shoot)" />
				</g>
			) : null}
			<Glow cx={360} cy={1160} rx={700} ry={160} color="#4a4f9a" opacity={0.45} />
			<path d={RIDGE_PATH} fill="#05060c" />
		</Scene>
	);
};
