import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, lerp, makeOctaves, sampleOctaves, seeded, usePhase} from '../lib';

/** Tree layers back to front: colour fades toward the mist the farther a layer is. */
const LAYERS = [
	{baseY: 640, treeH: 90, spacing: 16, color: '#a9b9b8', sway: 4},
	{baseY: 760, treeH: 150, spacing: 24, color: '#7d9491', sway: 8},
	{baseY: 900, treeH: 230, spacing: 34, color: '#4d6660', sway: 14},
	{baseY: 1060, treeH: 340, spacing: 52, color: '#27403a', sway: 22},
	{baseY: 1250, treeH: 520, spacing: 90, color: '#0f2320', sway: 34},
];

/** A pine silhouette: stacked drooping tiers narrowing to a point. */
const pinePath = (x: number, base: number, h: number, tiers: number): string => {
	const w = h * 0.36;
	let d = `M${x - 2},${base} L${x - 2},${base - h * 0.1}`;
	for (let i = 0; i < tiers; i++) {
		const y0 = base - h * 0.1 - (i / tiers) * h * 0.85;
		const half = w * (1 - i / tiers) * 0.5;
		d += ` L${x - half},${y0} L${x - half * 0.35},${y0 - h * 0.16}`;
	}
	d += ` L${x},${base - h}`;
	for (let i = tiers - 1; i >= 0; i--) {
		const y0 = base - h * 0.1 - (i / tiers) * h * 0.85;
		const half = w * (1 - i / tiers) * 0.5;
		d += ` L${x + half * 0.35},${y0 - h * 0.16} L${x + half},${y0}`;
	}
	return `${d} L${x + 2},${base - h * 0.1} L${x + 2},${base} Z`;
};

const TREE_LAYERS = LAYERS.map((layer, li) => {
	const ground = makeOctaves(`forest-ground-${li}`, 3, 0.006);
	const trees = seeded(`forest-tree-${li}`, Math.ceil(900 / layer.spacing), (rnd, i) => {
		const x = -90 + i * layer.spacing + rnd('x') * layer.spacing * 0.8;
		const h = layer.treeH * (0.7 + rnd('h') * 0.5);
		const base = layer.baseY + 40 * sampleOctaves(ground, x);
		return pinePath(x, base, h, 5 + Math.floor(rnd('t') * 3));
	}).join(' ');
	const hill = [...Array(50)].map((_, i) => {
		const x = -100 + i * 20;
		return `${x},${(layer.baseY + 40 * sampleOctaves(ground, x) - layer.treeH * 0.15).toFixed(1)}`;
	});
	return {...layer, trees, hill: `M-100,1280 L${hill.join(' L')} L900,1280 Z`};
});

const RAYS_PATH = [0, 1, 2].map((i) => `M560,430L${560 + 8 * (i + 1)},440L${140 + i * 170},1280L${-40 + i * 170},1280Z`).join('');

const MISTS = seeded('forest-mist', 9, (rnd, i) => ({
	layer: 1 + (i % 4),
	x: rnd('x') * 720,
	rx: 260 + rnd('r') * 200,
	ry: 50 + rnd('h') * 40,
	phase: rnd('p') * TAU,
	opacity: 0.45 + rnd('o') * 0.3,
}));

export const ForestMist: React.FC = () => {
	const {phase} = usePhase();
	const t = phase * TAU;
	return (
		<Scene background="#c9d3d3">
			<defs>
				<VerticalGradient id="forest-sky" stops={[[0, '#8fa8b3'], [0.35, '#c6d3d2'], [0.55, '#ece9dc'], [1, '#d9dfd8']]} />
				<linearGradient id="forest-ray" gradientUnits="userSpaceOnUse" x1={560} y1={430} x2={200} y2={1280}>
					<stop offset="0" stopColor="#fff8e0" stopOpacity={0.45} />
					<stop offset="1" stopColor="#fff8e0" stopOpacity={0} />
				</linearGradient>
			</defs>
			<rect width={720} height={1280} fill="url(#forest-sky)" />
			<Glow cx={560} cy={430} r={320} color="#fff4d0" opacity={0.8} />
			{TREE_LAYERS.map((layer, li) => {
				const dx = layer.sway * Math.sin(t);
				return (
					<g key={li}>
						<g transform={`translate(${dx},0)`}>
							<path d={layer.hill} fill={layer.color} />
							<path d={layer.trees} fill={layer.color} />
						</g>
						{MISTS.filter((m) => m.layer === li).map((m, k) => (
							<Glow
								key={k}
								cx={m.x + 70 * Math.sin(t + m.phase)}
								cy={layer.baseY + 20}
								rx={m.rx}
								ry={m.ry}
								r={0}
								color="#eef1ec"
								opacity={lerp(m.opacity, m.opacity * 0.7, 0.5 + 0.5 * Math.sin(t * 2 + m.phase))}
							/>
						))}
					</g>
				);
			})}
			<path d={RAYS_PATH} fill="url(#forest-ray)" opacity={0.55 + 0.15 * Math.sin(t)} />
		</Scene>
	);
};
