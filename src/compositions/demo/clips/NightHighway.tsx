import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {lerp, rectsPath, seeded, usePhase, wrap} from '../lib';

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

/** A band along a lane between two depths, `width` px wide at the bottom edge, narrowing with distance. */
const bandPath = (lane: number, from: number, to: number, width: number, steps = 6): string => {
	const left: string[] = [];
	const right: string[] = [];
	for (let k = 0; k <= steps; k++) {
		const p = project(lane, lerp(from, to, k / steps));
		const half = (0.6 + width * p.scale) / 2;
		left.push(`${(p.x - half).toFixed(1)},${p.y.toFixed(1)}`);
		right.unshift(`${(p.x + half).toFixed(1)},${p.y.toFixed(1)}`);
	}
	return `M${left.join('L')}L${right.join('L')}Z`;
};

/** Car light streaks: lanes 0–2 oncoming (white), 3–5 going away (red). */
const STREAKS = seeded('road-streak', 30, (rnd, i) => {
	const lane = 0.5 + (i % LANES);
	return {lane: lane + (rnd('j') - 0.5) * 0.25, offset: rnd('o'), len: 0.12 + rnd('l') * 0.18, laps: 2 + Math.floor(rnd('s') * 2), toward: lane < LANES / 2};
});
const SKYLINE = seeded('road-city', 40, (rnd, i) => ({x: i * 20 - 20, w: 14 + rnd('w') * 18, h: 20 + rnd('h') ** 2 * 110}));
const SKYLINE_PATH = rectsPath(SKYLINE.map((b) => ({x: b.x, y: HORIZON_Y - b.h, w: b.w, h: b.h})));
const WINDOWS_PATH = rectsPath(
	seeded('road-window', 90, (rnd) => {
		const b = SKYLINE[Math.floor(rnd('b') * SKYLINE.length)];
		return {x: b.x + 2 + rnd('x') * (b.w - 6), y: HORIZON_Y - b.h * rnd('y'), w: 2.5, h: 3};
	}),
);

/** Streaks of one direction at this moment: the glow and the bright core as one path each. */
const streakPaths = (phase: number, toward: boolean) => {
	const glow: string[] = [];
	const core: string[] = [];
	for (const s of STREAKS.filter((streak) => streak.toward === toward)) {
		// Whole laps of the streak's own span per loop keep the clip seamless.
		const head = wrap(s.offset + (toward ? 1 : -1) * phase * s.laps * (1 + s.len), 0, 1 + s.len);
		const from = Math.max(0, head - s.len);
		const to = Math.min(1, head);
		if (to <= from) continue;
		glow.push(bandPath(s.lane, from, to, 44));
		core.push(bandPath(s.lane, from, to, 14));
	}
	return {glow: glow.join(''), core: core.join('')};
};

export const NightHighway: React.FC = () => {
	const {phase} = usePhase();
	// Depths sorted, so the loop's last frame draws exactly what its first did.
	const depths = (count: number, shift: number) => Array.from({length: count}, (_, k) => wrap(k / count + shift, 0, 1)).sort((a, b) => a - b);
	const dashes = [1, 2, 4, 5].flatMap((lane) => depths(12, (phase * 2) / 3).map((u0) => bandPath(lane, u0, Math.min(1, u0 + 0.03), 6, 1)));
	const lamps = [-1, 1].flatMap((side) =>
		depths(6, phase / 2).map((u, k) => {
			const base = project(side < 0 ? -0.6 : LANES + 0.6, u);
			return {side, k, base, h: 360 * base.scale};
		}),
	);
	const oncoming = streakPaths(phase, true);
	const leaving = streakPaths(phase, false);
	return (
		<Scene background="#05060d">
			<defs>
				<VerticalGradient id="road-sky" stops={[[0, '#04050e'], [0.3, '#121536'], [0.44, '#3a2a4a'], [1, '#0b0b12']]} />
			</defs>
			<rect width={720} height={1280} fill="url(#road-sky)" />
			<Glow cx={VANISH_X} cy={HORIZON_Y} rx={520} ry={160} color="#ff9d5c" opacity={0.45} />
			<path d={SKYLINE_PATH} fill="#0d0e1c" />
			<path d={WINDOWS_PATH} fill="#ffd58a" opacity={0.7} />
			<polygon points={`${VANISH_X},${HORIZON_Y} ${VANISH_X + ROAD_HALF_PX},1280 ${VANISH_X - ROAD_HALF_PX},1280`} fill="#101118" />
			<path d={dashes.join('')} fill="#c9c6b8" opacity={0.5} />
			<path d={bandPath(LANES / 2, 0, 1, 5, 8)} fill="#e0b040" opacity={0.6} />
			<path d={oncoming.glow} fill="#ffd27a" opacity={0.2} />
			<path d={leaving.glow} fill="#ff1a1a" opacity={0.22} />
			<path d={oncoming.core} fill="#fff4d6" opacity={0.95} />
			<path d={leaving.core} fill="#ff2a2a" opacity={0.95} />
			<path d={lamps.map(({base, h}) => `M${(base.x - 0.5 - 4 * base.scale).toFixed(1)},${base.y.toFixed(1)}h${(1 + 8 * base.scale).toFixed(1)}v${(-h).toFixed(1)}h${(-1 - 8 * base.scale).toFixed(1)}Z`).join('')} fill="#1c1d28" />
			{lamps.map(({side, k, base, h}) => (
				<Glow key={`${side}-${k}`} cx={base.x - side * 30 * base.scale} cy={base.y - h} r={10 + 120 * base.scale} color="#ffb347" opacity={0.8} />
			))}
		</Scene>
	);
};
