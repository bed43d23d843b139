// The legibility overlay (frame 0) and each title card of a plan (frames 1…)
// as one composition, so Chrome loads the page once for all of them: a page
// load costs a second or more here, whatever it then draws.
import React from 'react';
import {Freeze, useCurrentFrame} from 'remotion';
import type {Plan} from '../../plan';
import {Legibility} from './Legibility';
import {titleShots} from './metadata';
import {TitleCardStill} from './TitleCardStill';

export type StillsProps = {plan: Plan};

export const Stills: React.FC<StillsProps> = ({plan}) => {
	const frame = useCurrentFrame();
	// Each picture is drawn as its own first frame: a still must not depend on where it sits here.
	return <Freeze frame={0}>{frame === 0 ? <Legibility aspect={plan.aspect} /> : <TitleCardStill plan={plan} shotIndex={titleShots(plan)[frame - 1]} />}</Freeze>;
};
