import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, circlesPath, groups, rectsPath, seeded, usePhase} from '../lib';

/** How far the camera drifts sideways, in px; the near layer moves this much. */
const PAN_PX = 36;
const WINDOW = {w: 6, h: 9, dx: 13, dy: 20};

type Win = {x: number; y: number; w: number; h: number; warm: boolean; phase: number};

/** One layer of towers as ready-made paths: bodies, lit windows, and the few windows that switch. */
const makeLayer = (seed: string, minTop: number, maxTop: number, minW: number, maxW: number, litShare: number) => {
	const bodies: {x: number; y: number; w: number; h: number}[] = [];
	const lights: {x: number; y: number; r: number}[] = [];
	const lit: Win[] = [];
	const blinking: Win[] = [];
	let x = -80;
	for (let i = 0; x < 800; i++) {
		const [b] = seeded(`${seed}-${i}`, 1, (rnd) => ({w: minW + rnd('w') * (maxW - minW), top: minTop + rnd('t') * (maxTop - minTop), antenna: rnd('a') < 0.3, gap: rnd('g')}));
		bodies.push({x, y: b.top, w: b.w, h: 1280 - b.top});
		if (b.antenna) {
			bodies.push({x: x + b.w / 2 - 1.5, y: b.top - 40, w: 3, h: 40});
			lights.push({x: x + b.w / 2, y: b.top - 42, r: 3.5});
		}
		const cols = Math.floor((b.w - 10) / WINDOW.dx);
		const rows = Math.floor((1280 - b.top - 16) / WINDOW.dy);
		seeded(`${seed}-${i}-win`, cols * rows, (rnd, k) => {
			const win = {x: x + 8 + (k % cols) * WINDOW.dx, y: b.top + 14 + Math.floor(k / cols) * WINDOW.dy, w: WINDOW.w, h: WINDOW.h, warm: rnd('c') < 0.8, phase: rnd('p')};
			// A few windows switch on or off once per loop.
			if (rnd('b') < 0.04) blinking.push(win);
			else if (rnd('l') < litShare) lit.push(win);
		});
		x += b.w + 2 + b.gap * 10;
	}
	return {
		bodies: rectsPath(bodies),
		lights: circlesPath(lights),
		warm: rectsPath(lit.filter((w) => w.warm)),
		cool: rectsPath(lit.filter((w) => !w.warm)),
		blinking,
	};
};

const FAR = makeLayer('city-far', 560, 760, 40, 90, 0);
const MID = makeLayer('city-mid', 640, 880, 60, 110, 0.28);
const NEAR = makeLayer('city-near', 760, 1020, 80, 140, 0.42);
const STARS = groups(
	seeded('city-star', 70, (rnd) => ({x: rnd('x') * 720, y: rnd('y') * 560, r: 0.5 + rnd('r') * 1.2})),
	3,
).map(circlesPath);

const Layer: React.FC<{layer: ReturnType<typeof makeLayer>; fill: string; dx: number; phase: number; windowOpacity: number}> = ({layer, fill, dx, phase, windowOpacity}) => {
	const on = layer.blinking.filter((w) => (phase + w.phase) % 1 < 0.5);
	return (
		<g transform={`translate(${dx},0)`}>
			<path d={layer.bodies} fill={fill} />
			<path d={layer.lights} fill="#ff3b3b" opacity={(phase * 3) % 1 < 0.5 ? 1 : 0.15} />
			<g opacity={windowOpacity}>
				<path d={layer.warm} fill="#ffd98a" />
				<path d={layer.cool} fill="#cfe8ff" />
				<path d={rectsPath(on)} fill="#ffd98a" />
			</g>
		</g>
	);
};

export const CityNight: React.FC = () => {
	const {phase} = usePhase();
	const t = phase * TAU;
	const pan = Math.sin(t);
	return (
		<Scene background="#0b0b24">
			<defs>
				<VerticalGradient id="city-sky" stops={[[0, '#070a22'], [0.45, '#1d1a4a'], [0.75, '#4b2a5e'], [1, '#8a4a5a']]} />
			</defs>
			<rect width={720} height={1280} fill="url(#city-sky)" />
			{STARS.map((d, i) => (
				<path key={i} d={d} fill="#ffffff" opacity={0.5 + 0.4 * Math.sin(t * (i + 1) + i * 2)} />
			))}
			<Glow cx={560 + pan * 6} cy={250} r={160} color="#dfe6ff" opacity={0.35} />
			<circle cx={560 + pan * 6} cy={250} r={42} fill="#f5f1df" />
			<path d={circlesPath([{x: 548 + pan * 6, y: 240, r: 9}, {x: 575 + pan * 6, y: 268, r: 6}])} fill="#e4dfc8" />
			<Glow cx={360} cy={860} rx={620} ry={300} color="#ff9a6a" opacity={0.35} />
			<Layer layer={FAR} fill="#2a2550" dx={pan * PAN_PX * 0.3} phase={phase} windowOpacity={0.6} />
			<Layer layer={MID} fill="#191735" dx={pan * PAN_PX * 0.6} phase={phase} windowOpacity={0.75} />
			<Glow cx={360} cy={1280} rx={700} ry={260} color="#ffb060" opacity={0.3} />
			<Layer layer={NEAR} fill="#0d0c1e" dx={pan * PAN_PX} phase={phase} windowOpacity={0.95} />
		</Scene>
	);
};
