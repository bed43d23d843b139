import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, seeded, usePhase} from '../lib';

/** How far the camera drifts sideways, in px; the near layer moves this much. */
const PAN_PX = 36;
const WINDOW_W = 6;
const WINDOW_H = 9;

type Building = {x: number; w: number; top: number; windows: {x: number; y: number; warm: boolean; blink: number; phase: number}[]; antenna: boolean};

const makeLayer = (seed: string, minTop: number, maxTop: number, minW: number, maxW: number, litShare: number): Building[] => {
	const out: Building[] = [];
	let x = -80;
	let i = 0;
	while (x < 800) {
		const r = (k: string) => seeded(`${seed}-${i}`, 1, (rnd) => rnd(k))[0];
		const w = minW + r('w') * (maxW - minW);
		const top = minTop + r('t') * (maxTop - minTop);
		const cols = Math.floor((w - 10) / 13);
		const rows = Math.floor((1280 - top - 16) / 20);
		const windows = seeded(`${seed}-${i}-win`, cols * rows, (rnd, k) => ({
			x: x + 8 + (k % cols) * 13,
			y: top + 14 + Math.floor(k / cols) * 20,
			lit: rnd('l') < litShare,
			warm: rnd('c') < 0.8,
			// A few windows switch on or off once per loop.
			blink: rnd('b') < 0.04 ? 1 : 0,
			phase: rnd('p'),
		})).filter((win) => win.lit || win.blink);
		out.push({x, w, top, windows, antenna: r('a') < 0.3});
		x += w + 2 + r('g') * 10;
		i++;
	}
	return out;
};

const FAR = makeLayer('city-far', 560, 760, 40, 90, 0);
const MID = makeLayer('city-mid', 640, 880, 60, 110, 0.28);
const NEAR = makeLayer('city-near', 760, 1020, 80, 140, 0.42);
const STARS = seeded('city-star', 70, (rnd) => ({x: rnd('x') * 720, y: rnd('y') * 560, r: 0.5 + rnd('r') * 1.2, phase: rnd('p') * TAU, k: 1 + Math.floor(rnd('k') * 4)}));

const Layer: React.FC<{buildings: Building[]; fill: string; dx: number; phase: number; windowOpacity: number}> = ({buildings, fill, dx, phase, windowOpacity}) => (
	<g transform={`translate(${dx},0)`}>
		{buildings.map((b, i) => (
			<g key={i}>
				<rect x={b.x} y={b.top} width={b.w} height={1280 - b.top} fill={fill} />
				{b.antenna ? (
					<>
						<rect x={b.x + b.w / 2 - 1.5} y={b.top - 40} width={3} height={40} fill={fill} />
						<circle cx={b.x + b.w / 2} cy={b.top - 42} r={3.5} fill="#ff3b3b" opacity={phase * 3 % 1 < 0.5 ? 1 : 0.15} />
					</>
				) : null}
				{b.windows.map((w, k) => {
					const on = w.blink ? (phase + w.phase) % 1 < 0.5 : true;
					return on ? <rect key={k} x={w.x} y={w.y} width={WINDOW_W} height={WINDOW_H} fill={w.warm ? '#ffd98a' : '#cfe8ff'} opacity={windowOpacity} /> : null;
				})}
			</g>
		))}
	</g>
);

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
			{STARS.map((s, i) => (
				<circle key={i} cx={s.x} cy={s.y} r={s.r} fill="#ffffff" opacity={0.45 + 0.45 * Math.sin(t * s.k + s.phase)} />
			))}
			<Glow id="city-moon-glow" cx={560 + pan * 6} cy={250} r={160} color="#dfe6ff" opacity={0.35} />
			<circle cx={560 + pan * 6} cy={250} r={42} fill="#f5f1df" />
			<circle cx={548 + pan * 6} cy={240} r={9} fill="#e4dfc8" />
			<circle cx={575 + pan * 6} cy={268} r={6} fill="#e4dfc8" />
			<Glow id="city-haze" cx={360} cy={860} rx={620} ry={300} r={0} color="#ff9a6a" opacity={0.35} />
			<Layer buildings={FAR} fill="#2a2550" dx={pan * PAN_PX * 0.3} phase={phase} windowOpacity={0.6} />
			<Layer buildings={MID} fill="#191735" dx={pan * PAN_PX * 0.6} phase={phase} windowOpacity={0.75} />
			<Glow id="city-street" cx={360} cy={1280} rx={700} ry={260} r={0} color="#ffb060" opacity={0.3} />
			<Layer buildings={NEAR} fill="#0d0c1e" dx={pan * PAN_PX} phase={phase} windowOpacity={0.95} />
		</Scene>
	);
};
