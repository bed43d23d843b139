// Over the last good plan in Studio: why the latest re-plan failed, so the
// preview never silently shows stale work as if it were current.
import React from 'react';
import {AbsoluteFill, useVideoConfig} from 'remotion';

export const ProblemBanner: React.FC<{problem: string}> = ({problem}) => {
	const {width, height} = useVideoConfig();
	const unit = Math.min(width, height) / 1080;
	return (
		<AbsoluteFill style={{justifyContent: 'flex-start', padding: 40 * unit}}>
			<div
				style={{
					background: 'rgba(150, 20, 30, 0.92)',
					color: '#fff',
					borderRadius: 16 * unit,
					padding: `${24 * unit}px ${32 * unit}px`,
					fontFamily: 'monospace',
					fontSize: 30 * unit,
					lineHeight: 1.4,
					wordBreak: 'break-word',
				}}
			>
				<div style={{fontWeight: 800, marginBottom: 8 * unit, fontFamily: 'Montserrat, Helvetica, Arial, sans-serif'}}>Re-plan failed — showing the last good plan</div>
				{problem}
			</div>
		</AbsoluteFill>
	);
};
