// The caption visual: a pure function of (pages, style, timeMs, size). No
// Remotion hooks here, so tests can render its markup at any time.
import React from 'react';
import type {CaptionStyle} from '../../plan';
import {captionAt} from './pages';
import type {CaptionPage} from './pages';

export type CaptionsProps = {
	pages: CaptionPage[];
	style: CaptionStyle;
	timeMs: number;
	width: number;
	height: number;
};

// Tune: how long a new page takes to pop in, and from what scale.
const POP_MS = 110;
const POP_FROM_SCALE = 0.88;
// Tune: extra size of the spoken word.
const ACTIVE_SCALE = 1.06;
// Tune: widest caption line as a share of the frame width (and of 1.3 × the short side, for 16:9).
const MAX_WIDTH_SHARE = 0.86;

/**
 * Everything the caption picture depends on at a time, and a key equal for two
 * times exactly when they look the same. The compositing renderer captures one
 * image per key instead of one per frame, so this must stay the only input.
 */
export const captionVisual = ({pages, timeMs}: {pages: CaptionPage[]; timeMs: number}) => {
	const at = captionAt({pages, timeMs});
	if (!at) return {at: null, scale: 1, key: 'none'};
	const pop = Math.min(1, (timeMs - at.page.startMs) / POP_MS);
	const scale = POP_FROM_SCALE + (1 - POP_FROM_SCALE) * (1 - (1 - pop) ** 3);
	return {at, scale, key: `${at.pageIndex}:${at.activeTokenIndex}:${scale}`};
};

export const Captions: React.FC<CaptionsProps> = ({pages, style, timeMs, width, height}) => {
	const {at, scale} = captionVisual({pages, timeMs});
	if (!at) return null;
	// The short side, not the width: 16:9 would otherwise get 1.8× larger words than 9:16.
	const unit = Math.min(width, height) / 1080;
	const fontSize = style.fontSizePx * unit;
	return (
		<div
			data-caption-page={at.pageIndex}
			style={{
				position: 'absolute',
				left: 0,
				right: 0,
				bottom: `${style.bottomFraction * 100}%`,
				transform: `translateY(50%) scale(${scale})`,
				display: 'flex',
				justifyContent: 'center',
			}}
		>
			<div
				style={{
					maxWidth: Math.min(width * MAX_WIDTH_SHARE, Math.min(width, height) * 1.3),
					textAlign: 'center',
					fontFamily: `${style.fontFamily}, Montserrat, sans-serif`,
					fontWeight: style.fontWeight,
					fontSize,
					lineHeight: 1.18,
					// Room for the scaled-up active word, so it never touches its neighbours.
					wordSpacing: '0.08em',
					color: style.color,
					// Stroke drawn under the fill, so its visible width is half of this.
					WebkitTextStroke: `${2 * style.strokeWidthPx * unit}px ${style.strokeColor}`,
					paintOrder: 'stroke fill',
					// A hard shadow, not a blurred one: a blur radius on large text cost ~30 % of
					// every frame on CPU (docs/performance.md); stroke and overlay carry legibility.
					textShadow: `0 ${5 * unit}px 0 rgba(0,0,0,0.45)`,
				}}
			>
				{at.page.tokens.map((token, i) => {
					const active = i === at.activeTokenIndex;
					return (
						<React.Fragment key={`${token.fromMs}-${i}`}>
							{i > 0 && token.text.startsWith(' ') ? ' ' : null}
							<span
								data-active={active ? 'true' : undefined}
								style={{
									display: 'inline-block',
									color: active ? style.highlightColor : style.color,
									transform: active ? `scale(${ACTIVE_SCALE})` : undefined,
								}}
							>
								{token.text.trimStart()}
							</span>
						</React.Fragment>
					);
				})}
			</div>
		</div>
	);
};
