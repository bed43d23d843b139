import React from 'react';
import {Glow, Scene} from '../Scene';
import {linesPath, usePhase, wrap} from '../lib';

const TRACE_Y = 700;
const PLETH_Y = 1000;
/** Beats per clip and screen sweeps per clip: whole numbers keep the loop seamless. */
const BEATS = 5;
const SWEEPS = 2;
/** Dark gap ahead of the sweeping head, as on a bedside monitor. */
const GAP_PX = 60;

const bump = (x: number, centre: number, width: number) => Math.exp(-(((x - centre) / width) ** 2));

/** One ECG beat over s ∈ [0,1): P wave, QRS spike, T wave. Upward is negative y. */
const ecg = (s: number) =>
	-14 * bump(s, 0.18, 0.035) + 10 * bump(s, 0.3, 0.012) - 120 * bump(s, 0.33, 0.013) + 34 * bump(s, 0.36, 0.012) - 26 * bump(s, 0.58, 0.06);
const pleth = (s: number) => -50 * bump(s, 0.45, 0.09) - 18 * bump(s, 0.68, 0.07);

const BEAT_PX = (720 * SWEEPS) / BEATS;

const tracePath = (y0: number, wave: (s: number) => number, from: number, to: number) => {
	const pts: string[] = [];
	for (let x = from; x <= to; x += 3) pts.push(`${x},${(y0 + wave(wrap(x / BEAT_PX, 0, 1))).toFixed(1)}`);
	return pts.length > 1 ? `M${pts.join(' L')}` : '';
};

/** Monitor grid lines every `step` px, as one path. */
const gridPath = (step: number, offset: number) =>
	linesPath([
		...Array.from({length: Math.ceil(720 / step)}, (_, i) => ({x1: offset + i * step, y1: 0, x2: offset + i * step, y2: 1280})),
		...Array.from({length: Math.ceil(1280 / step)}, (_, i) => ({x1: 0, y1: offset + i * step, x2: 720, y2: offset + i * step})),
	]);
const GRID_MAJOR = gridPath(40, 0);
const GRID_MINOR = gridPath(40, 20);

const HEART = 'M0,30 C-40,0 -70,-20 -70,-50 C-70,-80 -40,-95 -20,-85 C-8,-79 0,-68 0,-60 C0,-68 8,-79 20,-85 C40,-95 70,-80 70,-50 C70,-20 40,0 0,30 Z';

const Trace: React.FC<{y: number; wave: (s: number) => number; head: number; color: string; glow: string}> = ({y, wave, head, color, glow}) => {
	const fresh = tracePath(y, wave, 0, head);
	const old = tracePath(y, wave, Math.ceil((head + GAP_PX) / 3) * 3, 720);
	return (
		<g fill="none" strokeLinejoin="round">
			{[fresh, old].map((d, i) => (
				<g key={i}>
					<path d={d} stroke={glow} strokeWidth={10} opacity={0.18} />
					<path d={d} stroke={color} strokeWidth={3} />
				</g>
			))}
		</g>
	);
};

export const Heartbeat: React.FC = () => {
	const {phase} = usePhase();
	const head = wrap(phase * SWEEPS * 720, 0, 720);
	const beat = wrap(phase * BEATS, 0, 1);
	const thump = 1 + 0.12 * bump(beat, 0.35, 0.05) + 0.05 * bump(beat, 0.5, 0.05);
	return (
		<Scene background="#020a08">
			<defs>
				<radialGradient id="ecg-bg" cx="0.5" cy="0.5" r="0.8">
					<stop offset="0" stopColor="#07251d" />
					<stop offset="1" stopColor="#010605" />
				</radialGradient>
			</defs>
			<rect width={720} height={1280} fill="url(#ecg-bg)" />
			<path d={GRID_MINOR} stroke="#1d5a45" strokeWidth={0.6} opacity={0.45} />
			<path d={GRID_MAJOR} stroke="#1d5a45" strokeWidth={1.5} opacity={0.6} />
			<Glow cx={360} cy={330} r={240} color="#ff3b5c" opacity={0.35 * thump} />
			<path d={HEART} transform={`translate(360,360) scale(${1.6 * thump})`} fill="#ff3b5c" />
			<path d={HEART} transform={`translate(345,330) scale(${0.5 * thump})`} fill="#ff8aa0" opacity={0.5} />
			<Trace y={TRACE_Y} wave={ecg} head={head} color="#6dffb0" glow="#2cff8a" />
			<Trace y={PLETH_Y} wave={pleth} head={head} color="#5fd4ff" glow="#1fa8ff" />
			<Glow cx={head} cy={TRACE_Y + ecg(wrap(head / BEAT_PX, 0, 1))} r={26} color="#c8ffe0" opacity={0.95} />
			<Glow cx={head} cy={PLETH_Y + pleth(wrap(head / BEAT_PX, 0, 1))} r={20} color="#c8f0ff" opacity={0.9} />
		</Scene>
	);
};
