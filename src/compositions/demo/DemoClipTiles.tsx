// One demo clip as a grid of time-shifted tiles (geometry in tiles.ts): what
// the demo library actually renders, one screenshot per DEMO_TILES frames.
import React from 'react';
import {AbsoluteFill} from 'remotion';
import {demoClipComponent} from './components';
import {ClipFrameOffset} from './lib';
import {demoTiles} from './tiles';

export type DemoClipTilesProps = {name: string};

export const DemoClipTiles: React.FC<DemoClipTilesProps> = ({name}) => {
	const Clip = demoClipComponent(name);
	return (
		<AbsoluteFill style={{background: '#000'}}>
			{demoTiles().map((tile) => (
				<div key={tile.index} style={{position: 'absolute', left: tile.x, top: tile.y, width: tile.width, height: tile.height, overflow: 'hidden'}}>
					<ClipFrameOffset.Provider value={tile.fromFrame}>
						<Clip />
					</ClipFrameOffset.Provider>
				</div>
			))}
		</AbsoluteFill>
	);
};
