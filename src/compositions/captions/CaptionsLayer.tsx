// Connects the caption visual to Remotion's clock: frame → ms, nothing else.
import React, {useMemo} from 'react';
import {AbsoluteFill, useCurrentFrame, useVideoConfig} from 'remotion';
import {frameToMs} from '../../plan';
import type {CaptionStyle, Word} from '../../plan';
import {Captions} from './Captions';
import {loadCaptionFont} from './font';
import {makeCaptionPages} from './pages';

// At module load, as Remotion recommends: every render tab waits for the font once.
if (typeof document !== 'undefined') void loadCaptionFont();

export const CaptionsLayer: React.FC<{words: Word[]; style: CaptionStyle; breakAfter: number[]}> = ({words, style, breakAfter}) => {
	const frame = useCurrentFrame();
	const {fps, width, height} = useVideoConfig();
	const pages = useMemo(() => makeCaptionPages({words, combineWithinMs: style.combineWithinMs, breakAfter}), [words, style.combineWithinMs, breakAfter]);
	return (
		<AbsoluteFill style={{pointerEvents: 'none'}}>
			<Captions pages={pages} style={style} timeMs={frameToMs(frame, fps)} width={width} height={height} />
		</AbsoluteFill>
	);
};
