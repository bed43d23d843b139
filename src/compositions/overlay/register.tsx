// The compositing renderer's two compositions. Not for Studio browsing: their
// sizes come from the props the renderer passes (src/render/composite).
import React from 'react';
import {Composition} from 'remotion';
import {ASPECTS, type Aspect} from '../../plan';
import {CaptionAtlas, type CaptionAtlasProps} from './CaptionAtlas';
import {CAPTION_ATLAS_ID, LEGIBILITY_ID} from './ids';
import {Legibility} from './Legibility';


export const OverlayCompositions: React.FC = () => (
	<>
		<Composition
			id={CAPTION_ATLAS_ID}
			component={CaptionAtlas}
			width={1080}
			height={1920}
			fps={30}
			durationInFrames={1}
			defaultProps={{} as CaptionAtlasProps}
			calculateMetadata={({props}) => ({
				width: ASPECTS[props.plan.aspect].width,
				height: props.band.height * props.statesPerFrame,
				fps: props.plan.fps,
				durationInFrames: Math.max(1, Math.ceil(props.stateFrames.length / props.statesPerFrame)),
			})}
		/>
		<Composition
			id={LEGIBILITY_ID}
			component={Legibility}
			width={1080}
			height={1920}
			fps={30}
			durationInFrames={1}
			defaultProps={{aspect: '9:16' as Aspect}}
			calculateMetadata={({props}) => ({width: ASPECTS[props.aspect].width, height: ASPECTS[props.aspect].height})}
		/>
	</>
);
