// The demo clip library: the catalogue the matcher reads must agree with the
// compositions that render it, and every clip must loop seamlessly, because a
// shot longer than a clip repeats it. Rendered to markup in Node, no browser.
import {readFileSync} from 'node:fs';
import React from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, test, vi} from 'vitest';
import {DEMO_CLIPS, DEMO_CLIP_DURATION_IN_FRAMES, demoClipCompositionId} from '../src/compositions/demo/catalog';
import {DEMO_CLIP_COMPONENTS} from '../src/compositions/demo/components';
import {DemoClipCompositions} from '../src/compositions/demo/DemoClips';
import {DemoClipTiles} from '../src/compositions/demo/DemoClipTiles';
import {DEMO_TILES_COMPOSITION_ID, DEMO_TILE_SEGMENT_FRAMES, demoTiles} from '../src/compositions/demo/tiles';
import {clipStamp, clipsIndex} from '../src/render/demo-library';

// The clips read only the frame from Remotion's context.
const timeline = vi.hoisted(() => ({frame: 0}));
vi.mock('remotion', async (importOriginal) => ({
	...(await importOriginal<typeof import('remotion')>()),
	useCurrentFrame: () => timeline.frame,
}));

// Generated ids (useId) depend on where in the tree a clip sits.
const withoutIds = (markup: string) => markup.replace(/(glow|snow-clip)[\w-]*/g, '$1');

const markupAt = (name: string, frame: number, element: React.ReactElement = React.createElement(DEMO_CLIP_COMPONENTS[name])): string => {
	timeline.frame = frame;
	return withoutIds(renderToStaticMarkup(element));
};

// Markup equal up to float noise: sin(2π + x) and sin(x) differ in the last
// digits, which can flip a coordinate rounded to 0.1 px. Real seams jump far more.
const expectSameMarkup = (first: string, second: string) => {
	// Colours compared whole first: #2e3162 is no number.
	const colour = /#[0-9a-f]{3,8}\b/gi;
	expect(first.match(colour)).toEqual(second.match(colour));
	const [a, b] = [first.replace(colour, '#'), second.replace(colour, '#')];
	const number = /-?\d+(?:\.\d+)?(?:e-?\d+)?/g;
	expect(a.replace(number, '#')).toBe(b.replace(number, '#'));
	const [na, nb] = [a.match(number) ?? [], b.match(number) ?? []];
	const worst = na.reduce((m, v, i) => Math.max(m, Math.abs(Number(v) - Number(nb[i]))), 0);
	expect(worst).toBeLessThan(0.2);
};

describe('demo catalogue', () => {
	test('names are unique and file-safe; descriptions and tags are filled in', () => {
		const names = DEMO_CLIPS.map((c) => c.name);
		expect(new Set(names).size).toBe(names.length);
		for (const clip of DEMO_CLIPS) {
			expect(clip.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			expect(clip.description.split(' ').length).toBeGreaterThanOrEqual(6);
			expect(clip.tags.length).toBeGreaterThanOrEqual(5);
			expect(new Set(clip.tags).size).toBe(clip.tags.length);
			for (const tag of clip.tags) expect(tag).toMatch(/^[a-z][a-z ]*[a-z]$/);
		}
	});

	test('stays plain data, so the analysis side can import it without React', () => {
		const source = readFileSync(new URL('../src/compositions/demo/catalog.ts', import.meta.url), 'utf8');
		expect(source).not.toMatch(/^\s*import\s/m);
	});

	test('every entry has exactly one composition, plus the tiled one the library renders', () => {
		const folder = DemoClipCompositions({}) as React.ReactElement<{name: string; children: React.ReactNode}>;
		expect(folder.props.name).toBe('demo-clips');
		const compositions = React.Children.toArray(folder.props.children) as React.ReactElement<{id: string}>[];
		expect(compositions.map((c) => c.props.id)).toEqual([...DEMO_CLIPS.map((c) => demoClipCompositionId(c.name)), DEMO_TILES_COMPOSITION_ID]);
		expect(Object.keys(DEMO_CLIP_COMPONENTS).sort()).toEqual(DEMO_CLIPS.map((c) => c.name).sort());
	});

	test('tiles cover the clip: each shows its own stretch of frames, side by side without overlap', () => {
		const tiles = demoTiles();
		expect(tiles.map((t) => t.fromFrame)).toEqual(tiles.map((_, i) => i * DEMO_TILE_SEGMENT_FRAMES));
		expect(tiles.length * DEMO_TILE_SEGMENT_FRAMES).toBe(DEMO_CLIP_DURATION_IN_FRAMES);
		expect(new Set(tiles.map((t) => `${t.x},${t.y}`)).size).toBe(tiles.length);
		const frame = 7;
		const tiled = markupAt('heartbeat', frame, React.createElement(DemoClipTiles, {name: 'heartbeat'}));
		for (const tile of tiles) expect(tiled).toContain(markupAt('heartbeat', frame + tile.fromFrame));
	});

	test('clips.json lists every clip by file name with its words', () => {
		const index = clipsIndex(DEMO_CLIPS);
		expect(Object.keys(index.clips)).toEqual(DEMO_CLIPS.map((c) => `${c.name}.mp4`));
		expect(index.clips['ocean.mp4']).toEqual({description: DEMO_CLIPS[0].description, tags: DEMO_CLIPS[0].tags});
	});

	test('a clip re-renders when its catalogue entry changes', () => {
		const [first] = DEMO_CLIPS;
		expect(clipStamp(first)).toBe(clipStamp({...first}));
		expect(clipStamp({...first, tags: [...first.tags, 'extra']})).not.toBe(clipStamp(first));
	});
});

describe.each(DEMO_CLIPS.map((c) => c.name))('demo clip %s', (name) => {
	test('moves, and its last frame leads seamlessly back into its first', () => {
		const first = markupAt(name, 0);
		expect(first).toMatch(/^<div[^>]*><svg/);
		expect(markupAt(name, Math.round(DEMO_CLIP_DURATION_IN_FRAMES / 3))).not.toBe(first);
		// Frame `duration` is the frame after the last: it must equal frame 0.
		expectSameMarkup(markupAt(name, DEMO_CLIP_DURATION_IN_FRAMES), first);
	});
});
