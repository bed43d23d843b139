// Every clip draws in a fixed 720×1280 design space; the viewBox scales it to
// whatever size the composition is registered at.
import React, {useId} from 'react';
import {AbsoluteFill} from 'remotion';

export const SCENE_WIDTH = 720;
export const SCENE_HEIGHT = 1280;

export const Scene: React.FC<{background: string; children: React.ReactNode}> = ({background, children}) => (
	<AbsoluteFill style={{background}}>
		<svg
			viewBox={`0 0 ${SCENE_WIDTH} ${SCENE_HEIGHT}`}
			preserveAspectRatio="xMidYMid slice"
			style={{width: '100%', height: '100%', display: 'block'}}
		>
			{children}
		</svg>
	</AbsoluteFill>
);

/**
 * An id unique in the document, for gradients and clip paths whose look changes
 * with the frame: DemoClipTiles shows one clip several times in one document,
 * where a shared id would paint every tile like the first.
 */
export const useSvgId = (): string => useId().replace(/[^a-zA-Z0-9_-]/g, '');

/** A soft round (or, with rx/ry, elliptical) glow without CSS blur, which is slow on a CPU-only Chromium. */
export const Glow: React.FC<{cx: number; cy: number; r?: number; rx?: number; ry?: number; color: string; opacity?: number}> = ({cx, cy, r = 0, rx, ry, color, opacity = 1}) => {
	const id = `glow${useSvgId()}`;
	return (
		<>
			<defs>
				<radialGradient id={id}>
					<stop offset="0%" stopColor={color} stopOpacity={opacity} />
					<stop offset="40%" stopColor={color} stopOpacity={opacity * 0.45} />
					<stop offset="100%" stopColor={color} stopOpacity={0} />
				</radialGradient>
			</defs>
			<ellipse cx={cx} cy={cy} rx={rx ?? r} ry={ry ?? r} fill={`url(#${id})`} />
		</>
	);
};

/** A vertical gradient from colour stops [offset 0–1, colour]. */
export const VerticalGradient: React.FC<{id: string; stops: [number, string][]; opacities?: number[]}> = ({id, stops, opacities}) => (
	<linearGradient id={id} x1="0" y1="0" x2="0" y2="1">
		{stops.map(([offset, color], i) => (
			<stop key={i} offset={offset} stopColor={color} stopOpacity={opacities?.[i] ?? 1} />
		))}
	</linearGradient>
);
