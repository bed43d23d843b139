// The procedural B-roll the demo library renders on first run (see
// src/render/demo-library.ts): one composition per catalogue entry to preview
// or render alone, and the tiled form the library renders them in.
import React from 'react';
import {Composition, Folder} from 'remotion';
import {DEMO_CLIPS, DEMO_CLIP_DURATION_IN_FRAMES, DEMO_CLIP_FPS, DEMO_CLIP_HEIGHT, DEMO_CLIP_WIDTH, demoClipCompositionId} from './catalog';
import {demoClipComponent} from './components';
import {DemoClipTiles} from './DemoClipTiles';
import {DEMO_TILES_COMPOSITION_ID, DEMO_TILE_COLUMNS, DEMO_TILE_ROWS, DEMO_TILE_SEGMENT_FRAMES} from './tiles';

export const DemoClipCompositions: React.FC = () => (
	<Folder name="demo-clips">
		{DEMO_CLIPS.map(({name}) => (
			<Composition
				key={name}
				id={demoClipCompositionId(name)}
				component={demoClipComponent(name)}
				width={DEMO_CLIP_WIDTH}
				height={DEMO_CLIP_HEIGHT}
				fps={DEMO_CLIP_FPS}
				durationInFrames={DEMO_CLIP_DURATION_IN_FRAMES}
			/>
		))}
		<Composition
			id={DEMO_TILES_COMPOSITION_ID}
			component={DemoClipTiles}
			defaultProps={{name: DEMO_CLIPS[0].name}}
			width={DEMO_CLIP_WIDTH * DEMO_TILE_COLUMNS}
			height={DEMO_CLIP_HEIGHT * DEMO_TILE_ROWS}
			fps={DEMO_CLIP_FPS}
			durationInFrames={DEMO_TILE_SEGMENT_FRAMES}
		/>
	</Folder>
);
