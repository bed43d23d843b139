import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, makeOctaves, ridgePath, seeded, usePhase} from '../lib';

/** The Milky Way runs along this tilt, through the middle of the frame. */
const BAND_ANGLE_DEG = -58;
/** Degrees the sky turns during the clip (the earth's rotation, sped up). */
const SKY_TURN_DEG = 2;
const SHOOTING_STAR = {start: 0.35, frames: 14};

const gauss = (a: number, b: number) => Math.sqrt(-2 * Math.log(a + 1e-9)) * Math.cos(TAU * b);

const FIELD = seeded('galaxy-star', 320, (rnd) => ({x: rnd('x') * 1100 - 190, y: rnd('y') * 1500 - 110, r: 0.4 + rnd('r') ** 3 * 2.2, k: 1 + Math.floor(rnd('k') * 3), phase: rnd('p') * TAU, hue: rnd('h')}));
// Stars crowd the band: positions along it, spread across it by a gaussian.
const BAND = seeded('galaxy-band', 380, (rnd) => ({along: rnd('a') * 1700 - 850, across: gauss(rnd('g1'), rnd('g2')) * 70, r: 0.4 + rnd('r') ** 4 * 1.6}));
const CLOUDS = seeded('galaxy-nebula', 14, (rnd, i) => ({
	along: -700 + i * 100 + rnd('a') * 60,
	across: (rnd('c') - 0.5) * 60,
	rx: 120 + rnd('r') * 120,
	ry: 45 + rnd('h') * 40,
	color: ['#7b5cd6', '#4f7fe0', '#d67bb0', '#f1d3a6'][Math.floor(rnd('k') * 4)],
}));
const DUST = seeded('galaxy-dust', 8, (rnd, i) => ({along: -600 + i * 160 + rnd('a') * 60, across: (rnd('c') - 0.5) * 30, rx: 90 + rnd('r') * 90, ry: 10 + rnd('h') * 14}));
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
						<ellipse key={i} cx={d.along} cy={d.across} rx={d.rx} ry={d.ry} fill="#05060f" opacity={0.45} />
					))}
					{BAND.map((s, i) => (
						<circle key={i} cx={s.along} cy={s.across} r={s.r} fill="#f4f0ff" opacity={0.8} />
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
