import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {random} from 'remotion';
import {TAU, linesPath, makeOctaves, ridgePath, seeded, usePhase, wrap} from '../lib';

/** Strike times as a share of the clip; each decays in about a third of a second. */
const STRIKES = [0.18, 0.24, 0.63];
const DROPS = 240;
/** Rain slant: px sideways per px fallen. */
const WIND = 0.18;

const CLOUDS = seeded('storm-cloud', 12, (rnd) => ({x: rnd('x') * 860 - 70, y: 20 + rnd('y') ** 1.5 * 480, rx: 220 + rnd('r') * 180, ry: 80 + rnd('h') * 80, phase: rnd('p') * TAU, shade: rnd('s')}));
/** Rain in three depth classes, each drawn as one path. */
const RAIN_CLASSES = [
	{opacity: 0.2, width: 1, laps: 3},
	{opacity: 0.32, width: 1.5, laps: 4},
	{opacity: 0.45, width: 2.2, laps: 5},
];
const RAIN = RAIN_CLASSES.map((_, ci) =>
	seeded(`storm-drop-${ci}`, DROPS / RAIN_CLASSES.length, (rnd) => ({x: rnd('x') * 900 - 100, y: rnd('y') * 1400, len: 30 + rnd('l') * 50 + ci * 10})),
);
const GROUND = ridgePath({width: 720, bottom: 1280, baseY: 1060, amp: 45, octaves: makeOctaves('storm-ground', 3, 0.005)});

/** A jagged bolt from the cloud base down, with a couple of forks. */
const boltPath = (seed: string, x0: number, y0: number, y1: number): string => {
	let x = x0;
	let d = `M${x0},${y0}`;
	const forks: string[] = [];
	for (let y = y0, i = 0; y < y1; i++) {
		y += 18 + random(`${seed}-dy-${i}`) * 40;
		x += (random(`${seed}-dx-${i}`) - 0.5) * 60;
		d += ` L${x.toFixed(1)},${y.toFixed(1)}`;
		if (random(`${seed}-f-${i}`) < 0.3 && y < y1 - 250) {
			let fx = x;
			let fy = y;
			let f = `M${fx.toFixed(1)},${fy.toFixed(1)}`;
			const dir = random(`${seed}-fd-${i}`) < 0.5 ? -1 : 1;
			for (let k = 0; k < 6; k++) {
				fy += 15 + random(`${seed}-fy-${i}-${k}`) * 25;
				fx += dir * (10 + random(`${seed}-fx-${i}-${k}`) * 30);
				f += ` L${fx.toFixed(1)},${fy.toFixed(1)}`;
			}
			forks.push(f);
		}
	}
	return [d, ...forks].join(' ');
};

const BOLT_TOP_Y = 250;
const BOLT_X = STRIKES.map((_, i) => 180 + random(`storm-bolt-x-${i}`) * 360);
const BOLTS = STRIKES.map((_, i) => boltPath(`storm-bolt-${i}`, BOLT_X[i], BOLT_TOP_Y, 1040));

const flashAt = (phase: number, durationInFrames: number): {level: number; bolt: number} => {
	let level = 0;
	let bolt = -1;
	STRIKES.forEach((s, i) => {
		const framesSince = (phase - s) * durationInFrames;
		if (framesSince >= 0 && framesSince < 12) {
			// Flicker: bright, dim, bright again, then fade.
			const l = Math.exp(-framesSince / 4) * (framesSince % 3 < 1.5 ? 1 : 0.55);
			if (l > level) {
				level = l;
				bolt = framesSince < 7 ? i : -1;
			}
		}
	});
	return {level, bolt};
};

export const Storm: React.FC = () => {
	const {phase, durationInFrames} = usePhase();
	const t = phase * TAU;
	const {level, bolt} = flashAt(phase, durationInFrames);
	return (
		<Scene background="#0c1118">
			<defs>
				<VerticalGradient id="storm-sky" stops={[[0, '#0a0e15'], [0.5, '#1a2230'], [1, '#2a3441']]} />
				<VerticalGradient id="storm-ground" stops={[[0, '#0b0f12'], [1, '#050708']]} />
			</defs>
			<rect width={720} height={1280} fill="url(#storm-sky)" />
			<rect width={720} height={1280} fill="#b9c8ff" opacity={level * 0.35} />
			{bolt >= 0 || level > 0.2 ? <Glow cx={BOLT_X[Math.max(bolt, 0)]} cy={BOLT_TOP_Y - 60} rx={420} ry={260} color="#c3ceff" opacity={level * 0.8} /> : null}
			{CLOUDS.map((c, i) => (
				<Glow
					key={i}
					cx={c.x + 25 * Math.sin(t + c.phase)}
					cy={c.y}
					rx={c.rx}
					ry={c.ry}
					color={c.shade < 0.5 ? '#4a5568' : '#2c3545'}
					opacity={0.95}
				/>
			))}
			{bolt >= 0 ? (
				<g>
					<path d={BOLTS[bolt]} fill="none" stroke="#9fb4ff" strokeWidth={24} opacity={0.15} strokeLinejoin="round" />
					<path d={BOLTS[bolt]} fill="none" stroke="#b5c4ff" strokeWidth={11} opacity={0.3} strokeLinejoin="round" />
					<path d={BOLTS[bolt]} fill="none" stroke="#dfe6ff" strokeWidth={5} opacity={0.6} strokeLinejoin="round" />
					<path d={BOLTS[bolt]} fill="none" stroke="#ffffff" strokeWidth={2.5} strokeLinejoin="round" />
				</g>
			) : null}
			<path d={GROUND} fill="url(#storm-ground)" />
			<path d={GROUND} fill="#7f8fb8" opacity={level * 0.25} />
			{RAIN_CLASSES.map((c, ci) => {
				// Whole laps per loop keep the rain seamless.
				const drops = RAIN[ci].map((r) => {
					const y = wrap(r.y + phase * c.laps * 1400, -100, 1400);
					const x = r.x + y * WIND;
					return {x1: x, y1: y, x2: x - r.len * WIND, y2: y - r.len};
				});
				return <path key={ci} d={linesPath(drops)} stroke="#a9b8cc" strokeWidth={c.width} strokeLinecap="round" opacity={Math.min(1, c.opacity + level * 0.5)} />;
			})}
		</Scene>
	);
};
