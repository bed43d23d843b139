// One title-card shot of a plan, alone, for the compositing renderer to draw
// once: the card is static (TitleCard.tsx), so one picture serves every frame.
import React from 'react';
import type {Plan} from '../../plan';
import {TitleCard} from '../video/TitleCard';

export type TitleCardStillProps = {plan: Plan; shotIndex: number};

export const TitleCardStill: React.FC<TitleCardStillProps> = ({plan, shotIndex}) => {
	const shot = plan.shots[shotIndex];
	if (shot?.kind !== 'title') throw new Error(`shot ${shotIndex} is not a title card`);
	const mood = plan.scenes.find((s) => s.id === shot.sceneId)?.mood ?? null;
	return <TitleCard text={shot.title.text} mood={mood} style={plan.style ?? 'cinematic'} width={plan.width} height={plan.height} />;
};
