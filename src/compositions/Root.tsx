// Registers one composition per aspect. Width and height come from the
// composition; duration and fps from the plan (see calculate-metadata.ts).
import React from 'react';
import {Composition} from 'remotion';
import {ASPECTS} from '../plan';
import type {Aspect} from '../plan';
import {makeCalculateReelMetadata} from './calculate-metadata';
import {DemoClipCompositions} from './demo/DemoClips';
import {OverlayCompositions} from './overlay/register';
import {Reel} from './Reel';
import {DEFAULT_REEL_PROPS, reelSchema} from './schema';
import {useLivePlan} from './use-live-plan';

const aspects = Object.keys(ASPECTS) as Aspect[];

export const Root: React.FC = () => {
	useLivePlan();
	return (
		<>
			{aspects.map((aspect) => {
				const {compositionId, width, height} = ASPECTS[aspect];
				return (
					<Composition
						key={compositionId}
						id={compositionId}
						component={Reel}
						schema={reelSchema}
						defaultProps={DEFAULT_REEL_PROPS}
						calculateMetadata={makeCalculateReelMetadata(aspect)}
						width={width}
						height={height}
						// Replaced by calculateMetadata; only the help screen keeps them.
						fps={30}
						durationInFrames={150}
					/>
				);
			})}
			<DemoClipCompositions />
			<OverlayCompositions />
		</>
	);
};
