import React from 'react';
import {Glow, Scene, VerticalGradient, useSvgId} from '../Scene';
import {TAU, circlesPath, fadeInOut, groups, makeOctaves, ridgeY, sampleOctaves, seeded, usePhase, wrap, type Octave} from '../lib';

/** Ranges back to front; `snowLine` is the altitude (y) above which peaks are white. */
const RANGES = [
	{baseY: 560, amp: 170, freq: 0.004, rock: '#8ea4be', snowLine: 620, drift: 6},
	{baseY: 780, amp: 200, freq: 0.0045, rock: '#5f7694', snowLine: 820, drift: 14},
	{baseY: 1000, amp: 160, freq: 0.006, rock: '#3d506a', snowLine: 1000, drift: 26},
].map((r, i) => ({...r, octaves: makeOctaves(`snow-range-${i}`, 4, r.freq), snowEdge: makeOctaves(`snow-edge-${i}`, 3, 0.04)}));

/**
 * Snowflake layers far to near; `fall` is px per loop. Each flake lives one loop,
 * fading in and out, so the snowfall is seamless at any speed. Flakes are drawn
 * in batches that share a life (and so an opacity), one path per batch.
 */
const FLAKE_LAYERS = [
	{count: 150, r: [0.8, 1.6], fall: 260, opacity: 0.65},
	{count: 80, r: [2, 3.2], fall: 420, opacity: 0.85},
	{count: 24, r: [4.5, 7], fall: 650, opacity: 0.9},
];
const BATCHES = 8;
const FLAKES = FLAKE_LAYERS.map((layer, li) =>
	groups(
		seeded(`snow-flake-${li}`, layer.count, (rnd) => ({
			x: rnd('x') * 760 - 20,
			y: rnd('y') * 1280 - layer.fall / 2,
			r: layer.r[0] + rnd('r') * (layer.r[1] - layer.r[0]),
			sway: 10 + rnd('s') * 25,
			phase: rnd('p') * TAU,
		})),
		BATCHES,
	),
);

const TREE_LINE = seeded('snow-tree', 26, (rnd, i) => ({x: i * 30 + rnd('x') * 20 - 10, h: 80 + rnd('h') * 90})).map((tr) => ({...tr, base: 1150 + Math.abs(tr.x - 360) * 0.03}));
const TREES = {
	dark: TREE_LINE.map(({x, h, base}) => `M${x},${base - h}L${x - h * 0.22},${base}L${x + h * 0.22},${base}Z`).join(''),
	snow: TREE_LINE.map(({x, h, base}) => `M${x},${base - h}L${x - h * 0.08},${base - h * 0.62}L${x + h * 0.08},${base - h * 0.62}Z`).join(''),
};
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

const Range: React.FC<{octaves: Octave[]; snowEdge: Octave[]; baseY: number; amp: number; rock: string; snowLine: number; shift: number}> = ({
	octaves,
	snowEdge,
	baseY,
	amp,
	rock,
	snowLine,
	shift,
}) => {
	const pts: {x: number; y: number}[] = [];
	for (let x = -STEP * 4; x <= 720 + STEP * 4; x += STEP) pts.push({x, y: ridgeY({octaves, x: x + shift, baseY, amp, sharp: true})});
	const ridge = `M${pts[0].x},1280 L${pts.map((p) => `${p.x},${p.y.toFixed(1)}`).join(' L')} L${pts[pts.length - 1].x},1280 Z`;
	const snow = pts.map((p) => `${p.x},${Math.max(p.y, snowLine + 40 * sampleOctaves(snowEdge, p.x + shift)).toFixed(1)}`);
	const id = `snow-clip${useSvgId()}`;
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
			<Glow cx={180} cy={260} r={300} color="#ffffff" opacity={0.6} />
			{RANGES.map((r, i) => (
				<React.Fragment key={i}>
					<Range octaves={r.octaves} snowEdge={r.snowEdge} baseY={r.baseY} amp={r.amp} rock={r.rock} snowLine={r.snowLine} shift={r.drift * Math.sin(t)} />
					<Glow cx={360} cy={r.baseY + 170} rx={760} ry={70} color="#e8eef6" opacity={0.45} />
				</React.Fragment>
			))}
			<path d="M-20,1280 L-20,1160 Q360,1100 740,1170 L740,1280 Z" fill="#eef3f8" />
			<path d={TREES.dark} fill="#1d3331" />
			<path d={TREES.snow} fill="#f4f8fc" opacity={0.85} />
			<rect x={0} y={1190} width={720} height={90} fill="#f2f6fa" />
			{FLAKE_LAYERS.map((layer, li) =>
				FLAKES[li].map((batch, b) => {
					const life = wrap(b / BATCHES + phase, 0, 1);
					const d = circlesPath(batch.map((f) => ({x: f.x + f.sway * Math.sin(t * 2 + f.phase), y: f.y + layer.fall * life, r: f.r})));
					return <path key={`${li}-${b}`} d={d} fill="#ffffff" opacity={layer.opacity * fadeInOut(life, 0.2)} />;
				}),
			)}
		</Scene>
	);
};
