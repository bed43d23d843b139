import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, makeOctaves, ridgePath, ridgeY, sampleOctaves, seeded, usePhase, wrap} from '../lib';

/** Mountain ranges back to front; `snow` is how far below the peaks snow reaches. */
const RANGES = [
	{baseY: 560, amp: 170, freq: 0.0035, rock: '#8da3bd', shade: '#6f86a3', snow: 150, drift: 6},
	{baseY: 760, amp: 190, freq: 0.0042, rock: '#5d7491', shade: '#445a78', snow: 120, drift: 14},
	{baseY: 980, amp: 150, freq: 0.0055, rock: '#3c4f68', shade: '#2a3a50', snow: 70, drift: 26},
].map((r, i) => ({...r, octaves: makeOctaves(`snow-range-${i}`, 4, r.freq), snowEdge: makeOctaves(`snow-edge-${i}`, 3, 0.05)}));

/** Snowflake layers far to near; whole laps per loop keep the snowfall seamless. */
const FLAKES = [
	{count: 140, r: [0.8, 1.6], laps: 1, opacity: 0.6},
	{count: 70, r: [2, 3.2], laps: 2, opacity: 0.8},
	{count: 22, r: [4.5, 7], laps: 3, opacity: 0.9},
].flatMap((layer, li) =>
	seeded(`snow-flake-${li}`, layer.count, (rnd) => ({
		x: rnd('x') * 760 - 20,
		y: rnd('y') * 1340,
		r: layer.r[0] + rnd('r') * (layer.r[1] - layer.r[0]),
		laps: layer.laps,
		sway: 10 + rnd('s') * 25,
		phase: rnd('p') * TAU,
		opacity: layer.opacity,
	})),
);

const TREE_LINE = seeded('snow-tree', 26, (rnd, i) => ({x: i * 30 + rnd('x') * 20 - 10, h: 80 + rnd('h') * 90}));

const Range: React.FC<{index: number; shift: number}> = ({index, shift}) => {
	const r = RANGES[index];
	const ridge = ridgePath({width: 720, bottom: 1280, baseY: r.baseY, amp: r.amp, octaves: r.octaves, shift, sharp: true, step: 8});
	// Shadowed faces: the same ridge nudged sideways leaves the sunlit slopes uncovered.
	const shadow = ridgePath({width: 720, bottom: 1280, baseY: r.baseY + 14, amp: r.amp, octaves: r.octaves, shift: shift - 22, sharp: true, step: 8});
	const snowPts: string[] = [];
	for (let x = -8; x <= 728; x += 8) {
		const peak = ridgeY({octaves: r.octaves, x: x + shift, baseY: r.baseY, amp: r.amp, sharp: true});
		const line = r.baseY - r.amp + r.snow + 30 * sampleOctaves(r.snowEdge, x + shift);
		snowPts.push(`${x},${Math.max(peak, line).toFixed(1)}`);
	}
	const id = `snow-clip-${index}`;
	return (
		<g>
			<defs>
				<clipPath id={id}>
					<path d={ridge} />
				</clipPath>
			</defs>
			<path d={ridge} fill={r.rock} />
			<g clipPath={`url(#${id})`}>
				<path d={`M-8,-10 L${snowPts.join(' L')} L728,-10 Z`} fill="#f4f8fc" />
				<path d={shadow} fill={r.shade} opacity={0.55} />
			</g>
		</g>
	);
};

export const SnowyMountains: React.FC = () => {
	const {phase} = usePhase();
	const t = phase * TAU;
	return (
		<Scene background="#b8c9dc">
			<defs>
				<VerticalGradient id="snow-sky" stops={[[0, '#5b7fae'], [0.4, '#a9c1dc'], [0.7, '#dce6f0'], [1, '#eef3f8']]} />
			</defs>
			<rect width={720} height={1280} fill="url(#snow-sky)" />
			<Glow id="snow-sun" cx={180} cy={260} r={300} color="#ffffff" opacity={0.6} />
			{RANGES.map((r, i) => (
				<React.Fragment key={i}>
					<Range index={i} shift={r.drift * Math.sin(t)} />
					<Glow id={`snow-haze-${i}`} cx={360} cy={r.baseY + 140} rx={700} ry={90} r={0} color="#e8eef6" opacity={0.55} />
				</React.Fragment>
			))}
			<path d={`M-20,1280 L-20,1160 Q360,1100 740,1170 L740,1280 Z`} fill="#eef3f8" />
			{TREE_LINE.map((tr, i) => {
				const base = 1150 + Math.abs(tr.x - 360) * 0.03;
				return (
					<g key={i}>
						<polygon points={`${tr.x},${base - tr.h} ${tr.x - tr.h * 0.22},${base} ${tr.x + tr.h * 0.22},${base}`} fill="#1d3331" />
						<polygon points={`${tr.x},${base - tr.h} ${tr.x - tr.h * 0.08},${base - tr.h * 0.62} ${tr.x + tr.h * 0.08},${base - tr.h * 0.62}`} fill="#f4f8fc" opacity={0.85} />
					</g>
				);
			})}
			<rect x={0} y={1190} width={720} height={90} fill="#f2f6fa" />
			{FLAKES.map((f, i) => {
				const y = wrap(f.y + phase * f.laps * 1340, -30, 1340);
				return <circle key={i} cx={f.x + f.sway * Math.sin(t * 2 + f.phase)} cy={y} r={f.r} fill="#ffffff" opacity={f.opacity} />;
			})}
		</Scene>
	);
};
