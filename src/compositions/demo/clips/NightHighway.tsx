import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {lerp, seeded, usePhase, wrap} from '../lib';

const HORIZON_Y = 560;
const VANISH_X = 380;
/** Road half-width at the bottom edge of the frame, in px. */
const ROAD_HALF_PX = 620;
const LANES = 6;

/** Depth 0 (horizon) → 1 (bottom edge): screen y grows with the square for perspective. */
const project = (lane: number, u: number) => {
	const y = HORIZON_Y + (1280 - HORIZON_Y) * u * u;
	const half = ROAD_HALF_PX * u * u;
	return {x: VANISH_X + (lane / LANES - 0.5) * 2 * half, y, scale: u * u};
};

/** Car light streaks: lanes 0–2 oncoming (white), 3–5 going away (red). */
const STREAKS = seeded('road-streak', 30, (rnd, i) => {
	const lane = 0.5 + (i % LANES);
	return {lane: lane + (rnd('j') - 0.5) * 0.25, offset: rnd('o'), len: 0.12 + rnd('l') * 0.18, laps: 2 + Math.floor(rnd('s') * 2), toward: lane < LANES / 2};
});
const SKYLINE = seeded('road-city', 40, (rnd, i) => ({x: i * 20 - 20, w: 14 + rnd('w') * 18, h: 20 + rnd('h') ** 2 * 110}));
const WINDOWS = seeded('road-window', 90, (rnd) => ({b: Math.floor(rnd('b') * 40), fy: rnd('y'), fx: rnd('x')}));

const streakPath = (lane: number, from: number, to: number): string => {
	const pts: string[] = [];
	for (let k = 0; k <= 6; k++) {
		const p = project(lane, lerp(from, to, k / 6));
		pts.push(`${p.x.toFixed(1)},${p.y.toFixed(1)}`);
	}
	return `M${pts.join(' L')}`;
};

export const NightHighway: React.FC = () => {
	const {phase} = usePhase();
	return (
		<Scene background="#05060d">
			<defs>
				<VerticalGradient id="road-sky" stops={[[0, '#04050e'], [0.3, '#121536'], [0.44, '#3a2a4a'], [1, '#0b0b12']]} />
			</defs>
			<rect width={720} height={1280} fill="url(#road-sky)" />
			<Glow id="road-cityglow" cx={VANISH_X} cy={HORIZON_Y} rx={520} ry={160} r={0} color="#ff9d5c" opacity={0.45} />
			{SKYLINE.map((b, i) => (
				<rect key={i} x={b.x} y={HORIZON_Y - b.h} width={b.w} height={b.h} fill="#0d0e1c" />
			))}
			{WINDOWS.map((w, i) => {
				const b = SKYLINE[w.b];
				return <rect key={i} x={b.x + 2 + w.fx * (b.w - 6)} y={HORIZON_Y - b.h * w.fy} width={2.5} height={3} fill="#ffd58a" opacity={0.7} />;
			})}
			<polygon points={`${VANISH_X},${HORIZON_Y} ${VANISH_X + ROAD_HALF_PX},1280 ${VANISH_X - ROAD_HALF_PX},1280`} fill="#101118" />
			{[1, 2, 4, 5].map((lane) => (
				<g key={lane}>
					{Array.from({length: 12}, (_, k) => {
						const u0 = wrap(k / 12 + phase * 3 / 12 * 4, 0, 1);
						const a = project(lane, u0);
						const b = project(lane, Math.min(1, u0 + 0.03));
						return <line key={k} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#c9c6b8" strokeWidth={1 + 5 * a.scale} opacity={0.5} />;
					})}
				</g>
			))}
			<line x1={VANISH_X} y1={HORIZON_Y} x2={VANISH_X} y2={1280} stroke="#e0b040" strokeWidth={3} opacity={0.6} />
			{STREAKS.map((s, i) => {
				const head = wrap(s.offset + (s.toward ? 1 : -1) * phase * s.laps, 0, 1 + s.len);
				const from = Math.max(0, head - s.len);
				const to = Math.min(1, head);
				if (to <= from) return null;
				const d = streakPath(s.lane, from, to);
				const width = 2 + 14 * to * to;
				const color = s.toward ? '#fff4d6' : '#ff2a2a';
				return (
					<g key={i} fill="none" strokeLinecap="round">
						<path d={d} stroke={s.toward ? '#ffd27a' : '#ff1a1a'} strokeWidth={width * 3} opacity={0.18} />
						<path d={d} stroke={color} strokeWidth={width} opacity={0.9} />
					</g>
				);
			})}
			{[-1, 1].map((side) =>
				Array.from({length: 6}, (_, k) => {
					const u = wrap(k / 6 + phase * 2 / 6 * 3, 0, 1);
					const base = project(side < 0 ? -0.6 : LANES + 0.6, u);
					const h = 360 * base.scale;
					return (
						<g key={`${side}-${k}`}>
							<line x1={base.x} y1={base.y} x2={base.x} y2={base.y - h} stroke="#1c1d28" strokeWidth={1 + 8 * base.scale} />
							<Glow id={`road-lamp-${side}-${k}`} cx={base.x - side * 30 * base.scale} cy={base.y - h} r={10 + 120 * base.scale} color="#ffb347" opacity={0.8} />
						</g>
					);
				}),
			)}
		</Scene>
	);
};
