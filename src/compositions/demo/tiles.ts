// Geometry of the tiled render, as plain data shared by the composition and
// the renderer. Each screenshot carries DEMO_TILES frames of one clip, side by
// side, so Remotion's fixed cost per screenshot (~40 ms of CPU, whatever the
// content) is paid a quarter as often; ffmpeg cuts the tiles apart again.
import {DEMO_CLIP_DURATION_IN_FRAMES, DEMO_CLIP_HEIGHT, DEMO_CLIP_WIDTH} from './catalog';

export const DEMO_TILE_COLUMNS = 2;
export const DEMO_TILE_ROWS = 2;
export const DEMO_TILES = DEMO_TILE_COLUMNS * DEMO_TILE_ROWS;
/** Tile k shows clip frames k·segment … (k+1)·segment − 1. */
export const DEMO_TILE_SEGMENT_FRAMES = DEMO_CLIP_DURATION_IN_FRAMES / DEMO_TILES;
export const DEMO_TILES_COMPOSITION_ID = 'DemoClipTiles';

if (!Number.isInteger(DEMO_TILE_SEGMENT_FRAMES)) {
	throw new Error(`DEMO_CLIP_DURATION_IN_FRAMES (${DEMO_CLIP_DURATION_IN_FRAMES}) must divide into ${DEMO_TILES} tiles: change one of them in src/compositions/demo/`);
}

export type Tile = {index: number; x: number; y: number; width: number; height: number; fromFrame: number};

export const demoTiles = (): Tile[] =>
	Array.from({length: DEMO_TILES}, (_, index) => ({
		index,
		x: (index % DEMO_TILE_COLUMNS) * DEMO_CLIP_WIDTH,
		y: Math.floor(index / DEMO_TILE_COLUMNS) * DEMO_CLIP_HEIGHT,
		width: DEMO_CLIP_WIDTH,
		height: DEMO_CLIP_HEIGHT,
		fromFrame: index * DEMO_TILE_SEGMENT_FRAMES,
	}));
