// The compositing renderer's two compositions. Not for Studio browsing: their
// sizes come from the props the renderer passes (src/render/composite).
import React from 'react';
import {Composition} from 'remotion';
import type {Aspect} from '../../plan';
import {CaptionAtlas, type CaptionAtlasProps} from './CaptionAtlas';
import {CAPTION_ATLAS_ID, LEGIBILITY_ID, TITLE_CARD_ID} from './ids';
import {Legibility} from './Legibility';
import {captionAtlasSize, fullFrameSize} from './metadata';
import {TitleCardStill, type TitleCardStillProps} from './TitleCardStill';

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
			calculateMetadata={({props}) => captionAtlasSize(props)}
		/>
		<Composition
			id={LEGIBILITY_ID}
			component={Legibility}
			width={1080}
			height={1920}
			fps={30}
			durationInFrames={1}
			defaultProps={{aspect: '9:16' as Aspect}}
			calculateMetadata={({props}) => fullFrameSize(props.aspect)}
		/>
		<Composition
			id={TITLE_CARD_ID}
			component={TitleCardStill}
			width={1080}
			height={1920}
			fps={30}
			durationInFrames={1}
			defaultProps={{} as TitleCardStillProps}
			calculateMetadata={({props}) => fullFrameSize(props.plan.aspect)}
		/>
	</>
);
