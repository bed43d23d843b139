import React from 'react';
import {Glow, Scene, VerticalGradient} from '../Scene';
import {TAU, circlesPath, groups, makeOctaves, ridgePath, seeded, usePhase, wrap} from '../lib';

const FIRE = {x: 360, y: 930};
/** Flame size multiplier; the fire should fill about a third of the frame height. */
const FLAME_SCALE = 1.3;
/** Flame tongues: x offset from the centre, height, width. */
const TONGUES = seeded('fire-tongue', 9, (rnd, i) => ({
	dx: (i - 4) * 16 + (rnd('x') - 0.5) * 14,
	h: 330 - Math.abs(i - 4) * 48 + rnd('h') * 70,
	w: 58 + rnd('w') * 26,
	// Integer frequencies: the flicker repeats exactly once per loop.
	k1: 5 + Math.floor(rnd('k1') * 5),
	k2: 11 + Math.floor(rnd('k2') * 7),
	kLean: 2 + Math.floor(rnd('kl') * 3),
	phase: rnd('p') * TAU,
}));
/** Embers rise in batches that share a life (one path and opacity per batch); `laps` lives per loop. */
const EMBER_BATCHES = [1, 2, 1, 2, 1, 2, 1, 2].map((laps, b) => ({laps, start: b / 8}));
const EMBERS = groups(
	seeded('fire-ember', 48, (rnd) => ({
		dx: (rnd('x') - 0.5) * 120,
		rise: 500 + rnd('r') * 400,
		wobble: 15 + rnd('w') * 35,
		r: 1.2 + rnd('z') * 2.2,
		phase: rnd('p') * TAU,
	})),
	EMBER_BATCHES.length,
);
const TREES = makeOctaves('fire-trees', 3, 0.03);
const STARS = circlesPath(seeded('fire-star', 60, (rnd) => ({x: rnd('x') * 720, y: rnd('y') * 520, r: 0.5 + rnd('r') * 1.2})));
const TREE_PATH = ridgePath({width: 720, bottom: 1280, baseY: 600, amp: 110, octaves: TREES, step: 6, sharp: true});

/** The ring of stones in front of the fire; each gets a lit top where the flames catch it. */
const STONE_DX = [-250, -190, -120, 120, 190, 250];
const ellipses = (items: {cx: number; cy: number; rx: number; ry: number}[]) =>
	items.map(({cx, cy, rx, ry}) => `M${cx - rx},${cy}a${rx},${ry} 0 1,0 ${2 * rx},0a${rx},${ry} 0 1,0 ${-2 * rx},0`).join('');
const STONES = ellipses(STONE_DX.map((dx) => ({cx: FIRE.x + dx, cy: FIRE.y + 50 - Math.abs(dx) * 0.05, rx: 42, ry: 24})));
const STONE_TOPS = ellipses(STONE_DX.map((dx) => ({cx: FIRE.x + dx * 0.97, cy: FIRE.y + 40 - Math.abs(dx) * 0.05, rx: 30, ry: 11})));

/** A teardrop tongue: wide rounded base, tip bending with the flicker. */
const tonguePath = (x: number, y: number, h: number, w: number, lean: number): string =>
	`M${x - w / 2},${y} C${x - w / 2},${y - h * 0.45} ${x + lean * 0.4 - w * 0.15},${y - h * 0.7} ${x + lean},${y - h} ` +
	`C${x + lean * 0.4 + w * 0.15},${y - h * 0.7} ${x + w / 2},${y - h * 0.45} ${x + w / 2},${y} ` +
	`C${x + w / 4},${y + 18} ${x - w / 4},${y + 18} ${x - w / 2},${y} Z`;

const LAYERS = [
	{scale: 1, color: '#d9360b', opacity: 0.85},
	{scale: 0.78, color: '#ff7a12', opacity: 0.9},
	{scale: 0.55, color: '#ffc23a', opacity: 0.95},
	{scale: 0.32, color: '#fff1b8', opacity: 0.95},
];

export const Campfire: React.FC = () => {
	const {phase} = usePhase();
	const t = phase * TAU;
	const flicker = 0.85 + 0.1 * Math.sin(t * 17) + 0.05 * Math.sin(t * 29);
	return (
		<Scene background="#050407">
			<defs>
				<VerticalGradient id="fire-sky" stops={[[0, '#030306'], [0.6, '#0d0a12'], [1, '#1a0f0c']]} />
				<linearGradient id="fire-log" x1="0" y1="0" x2="0" y2="1">
					<stop offset="0" stopColor="#6b4026" />
					<stop offset="1" stopColor="#24140c" />
				</linearGradient>
			</defs>
			<rect width={720} height={1280} fill="url(#fire-sky)" />
			<path d={STARS} fill="#fff5e6" opacity={0.6} />
			<Glow cx={FIRE.x} cy={700} rx={520} ry={260} color="#ff7a2a" opacity={0.22 * flicker} />
			<path d={TREE_PATH} fill="#1c1215" />
			<Glow cx={FIRE.x} cy={FIRE.y - 120} r={620} color="#ff6a1a" opacity={0.38 * flicker} />
			<ellipse cx={FIRE.x} cy={1110} rx={560} ry={240} fill="#140b08" />
			<Glow cx={FIRE.x} cy={FIRE.y + 40} rx={420} ry={150} color="#ff7b2a" opacity={0.55 * flicker} />
			{[-1, 1].map((side) => (
				<rect key={side} x={FIRE.x - 170} y={FIRE.y - 20} width={340} height={42} rx={20} fill="url(#fire-log)" transform={`rotate(${side * 16}, ${FIRE.x}, ${FIRE.y})`} />
			))}
			<g>
				{LAYERS.map((layer, li) => (
					<g key={li} opacity={layer.opacity}>
						<path
							d={TONGUES.map((f) => {
								const s = 0.75 + 0.17 * Math.sin(t * f.k1 + f.phase) + 0.08 * Math.sin(t * f.k2 + f.phase * 2);
								const lean = 28 * Math.sin(t * f.kLean + f.phase) * layer.scale + f.dx * 0.4;
								const h = f.h * s * layer.scale * FLAME_SCALE;
								return tonguePath(FIRE.x + f.dx * layer.scale * FLAME_SCALE, FIRE.y, h, f.w * (0.6 + 0.4 * layer.scale) * FLAME_SCALE, lean);
							}).join(' ')}
							fill={layer.color}
						/>
					</g>
				))}
			</g>
			<rect x={FIRE.x - 150} y={FIRE.y + 4} width={300} height={40} rx={20} fill="url(#fire-log)" />
			<rect x={FIRE.x - 150} y={FIRE.y + 4} width={300} height={6} rx={3} fill="#ff8a2a" opacity={0.8 * flicker} />
			<path d={STONES} fill="#2e2522" />
			<path d={STONE_TOPS} fill="#8a5533" opacity={0.55 * flicker} />
			{EMBER_BATCHES.map((batch, b) => {
				const life = wrap(batch.start + phase * batch.laps, 0, 1);
				const d = circlesPath(
					EMBERS[b].map((e) => ({x: FIRE.x + e.dx + e.wobble * Math.sin(t * 3 + e.phase) * life, y: FIRE.y - 80 - life * e.rise, r: e.r * (1 - life * 0.5)})),
				);
				return <path key={b} d={d} fill={life < 0.4 ? '#ffe08a' : '#ff8a2a'} opacity={(1 - life) * 0.95} />;
			})}
		</Scene>
	);
};
