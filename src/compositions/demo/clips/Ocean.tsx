import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, groups, lerp, makeOctaves, rectsPath, sampleOctaves, seeded, usePhase} from '../lib';

const HORIZON_Y = 560;
const SHORE_Y = 1090;
/** Wave rows between horizon and shore; more rows read as a busier sea. */
const WAVE_ROWS = 14;
const SUN = {x: 470, y: 420};

// Rows advance two places per loop, so their looks repeat every two rows for a seamless loop.
const ROWS = seeded('ocean-row', 2, (rnd) => ({
	phase: rnd('p') * TAU,
	octaves: makeOctaves(`ocean-row-${rnd('s')}`, 3, 0.012),
	dash: [40 + rnd('a') * 80, 8 + rnd('b') * 30, 20 + rnd('c') * 60, 12 + rnd('d') * 30],
}));
/** Sun glints twinkle in groups (one path each) at these speeds, cycles per loop. */
const GLINT_SPEEDS = [4, 5, 6, 8, 9, 12];
const GLINTS = groups(
	seeded('ocean-glint', 90, (rnd) => {
		const depth = rnd('d') ** 1.6;
		const len = (3 + rnd('l') * 12) * lerp(0.5, 1.6, depth);
		return {x: SUN.x + (rnd('x') - 0.5) * 2 * lerp(20, 140, depth), y: lerp(HORIZON_Y + 4, SHORE_Y - 80, depth), w: len, h: 1.5 + depth * 2};
	}),
	GLINT_SPEEDS.length,
).map(rectsPath);
const FOAM = makeOctaves('ocean-foam', 4, 0.012);

export const Ocean: React.FC = () => {
	const {phase} = usePhase();
	const t = phase * TAU;
	// Rows slide from horizon toward the shore; one row spacing per loop keeps it seamless.
	const rows = Array.from({length: WAVE_ROWS}, (_, i) => {
		const s = (i + phase * 2) / WAVE_ROWS;
		const depth = s % 1;
		const y = lerp(HORIZON_Y, SHORE_Y + 20, depth ** 1.7);
		const amp = lerp(1, 16, depth ** 1.5);
		const row = ROWS[i % 2];
		const pts: string[] = [];
		for (let x = -20; x <= 740; x += 16) {
			pts.push(`${x},${(y + amp * sampleOctaves(row.octaves, x * lerp(2.5, 1, depth) + 40 * Math.sin(t * 2 + row.phase))).toFixed(1)}`);
		}
		return {depth, y, d: `M${pts.join(' L')}`, key: i, dash: row.dash.map((v) => v * lerp(0.4, 1.6, depth)).join(' ')};
	}).sort((a, b) => a.depth - b.depth);
	const wash = SHORE_Y + 55 * Math.sin(t * 2);
	const foamPath = (offset: number) => {
		const pts: string[] = [];
		for (let x = -20; x <= 740; x += 20) pts.push(`${x},${(wash + offset + 14 * sampleOctaves(FOAM, x + offset * 3)).toFixed(1)}`);
		return `M-20,${SHORE_Y - 60} L${pts.join(' L')} L740,${SHORE_Y - 60} Z`;
	};
	return (
		<Scene background="#2a6f97">
			<defs>
				<VerticalGradient id="ocean-sky" stops={[[0, '#2c6cb5'], [0.55, '#8cc1ea'], [1, '#f6e7cc']]} />
				<VerticalGradient id="ocean-sea" stops={[[0, '#6aa6c4'], [0.06, '#2f7ea6'], [0.45, '#1b6288'], [1, '#23a0a6']]} />
				<VerticalGradient id="ocean-sand" stops={[[0, '#a89070'], [0.25, '#d9c195'], [0.5, '#e8d4a8'], [1, '#d6bb8a']]} />
			</defs>
			<rect x={0} y={0} width={720} height={HORIZON_Y} fill="url(#ocean-sky)" />
			<Glow cx={SUN.x} cy={SUN.y} r={300} color="#fff3d6" opacity={0.85} />
			<circle cx={SUN.x} cy={SUN.y} r={34} fill="#fffaf0" />
			<Glow cx={160 + 30 * Math.sin(t)} cy={200} rx={230} ry={46} color="#ffffff" opacity={0.7} />
			<Glow cx={560 - 25 * Math.sin(t)} cy={300} rx={200} ry={34} color="#ffffff" opacity={0.55} />
			<rect x={0} y={HORIZON_Y} width={720} height={SHORE_Y - HORIZON_Y + 80} fill="url(#ocean-sea)" />
			{rows.map((r) => (
				<g key={r.key}>
					<path d={`${r.d} L740,${r.y + 60 * r.depth + 8} L-20,${r.y + 60 * r.depth + 8} Z`} fill="#0f4f70" opacity={0.18 + 0.2 * r.depth} />
					<path d={r.d} fill="none" stroke="#e8fbff" strokeWidth={lerp(0.8, 5, r.depth)} strokeDasharray={r.dash} strokeLinecap="round" opacity={0.2 + 0.55 * r.depth} />
				</g>
			))}
			<Glow cx={SUN.x} cy={HORIZON_Y + 160} rx={110} ry={220} color="#fff6dc" opacity={0.35} />
			{GLINTS.map((d, i) => (
				<path key={i} d={d} fill="#fffbe8" opacity={0.9 * Math.max(0, Math.sin(t * GLINT_SPEEDS[i] + i * 1.7))} />
			))}
			<rect x={0} y={SHORE_Y - 60} width={720} height={1280} fill="url(#ocean-sand)" />
			<path d={foamPath(40)} fill="#b39a70" opacity={0.45} />
			<path d={foamPath(0)} fill="#57b7bf" opacity={0.85} />
			<path d={foamPath(-8)} fill="#f4fbfb" opacity={0.55} />
			<path d={foamPath(-30)} fill="#3aa0ad" opacity={0.6} />
		</Scene>
	);
};
