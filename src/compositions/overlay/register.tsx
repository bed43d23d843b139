// The compositing renderer's two compositions (caption states; legibility overlay and title cards). Not for Studio browsing: their
// sizes come from the props the renderer passes (src/render/composite).
import React from 'react';
import {Composition} from 'remotion';
import {CaptionAtlas, type CaptionAtlasProps} from './CaptionAtlas';
import {CAPTION_ATLAS_ID, STILLS_ID} from './ids';
import {captionAtlasSize, stillsSize} from './metadata';
import {Stills, type StillsProps} from './Stills';

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
			id={STILLS_ID}
			component={Stills}
			width={1080}
			height={1920}
			fps={30}
			durationInFrames={1}
			defaultProps={{} as StillsProps}
			calculateMetadata={({props}) => stillsSize(props.plan)}
		/>
	</>
);
