// All shots in one TransitionSeries, laid out by computeShotTimeline so that
// every cut lands on its narration frame and the total equals the plan's.
import {linearTiming, TransitionSeries} from '@remotion/transitions';
import React from 'react';
import type {Clip, ClipShot, Plan} from '../../plan';
import {Shot} from './Shot';
import {TitleCard} from './TitleCard';
import {computeShotTimeline} from './timeline';
import {presentationFor} from './transitions';

export const Shots: React.FC<{plan: Plan}> = ({plan}) => {
	const {entries} = computeShotTimeline({shots: plan.shots, fps: plan.fps, durationMs: plan.durationMs});
	const clips = new Map(plan.clips.map((c) => [c.id, c]));
	const moods = new Map(plan.scenes.map((s) => [s.id, s.mood]));
	const clipOf = (shot: ClipShot, shotIndex: number): Clip => {
		const clip = clips.get(shot.clipId);
		// resolvePlanInput has checked every clipId; this keeps the types honest.
		if (!clip) throw new Error(`shot ${shotIndex} uses clip "${shot.clipId}", which is not in plan.clips`);
		return clip;
	};
	return (
		<TransitionSeries>
			{entries.flatMap((e, i) => {
				const shot = plan.shots[e.shotIndex];
				const presentation = presentationFor(shot.transitionIn);
				const transition =
					presentation && e.transitionInFrames > 0 ? (
						<TransitionSeries.Transition
							key={`t${i}`}
							presentation={presentation}
							timing={linearTiming({durationInFrames: e.transitionInFrames})}
						/>
					) : null;
				return [
					transition,
					<TransitionSeries.Sequence key={`s${i}`} durationInFrames={e.durationInFrames} name={`shot ${e.shotIndex}: ${shot.kind === 'title' ? 'title card' : shot.clipId}`}>
						{shot.kind === 'title' ? (
							<TitleCard text={shot.title.text} mood={moods.get(shot.sceneId) ?? null} style={plan.style ?? 'cinematic'} width={plan.width} height={plan.height} />
						) : (
						<Shot
							shot={shot}
							clip={clipOf(shot, e.shotIndex)}
							mood={moods.get(shot.sceneId) ?? null}
							style={plan.style ?? 'cinematic'}
							durationInFrames={e.durationInFrames}
							fps={plan.fps}
							panDirection={i % 2 === 0 ? 1 : -1}
						/>
						)}
					</TransitionSeries.Sequence>,
				].filter((x) => x !== null);
			})}
		</TransitionSeries>
	);
};
