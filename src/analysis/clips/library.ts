// A folder of video files → described, probed clips. Probes are cached per
// file by path + size + mtime, so a 50-clip library costs one stat and one
// small read per file on re-runs, and a new clip costs one probe.
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {ReelError} from '../errors';
import {codeVersion} from '../cache/code-version';
import {createCacheStore, hashKey, type CacheStore} from '../cache/store';
import {describeClip, readManifest, sidecarPath, type ClipText} from './describe';
import {probeClip, type ClipProbe} from './probe';

export type LibraryClip = ClipProbe & {id: string; file: string; description: string; tags: string[]};

const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.webm', '.m4v', '.mkv']);
type ProbeEntry = ClipProbe | {error: string};
export const PROBE_STAGE = 'probes';

/** A file's probe from the cache, or probed now and stored (an unreadable file's error too: it is not retried until it changes). */
const cachedProbe = async (cache: CacheStore, file: string): Promise<ProbeEntry> => {
	const s = await stat(file);
	const key = hashKey(['probe', codeVersion(['src/analysis/clips/probe.ts'], ['mediabunny']), file, s.size, s.mtimeMs]);
	const hit = await cache.getJson<ProbeEntry>(PROBE_STAGE, key, (v): v is ProbeEntry => typeof v === 'object' && v !== null && ('error' in v || 'durationMs' in v));
	if (hit) return hit;
	const probe = await probeClip(file).catch((e: Error) => ({error: e.message}));
	await cache.putJson(PROBE_STAGE, key, probe);
	return probe;
};

/** The folder's videos, and its JSON files (so a clip without a sidecar costs no failed open). */
const listFolder = async (dir: string): Promise<{videos: string[]; jsonFiles: Set<string>}> => {
	const entries = (await readdir(dir, {withFileTypes: true, recursive: true})).filter((e) => e.isFile());
	const videos = entries
		.filter((e) => VIDEO_EXTENSIONS.has(path.extname(e.name).toLowerCase()) && !e.name.startsWith('.'))
		.map((e) => path.join(e.parentPath, e.name))
		.sort();
	return {videos, jsonFiles: new Set(entries.filter((e) => e.name.endsWith('.json')).map((e) => path.join(e.parentPath, e.name)))};
};

const LOAD_BATCH = 32;

const loadClip = async ({root, file, manifest, cache, jsonFiles}: {root: string; file: string; manifest: Map<string, ClipText>; cache: CacheStore; jsonFiles: Set<string>}): Promise<{clip: LibraryClip | null; warnings: string[]}> => {
	const warnings: string[] = [];
	const probe = await cachedProbe(cache, file);
	if ('error' in probe) return {clip: null, warnings: [`${file}: skipped, not a readable video (${probe.error})`]};
	const relative = path.relative(root, file);
	const text = await describeClip({file, manifestEntry: manifest.get(relative.split(path.sep).join('/')), warn: (m) => warnings.push(m), sidecarExists: jsonFiles.has(sidecarPath(file))});
	return {clip: {...probe, ...text, id: relative, file}, warnings};
};

export const loadLibrary = async ({dir, warn, cache = createCacheStore()}: {dir: string; warn: (m: string) => void; cache?: CacheStore}): Promise<LibraryClip[]> => {
	const root = path.resolve(dir);
	const info = await stat(root).catch(() => null);
	if (!info?.isDirectory()) throw new ReelError('CLIPS_MISSING', `${dir}: clip folder not found`);
	const {videos: files, jsonFiles} = await listFolder(root);
	if (files.length === 0) {
		throw new ReelError('CLIPS_EMPTY', `${dir}: no video files (.mp4, .mov, .webm, .m4v, .mkv) in the clip folder`);
	}
	const manifest = await readManifest(root, warn);
	// Files are read a batch at a time: a cached probe and a sidecar look-up are
	// small waits on the disk, and 500 of them in a row were a third of a warm plan.
	// Warnings are kept per file and said in file order, as before.
	const loaded: {clip: LibraryClip | null; warnings: string[]}[] = [];
	for (let i = 0; i < files.length; i += LOAD_BATCH) {
		loaded.push(...(await Promise.all(files.slice(i, i + LOAD_BATCH).map((file) => loadClip({root, file, manifest, cache, jsonFiles})))));
	}
	for (const l of loaded) l.warnings.forEach((m) => warn(m));
	const clips = loaded.flatMap((l) => (l.clip ? [l.clip] : []));
	if (clips.length === 0) throw new ReelError('CLIPS_EMPTY', `${dir}: none of the ${files.length} video files could be read`);
	return clips;
};
