// A folder of video files → described, probed clips. Probes are cached by
// path + size + mtime, so a 50-clip library costs one stat per file on re-runs.
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {ReelError} from '../errors';
import {cacheDir} from '../cache/dirs';
import {readJsonOrNull, writeFileAtomic} from '../cache/files';
import {describeClip, readManifest} from './describe';
import {probeClip, type ClipProbe} from './probe';

export type LibraryClip = ClipProbe & {id: string; file: string; description: string; tags: string[]};

const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.webm', '.m4v', '.mkv']);
type ProbeCache = Record<string, ClipProbe | {error: string}>;

const listVideos = async (dir: string): Promise<string[]> => {
	const entries = await readdir(dir, {withFileTypes: true, recursive: true});
	return entries
		.filter((e) => e.isFile() && VIDEO_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !e.name.startsWith('.'))
		.map((e) => path.join(e.parentPath, e.name))
		.sort();
};

export const loadLibrary = async ({dir, warn}: {dir: string; warn: (m: string) => void}): Promise<LibraryClip[]> => {
	const root = path.resolve(dir);
	const info = await stat(root).catch(() => null);
	if (!info?.isDirectory()) throw new ReelError('CLIPS_MISSING', `${dir}: clip folder not found`);
	const files = await listVideos(root);
	if (files.length === 0) {
		throw new ReelError('CLIPS_EMPTY', `${dir}: no video files (.mp4, .mov, .webm, .m4v, .mkv) in the clip folder`);
	}
	// v2: probes carry fps.
	const cacheFile = path.join(cacheDir(), 'probes-v2.json');
	const cache = ((await readJsonOrNull(cacheFile)) ?? {}) as ProbeCache;
	let cacheChanged = false;
	const manifest = await readManifest(root, warn);
	const clips: LibraryClip[] = [];
	for (const file of files) {
		const s = await stat(file);
		const key = `${file}|${s.size}|${s.mtimeMs}`;
		let probe = cache[key];
		if (!probe) {
			probe = await probeClip(file).catch((e: Error) => ({error: e.message}));
			cache[key] = probe;
			cacheChanged = true;
		}
		if ('error' in probe) {
			warn(`${file}: skipped, not a readable video (${probe.error})`);
			continue;
		}
		const relative = path.relative(root, file);
		const text = await describeClip({file, manifestEntry: manifest.get(relative.split(path.sep).join('/')), warn});
		clips.push({...probe, ...text, id: relative, file});
	}
	if (cacheChanged) await writeFileAtomic(cacheFile, JSON.stringify(cache));
	if (clips.length === 0) throw new ReelError('CLIPS_EMPTY', `${dir}: none of the ${files.length} video files could be read`);
	return clips;
};
