// Shown in Studio when there is no usable plan: says what to run or what is wrong.
import React from 'react';
import {AbsoluteFill, useVideoConfig} from 'remotion';
import {NO_PLAN_HINT} from './calculate-metadata';

export const NoPlan: React.FC<{problem: string | null}> = ({problem}) => {
	const {width, height} = useVideoConfig();
	const unit = Math.min(width, height) / 1080;
	return (
		<AbsoluteFill
			style={{
				background: 'linear-gradient(160deg, #1b1d2b 0%, #0b0c12 100%)',
				color: '#f4f4f6',
				justifyContent: 'center',
				alignItems: 'center',
				padding: 80 * unit,
				fontFamily: 'Montserrat, Helvetica, Arial, sans-serif',
				textAlign: 'center',
				gap: 36 * unit,
			}}
		>
			<div style={{fontSize: 72 * unit, fontWeight: 800}}>{problem ? 'This plan cannot be shown' : 'No plan yet'}</div>
			<div style={{fontSize: 36 * unit, lineHeight: 1.45, maxWidth: 900 * unit, fontFamily: problem ? 'monospace' : undefined, opacity: 0.85, wordBreak: 'break-word'}}>
				{problem ?? NO_PLAN_HINT}
			</div>
		</AbsoluteFill>
	);
};
