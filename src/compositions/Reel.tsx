// The whole video: shots, legibility overlay, narration, captions.
import React, {useMemo} from 'react';
import {AbsoluteFill, Html5Audio, staticFile} from 'remotion';
import type {Plan} from '../plan';
import {CaptionsLayer} from './captions/CaptionsLayer';
import {sceneBreaks} from './captions/pages';
import {NoPlan} from './NoPlan';
import {ProblemBanner} from './ProblemBanner';
import {resolvePlanInput} from './resolve-input';
import type {ReelProps} from './schema';
import {LEGIBILITY_OVERLAY} from './video/grade';
import {Shots} from './video/Shots';

export const Reel: React.FC<ReelProps> = (props) => {
	const input = useMemo(() => resolvePlanInput({props, source: 'input props'}), [props]);
	if (input.kind !== 'plan') return <NoPlan problem={input.kind === 'invalid' ? input.message : (props.planProblem ?? null)} />;
	return (
		<>
			<ReelVideo plan={input.plan} />
			{props.planProblem ? <ProblemBanner problem={props.planProblem} /> : null}
		</>
	);
};

export const ReelVideo: React.FC<{plan: Plan}> = ({plan}) => {
	const breakAfter = useMemo(() => sceneBreaks(plan.scenes), [plan.scenes]);
	return (
	<AbsoluteFill style={{backgroundColor: '#000'}}>
		<Shots plan={plan} />
		<AbsoluteFill style={{backgroundImage: LEGIBILITY_OVERLAY}} />
		<Html5Audio src={staticFile(plan.narration.src)} />
		<CaptionsLayer words={plan.words} style={plan.captionStyle} breakAfter={breakAfter} />
	</AbsoluteFill>
	);
};
