// Renders the procedural demo clips (src/compositions/demo) to MP4 once, so a
// fresh checkout has B-roll without downloading footage. Later calls reuse the
// files while their stamps match.
import {renderFrames, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {DEMO_CLIPS, DEMO_CLIP_FPS, DEMO_CLIP_HEIGHT, DEMO_CLIP_WIDTH, type DemoClipEntry} from '../compositions/demo/catalog';
import {DEMO_TILES, DEMO_TILES_COMPOSITION_ID, demoTiles} from '../compositions/demo/tiles';
import {openReelBrowser} from './browser';
import {bundleProject} from './bundle';
import {runFf} from './ff';

/** Bump when a clip's look changes: every clip re-renders on the next run. */
export const DEMO_LIBRARY_VERSION = 1;

/** Small and quick to encode; a keyframe a second keeps seeking into a clip cheap for the main render. */
export const DEMO_RENDER_SETTINGS = {crf: 26, x264Preset: 'veryfast', jpegQuality: 80, gopSize: DEMO_CLIP_FPS, tiles: DEMO_TILES} as const;

/**
 * Browser tabs per clip. Measured on 2 cores over 4 clips: 1 tab 37.8 s, 2 tabs
 * 38.9 s and 12% more CPU; a clip is only 30 tile sheets, too few to repay a
 * second tab's start-up.
 */
const DEMO_CONCURRENCY = 1;

export const CLIPS_INDEX_FILE = 'clips.json';
const STAMP_FILE = '.demo-library.json';
/** Hidden, and not .mp4: a clip folder scan never mistakes a render in progress for a clip. */
const PARTIAL_SUFFIX = '.partial';

export type DemoLibraryProgress = {doneClips: number; totalClips: number; clip: string; clipProgress: number};

export type EnsureDemoLibraryOptions = {
	dir: string;
	onProgress?: (progress: DemoLibraryProgress) => void;
	/** A bundle already built; @default bundleProject() */
	serveUrl?: string;
	/** @default findBrowser() */
	browserExecutable?: string | null;
};

export type ClipsIndex = {clips: Record<string, {description: string; tags: string[]}>};
type Stamp = {version: number; clips: Record<string, string>};

export const clipStamp = (entry: DemoClipEntry): string =>
	createHash('sha256')
		.update(JSON.stringify({v: DEMO_LIBRARY_VERSION, entry, DEMO_RENDER_SETTINGS, size: [DEMO_CLIP_WIDTH, DEMO_CLIP_HEIGHT, DEMO_CLIP_FPS]}))
		.digest('hex')
		.slice(0, 16);

export const clipsIndex = (entries: DemoClipEntry[]): ClipsIndex => ({
	clips: Object.fromEntries(entries.map((e) => [`${e.name}.mp4`, {description: e.description, tags: e.tags}])),
});

export const ensureDemoLibrary = async ({dir, onProgress, serveUrl, browserExecutable}: EnsureDemoLibraryOptions): Promise<{dir: string; generated: number}> => {
	await mkdir(dir, {recursive: true});
	const old = await readStamp(dir);
	const stale = DEMO_CLIPS.filter((e) => old.clips[e.name] !== clipStamp(e) || !existsSync(path.join(dir, `${e.name}.mp4`)));
	// Stamps of clips still current, plus each clip as it lands: a run cut short keeps what it finished.
	const stamp: Stamp = {version: DEMO_LIBRARY_VERSION, clips: Object.fromEntries(DEMO_CLIPS.filter((e) => !stale.includes(e)).map((e) => [e.name, clipStamp(e)]))};
	if (stale.length > 0) {
		await removePartials(dir);
		const url = serveUrl ?? (await bundleProject());
		const {browser} = await openReelBrowser({override: browserExecutable});
		// Each clip's encode overlaps the next clip's screenshots: ffmpeg takes the core the browser leaves idle.
		let encoding: Promise<void> = Promise.resolve();
		try {
			for (const [i, clip] of stale.entries()) {
				const report = (clipProgress: number) => onProgress?.({doneClips: i, totalClips: stale.length, clip: clip.name, clipProgress});
				const sheets = await renderTileSheets({clip, serveUrl: url, browser, onProgress: report});
				await encoding;
				encoding = encodeClip({dir, clip, sheets}).then(() => {
					stamp.clips[clip.name] = clipStamp(clip);
					return writeStamp(dir, stamp);
				});
				// Marked handled now; the error still surfaces where `encoding` is awaited.
				encoding.catch(() => undefined);
			}
			await encoding;
			onProgress?.({doneClips: stale.length, totalClips: stale.length, clip: '', clipProgress: 1});
		} finally {
			await encoding.catch(() => undefined);
			await browser.close({silent: true});
		}
	}
	await removeDropped(dir, old);
	await writeIfChanged(path.join(dir, CLIPS_INDEX_FILE), JSON.stringify(clipsIndex(DEMO_CLIPS), null, '\t') + '\n');
	await writeStamp(dir, stamp);
	return {dir, generated: stale.length};
};

type RenderTileSheetsOptions = {clip: DemoClipEntry; serveUrl: string; browser: HeadlessBrowser; onProgress: (clipProgress: number) => void};

/** Screenshots of DemoClipTiles (DEMO_TILES clip frames each), as consecutive JPEGs. */
const renderTileSheets = async ({clip, serveUrl, browser, onProgress}: RenderTileSheetsOptions): Promise<Buffer> => {
	onProgress(0);
	const inputProps = {name: clip.name};
	const composition = await selectComposition({serveUrl, id: DEMO_TILES_COMPOSITION_ID, inputProps, puppeteerInstance: browser, logLevel: 'error'});
	const frames: Buffer[] = [];
	await renderFrames({
		serveUrl,
		composition,
		inputProps,
		outputDir: null,
		imageFormat: 'jpeg',
		jpegQuality: DEMO_RENDER_SETTINGS.jpegQuality,
		puppeteerInstance: browser,
		concurrency: DEMO_CONCURRENCY,
		logLevel: 'error',
		onStart: () => undefined,
		onFrameUpdate: (rendered) => onProgress(rendered / composition.durationInFrames),
		onFrameBuffer: (buffer, frame) => {
			frames[frame] = buffer;
		},
	});
	if (frames.filter(Boolean).length !== composition.durationInFrames) {
		throw new Error(`demo clip ${clip.name}: got ${frames.filter(Boolean).length} of ${composition.durationInFrames} tile frames from the browser`);
	}
	return Buffer.concat(frames);
};

/** ffmpeg cuts the tiles apart and joins them in order into `<name>.mp4` (temp name, then rename). */
const encodeClip = async ({dir, clip, sheets}: {dir: string; clip: DemoClipEntry; sheets: Buffer}) => {
	const partial = path.join(dir, `.${clip.name}.${process.pid}${PARTIAL_SUFFIX}`);
	try {
		await runFf({bin: 'ffmpeg', input: sheets, args: joinTilesArgs(partial)});
		await rename(partial, path.join(dir, `${clip.name}.mp4`));
	} finally {
		await rm(partial, {force: true});
	}
};

/** JPEG tile sheets on stdin → each tile cropped out → tiles concatenated in time → H.264, no audio. */
export const joinTilesArgs = (out: string): string[] => {
	const tiles = demoTiles();
	const graph = [
		`[0:v]split=${tiles.length}${tiles.map((t) => `[s${t.index}]`).join('')}`,
		...tiles.map((t) => `[s${t.index}]crop=${t.width}:${t.height}:${t.x}:${t.y}[t${t.index}]`),
		`${tiles.map((t) => `[t${t.index}]`).join('')}concat=n=${tiles.length}:v=1:a=0[out]`,
	].join(';');
	const {crf, x264Preset, gopSize} = DEMO_RENDER_SETTINGS;
	return [
		...['-y', '-f', 'image2pipe', '-framerate', String(DEMO_CLIP_FPS), '-c:v', 'mjpeg', '-i', '-'],
		...['-filter_complex', graph, '-map', '[out]', '-an'],
		...['-c:v', 'libx264', '-preset', x264Preset, '-crf', String(crf), '-g', String(gopSize), '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-f', 'mp4', out],
	];
};

const readStamp = async (dir: string): Promise<Stamp> => {
	try {
		const parsed = JSON.parse(await readFile(path.join(dir, STAMP_FILE), 'utf8')) as Partial<Stamp>;
		return {version: parsed.version ?? 0, clips: parsed.clips ?? {}};
	} catch {
		return {version: 0, clips: {}};
	}
};

// A crash mid-render leaves partial files behind; they never count as clips.
const removePartials = async (dir: string) => {
	for (const name of await readdir(dir)) if (name.endsWith(PARTIAL_SUFFIX)) await rm(path.join(dir, name), {force: true});
};

// Only files this library made before (listed in its old stamp) are removed.
const removeDropped = async (dir: string, old: Stamp) => {
	const current = new Set(DEMO_CLIPS.map((e) => e.name));
	for (const name of Object.keys(old.clips)) if (!current.has(name)) await rm(path.join(dir, `${name}.mp4`), {force: true});
};

const writeStamp = (dir: string, stamp: Stamp) => writeIfChanged(path.join(dir, STAMP_FILE), JSON.stringify(stamp, null, '\t') + '\n');

// Temp name, then rename: a reader never sees half a file.
const writeIfChanged = async (file: string, text: string) => {
	const before = await readFile(file, 'utf8').catch(() => null);
	if (before === text) return;
	const tmp = `${file}.${process.pid}.tmp`;
	await writeFile(tmp, text);
	await rename(tmp, file);
};
