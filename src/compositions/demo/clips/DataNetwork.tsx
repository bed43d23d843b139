import React from 'react';
import {Glow, Scene} from '../Scene';
import {TAU, circlesPath, lerp, linesPath, seeded, usePhase, wrap} from '../lib';

/** Nodes sit one per cell of a jittered grid, so they spread evenly without looking regular. */
const GRID_COLS = 6;
const GRID_ROWS = 8;
/** Each node links to this many nearest neighbours. */
const LINKS_PER_NODE = 3;
const HORIZON_Y = 900;
const VANISH_X = 360;

const NODES = seeded('net-node', GRID_COLS * GRID_ROWS, (rnd, i) => ({
	x: ((i % GRID_COLS) + 0.1 + rnd('x') * 0.8) * (720 / GRID_COLS),
	y: 60 + (Math.floor(i / GRID_COLS) + 0.1 + rnd('y') * 0.8) * (880 / GRID_ROWS),
	r: 2.5 + rnd('r') ** 2 * 5,
	drift: 6 + rnd('d') * 14,
	phase: rnd('p') * TAU,
	k: 1 + Math.floor(rnd('k') * 2),
}));

const EDGES = (() => {
	const seen = new Set<string>();
	const out: {a: number; b: number}[] = [];
	NODES.forEach((n, a) => {
		const near = NODES.map((m, b) => ({b, d: Math.hypot(m.x - n.x, m.y - n.y)}))
			.filter(({b}) => b !== a)
			.sort((p, q) => p.d - q.d)
			.slice(0, LINKS_PER_NODE);
		for (const {b} of near) {
			const key = a < b ? `${a}-${b}` : `${b}-${a}`;
			if (!seen.has(key)) {
				seen.add(key);
				out.push({a, b});
			}
		}
	});
	return out;
})();

const PULSES = seeded('net-pulse', 34, (rnd) => ({
	edge: Math.floor(rnd('e') * EDGES.length),
	offset: rnd('o'),
	laps: 1 + Math.floor(rnd('l') * 3),
	reverse: rnd('r') < 0.5,
}));

const HUB = 3 * GRID_COLS + 2;

/** The perspective floor grid; its rows scroll toward the viewer, one row spacing per loop. */
const floorPath = (phase: number): string =>
	linesPath([
		...Array.from({length: 21}, (_, i) => ({x1: VANISH_X + (i - 10) * 12, y1: HORIZON_Y, x2: VANISH_X + (i - 10) * 140, y2: 1280})),
		// Sorted, so the path is the same at the loop point whichever row is where.
		...Array.from({length: 10}, (_, i) => wrap(i / 10 + phase / 5, 0, 1))
			.sort((a, b) => a - b)
			.map((u) => {
				const y = HORIZON_Y + (1280 - HORIZON_Y) * u * u;
				return {x1: 0, y1: y, x2: 720, y2: y};
			}),
	]);

export const DataNetwork: React.FC = () => {
	const {phase} = usePhase();
	const t = phase * TAU;
	const pos = NODES.map((n) => ({x: n.x + n.drift * Math.sin(t * n.k + n.phase), y: n.y + n.drift * Math.cos(t + n.phase)}));
	const hub = pos[HUB];
	return (
		<Scene background="#040a1c">
			<defs>
				<radialGradient id="net-bg" cx="0.5" cy="0.45" r="0.75">
					<stop offset="0" stopColor="#0c2350" />
					<stop offset="0.6" stopColor="#061233" />
					<stop offset="1" stopColor="#02050f" />
				</radialGradient>
				<radialGradient id="net-dot">
					<stop offset="0" stopColor="#bff6ff" stopOpacity={1} />
					<stop offset="0.25" stopColor="#4fd8ff" stopOpacity={0.7} />
					<stop offset="1" stopColor="#1a7dff" stopOpacity={0} />
				</radialGradient>
				<linearGradient id="net-floor" x1="0" y1="0" x2="0" y2="1">
					<stop offset="0" stopColor="#2fa8ff" stopOpacity={0} />
					<stop offset="1" stopColor="#2fa8ff" stopOpacity={0.55} />
				</linearGradient>
			</defs>
			<rect width={720} height={1280} fill="url(#net-bg)" />
			<path d={floorPath(phase)} stroke="url(#net-floor)" strokeWidth={1.5} fill="none" />
			{[0, 1, 2].map((i) => {
				const s = wrap(phase * 2 + i / 3, 0, 1);
				return <circle key={i} cx={hub.x} cy={hub.y} r={lerp(10, 520, s)} fill="none" stroke="#4fd8ff" strokeWidth={2} opacity={(1 - s) * 0.5} />;
			})}
			<path d={linesPath(EDGES.map(({a, b}) => ({x1: pos[a].x, y1: pos[a].y, x2: pos[b].x, y2: pos[b].y})))} stroke="#3fb8ff" strokeWidth={1.2} opacity={0.3} />
			{PULSES.map((p, i) => {
				const {a, b} = EDGES[p.edge];
				const s = wrap(p.offset + phase * p.laps, 0, 1);
				const u = p.reverse ? 1 - s : s;
				return <circle key={i} cx={lerp(pos[a].x, pos[b].x, u)} cy={lerp(pos[a].y, pos[b].y, u)} r={9} fill="url(#net-dot)" />;
			})}
			{NODES.map((n, i) => (
				<circle key={i} cx={pos[i].x} cy={pos[i].y} r={n.r * 4} fill="url(#net-dot)" opacity={0.5 + 0.3 * Math.sin(t * 2 + n.phase)} />
			))}
			<path d={circlesPath(NODES.map((n, i) => ({...pos[i], r: n.r})))} fill="#dff9ff" />
			<Glow cx={hub.x} cy={hub.y} r={60} color="#7fe6ff" opacity={0.8} />
		</Scene>
	);
};
