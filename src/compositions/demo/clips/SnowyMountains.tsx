import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, makeOctaves, ridgeY, sampleOctaves, seeded, usePhase, wrap, type Octave} from '../lib';

/** Ranges back to front; `snowLine` is the altitude (y) above which peaks are white. */
const RANGES = [
	{baseY: 560, amp: 170, freq: 0.004, rock: '#8ea4be', snowLine: 620, drift: 6},
	{baseY: 780, amp: 200, freq: 0.0045, rock: '#5f7694', snowLine: 820, drift: 14},
	{baseY: 1000, amp: 160, freq: 0.006, rock: '#3d506a', snowLine: 1000, drift: 26},
].map((r, i) => ({...r, octaves: makeOctaves(`snow-range-${i}`, 4, r.freq), snowEdge: makeOctaves(`snow-edge-${i}`, 3, 0.04)}));

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
const STEP = 6;

/** Shadowed faces: from each peak down its right slope to the valley, then back up inside the mountain. */
const shadowFaces = (pts: {x: number; y: number}[]): string => {
	const faces: string[] = [];
	for (let i = 1; i < pts.length - 1; i++) {
		if (!(pts[i].y < pts[i - 1].y && pts[i].y <= pts[i + 1].y)) continue;
		let j = i + 1;
		while (j < pts.length - 1 && pts[j + 1].y >= pts[j].y) j++;
		const peak = pts[i];
		const valley = pts[j];
		const drop = valley.y - peak.y;
		if (drop < 12) continue;
		const slope = pts.slice(i, j + 1).map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`);
		faces.push(`M${slope.join(' L')} L${(valley.x - (valley.x - peak.x) * 0.55).toFixed(1)},${(valley.y + drop * 1.2).toFixed(1)} Z`);
	}
	return faces.join(' ');
};

const Range: React.FC<{octaves: Octave[]; snowEdge: Octave[]; baseY: number; amp: number; rock: string; snowLine: number; shift: number; index: number}> = ({
	octaves,
	snowEdge,
	baseY,
	amp,
	rock,
	snowLine,
	shift,
	index,
}) => {
	const pts: {x: number; y: number}[] = [];
	for (let x = -STEP * 4; x <= 720 + STEP * 4; x += STEP) pts.push({x, y: ridgeY({octaves, x: x + shift, baseY, amp, sharp: true})});
	const ridge = `M${pts[0].x},1280 L${pts.map((p) => `${p.x},${p.y.toFixed(1)}`).join(' L')} L${pts[pts.length - 1].x},1280 Z`;
	const snow = pts.map((p) => `${p.x},${Math.max(p.y, snowLine + 40 * sampleOctaves(snowEdge, p.x + shift)).toFixed(1)}`);
	const id = `snow-clip-${index}`;
	return (
		<g>
			<defs>
				<clipPath id={id}>
					<path d={ridge} />
				</clipPath>
			</defs>
			<path d={ridge} fill={rock} />
			<g clipPath={`url(#${id})`}>
				<path d={`M${pts[0].x},-10 L${snow.join(' L')} L${pts[pts.length - 1].x},-10 Z`} fill="#f5f9fc" />
				<path d={shadowFaces(pts)} fill="#23324d" opacity={0.32} />
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
					<Range index={i} octaves={r.octaves} snowEdge={r.snowEdge} baseY={r.baseY} amp={r.amp} rock={r.rock} snowLine={r.snowLine} shift={r.drift * Math.sin(t)} />
					<Glow id={`snow-haze-${i}`} cx={360} cy={r.baseY + 170} rx={760} ry={70} r={0} color="#e8eef6" opacity={0.45} />
				</React.Fragment>
			))}
			<path d="M-20,1280 L-20,1160 Q360,1100 740,1170 L740,1280 Z" fill="#eef3f8" />
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
