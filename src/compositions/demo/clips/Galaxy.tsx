import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, makeOctaves, ridgePath, seeded, usePhase} from '../lib';

/** The Milky Way runs along this tilt, through the middle of the frame. */
const BAND_ANGLE_DEG = -58;
/** Degrees the sky turns during the clip (the earth's rotation, sped up). */
const SKY_TURN_DEG = 2;
const SHOOTING_STAR = {start: 0.35, frames: 14};

const gauss = (a: number, b: number) => Math.sqrt(-2 * Math.log(a + 1e-9)) * Math.cos(TAU * b);

const FIELD = seeded('galaxy-star', 420, (rnd) => ({x: rnd('x') * 1100 - 190, y: rnd('y') * 1500 - 110, r: 0.6 + rnd('r') ** 3 * 2.4, k: 1 + Math.floor(rnd('k') * 3), phase: rnd('p') * TAU, hue: rnd('h')}));
// Stars crowd the band: positions along it, spread across it by a gaussian.
const BAND = seeded('galaxy-band', 520, (rnd) => ({along: rnd('a') * 1700 - 850, across: gauss(rnd('g1'), rnd('g2')) * 75, r: 0.6 + rnd('r') ** 4 * 1.8, o: 0.4 + rnd('o') * 0.6}));
const CLOUDS = seeded('galaxy-nebula', 14, (rnd, i) => ({
	along: -700 + i * 100 + rnd('a') * 60,
	across: (rnd('c') - 0.5) * 60,
	rx: 120 + rnd('r') * 120,
	ry: 45 + rnd('h') * 40,
	color: ['#7b5cd6', '#4f7fe0', '#d67bb0', '#f1d3a6'][Math.floor(rnd('k') * 4)],
}));
const DUST = seeded('galaxy-dust', 9, (rnd, i) => ({along: -640 + i * 150 + rnd('a') * 60, across: (rnd('c') - 0.5) * 24, rx: 110 + rnd('r') * 90, ry: 14 + rnd('h') * 12}));
const RIDGE = makeOctaves('galaxy-ridge', 4, 0.006);

const starColor = (hue: number) => (hue < 0.15 ? '#ffd9b0' : hue < 0.3 ? '#b9ceff' : '#ffffff');

export const Galaxy: React.FC = () => {
	const {phase, durationInFrames} = usePhase();
	const t = phase * TAU;
	const shoot = (phase - SHOOTING_STAR.start) * durationInFrames / SHOOTING_STAR.frames;
	return (
		<Scene background="#03040c">
			<defs>
				<VerticalGradient id="galaxy-sky" stops={[[0, '#02030a'], [0.6, '#0a0f2c'], [0.85, '#1b2350'], [1, '#2a2d5a']]} />
				<linearGradient id="galaxy-shoot" x1="0" y1="0" x2="1" y2="0">
					<stop offset="0" stopColor="#ffffff" stopOpacity={0} />
					<stop offset="1" stopColor="#ffffff" stopOpacity={1} />
				</linearGradient>
			</defs>
			<rect width={720} height={1280} fill="url(#galaxy-sky)" />
			<g transform={`rotate(${SKY_TURN_DEG * phase}, 360, 1400)`}>
				<g transform={`translate(360,560) rotate(${BAND_ANGLE_DEG})`}>
					<Glow id="galaxy-band-wide" cx={0} cy={0} rx={900} ry={190} r={0} color="#3b3f8a" opacity={0.5} />
					{CLOUDS.map((c, i) => (
						<Glow key={i} id={`galaxy-neb-${i}`} cx={c.along} cy={c.across} rx={c.rx} ry={c.ry} r={0} color={c.color} opacity={0.32} />
					))}
					<Glow id="galaxy-core" cx={120} cy={0} rx={260} ry={90} r={0} color="#ffe6c0" opacity={0.45} />
					{DUST.map((d, i) => (
						<Glow key={i} id={`galaxy-dust-${i}`} cx={d.along} cy={d.across} rx={d.rx} ry={d.ry} r={0} color="#04050d" opacity={0.75} />
					))}
					{BAND.map((s, i) => (
						<circle key={i} cx={s.along} cy={s.across} r={s.r} fill="#f4f0ff" opacity={s.o} />
					))}
				</g>
				{FIELD.map((s, i) => (
					<circle key={i} cx={s.x} cy={s.y} r={s.r} fill={starColor(s.hue)} opacity={0.55 + 0.45 * Math.sin(t * s.k + s.phase)} />
				))}
			</g>
			{shoot >= 0 && shoot <= 1 ? (
				<g transform={`translate(${120 + shoot * 320},${180 + shoot * 160}) rotate(27)`} opacity={Math.sin(shoot * Math.PI)}>
					<rect x={-180} y={-1.5} width={180} height={3} rx={1.5} fill="url(#galaxy-shoot)" />
				</g>
			) : null}
			<Glow id="galaxy-horizon" cx={360} cy={1160} rx={700} ry={160} r={0} color="#4a4f9a" opacity={0.45} />
			<path d={ridgePath({width: 720, bottom: 1280, baseY: 1130, amp: 60, octaves: RIDGE, sharp: true})} fill="#05060c" />
		</Scene>
	);
};
