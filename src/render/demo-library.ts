// Renders the procedural demo clips (src/compositions/demo) to MP4 once, so a
// fresh checkout has B-roll without downloading footage. Later calls reuse the
// files while their stamps match.
import {openBrowser, renderMedia, selectComposition} from '@remotion/renderer';
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {DEMO_CLIPS, demoClipCompositionId, type DemoClipEntry} from '../compositions/demo/catalog';
import {findBrowser} from './browser';
import {bundleProject} from './bundle';

/** Bump when a clip's look changes: every clip re-renders on the next run. */
export const DEMO_LIBRARY_VERSION = 1;

/** Fast, small and seekable: B-roll is re-encoded into the final video anyway. */
export const DEMO_RENDER_SETTINGS = {
	codec: 'h264',
	crf: 26,
	x264Preset: 'veryfast',
	imageFormat: 'jpeg',
	jpegQuality: 80,
	/** One keyframe a second keeps seeking into a clip cheap for the main render. */
	gopSize: 30,
} as const;

export const CLIPS_INDEX_FILE = 'clips.json';
const STAMP_FILE = '.demo-library.json';
const PARTIAL_SUFFIX = '.partial.mp4';

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
	createHash('sha256').update(JSON.stringify({v: DEMO_LIBRARY_VERSION, entry, DEMO_RENDER_SETTINGS})).digest('hex').slice(0, 16);

export const clipsIndex = (entries: DemoClipEntry[]): ClipsIndex => ({
	clips: Object.fromEntries(entries.map((e) => [`${e.name}.mp4`, {description: e.description, tags: e.tags}])),
});

export const ensureDemoLibrary = async ({dir, onProgress, serveUrl, browserExecutable}: EnsureDemoLibraryOptions): Promise<{dir: string; generated: number}> => {
	await mkdir(dir, {recursive: true});
	const old = await readStamp(dir);
	const stale = DEMO_CLIPS.filter((e) => old.clips[e.name] !== clipStamp(e) || !existsSync(path.join(dir, `${e.name}.mp4`)));
	if (stale.length > 0) {
		await removePartials(dir);
		await renderClips({dir, clips: stale, onProgress, serveUrl, browserExecutable});
	}
	await removeDropped(dir, old);
	await writeIfChanged(path.join(dir, CLIPS_INDEX_FILE), JSON.stringify(clipsIndex(DEMO_CLIPS), null, '\t') + '\n');
	const stamp: Stamp = {version: DEMO_LIBRARY_VERSION, clips: Object.fromEntries(DEMO_CLIPS.map((e) => [e.name, clipStamp(e)]))};
	await writeIfChanged(path.join(dir, STAMP_FILE), JSON.stringify(stamp, null, '\t') + '\n');
	return {dir, generated: stale.length};
};

const renderClips = async ({dir, clips, onProgress, serveUrl, browserExecutable}: Omit<EnsureDemoLibraryOptions, 'dir'> & {dir: string; clips: DemoClipEntry[]}) => {
	const url = serveUrl ?? (await bundleProject());
	const found = findBrowser({override: browserExecutable});
	const browser = await openBrowser('chrome', {browserExecutable: found.executable, chromeMode: found.chromeMode, logLevel: 'error'});
	try {
		for (const [i, clip] of clips.entries()) {
			const report = (clipProgress: number) => onProgress?.({doneClips: i, totalClips: clips.length, clip: clip.name, clipProgress});
			report(0);
			const composition = await selectComposition({serveUrl: url, id: demoClipCompositionId(clip.name), puppeteerInstance: browser, logLevel: 'error'});
			const partial = path.join(dir, `.${clip.name}.${process.pid}${PARTIAL_SUFFIX}`);
			try {
				await renderMedia({
					...DEMO_RENDER_SETTINGS,
					serveUrl: url,
					composition,
					outputLocation: partial,
					puppeteerInstance: browser,
					// One tab: on a 2-core machine the encoder needs the other core.
					concurrency: 1,
					muted: true,
					logLevel: 'error',
					onProgress: ({progress}) => report(progress),
				});
				await rename(partial, path.join(dir, `${clip.name}.mp4`));
			} finally {
				await rm(partial, {force: true});
			}
		}
		onProgress?.({doneClips: clips.length, totalClips: clips.length, clip: '', clipProgress: 1});
	} finally {
		await browser.close({silent: true});
	}
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

const writeIfChanged = async (file: string, text: string) => {
	const before = await readFile(file, 'utf8').catch(() => null);
	if (before === text) return;
	const tmp = `${file}.${process.pid}.tmp`;
	await writeFile(tmp, text);
	await rename(tmp, file);
};
