// Keeps the cache under its size bound by deleting the least recently used
// entries (a hit touches its file's mtime, see store.ts), and reports what it
// holds. A finished narration's WAV lives in public/reel/narration (the video
// plays it from there) and belongs to its store entry: it counts towards the
// bound with it and goes with it (music mixes too). Other files there (those
// of another cache folder) are left alone. Generated demo clips and installed
// voices are not cache: nothing here deletes them.
import {readdir, rm, stat} from 'node:fs/promises';
import path from 'node:path';
import {cacheDir, publicMediaDir} from './dirs';
import {storeDir} from './store';

/** Default bound; `REEL_CACHE_MAX_MB` changes it. */
export const DEFAULT_MAX_MB = 2048;
/** Eviction stops this far under the bound, so the next few writes do not evict again. */
const LOW_WATER = 0.9;
/** A temporary file this old belongs to a run that died between write and rename. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export const maxCacheBytes = (): number => {
	const mb = Number(process.env.REEL_CACHE_MAX_MB ?? DEFAULT_MAX_MB);
	return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_MB) * 1024 * 1024;
};

type EntryFile = {file: string; area: string; bytes: number; usedMs: number; temp: boolean; companion: string | null};

const narrationDir = () => path.join(publicMediaDir(), 'narration');
/** Stages whose entries own a WAV in public/ (see tts/narration-store.ts and audio/music.ts, which write them). */
const COMPANIONS: Record<string, (key: string) => string> = {
	narration: (key) => path.join(narrationDir(), `${key}.wav`),
	alignment: (key) => path.join(narrationDir(), `${key}.wav`),
	music: (key) => path.join(narrationDir(), `${key}.wav`),
};

const listFiles = async (): Promise<EntryFile[]> => {
	const out: EntryFile[] = [];
	const entries = await readdir(storeDir(), {recursive: true, withFileTypes: true}).catch(() => []);
	for (const e of entries.filter((x) => x.isFile())) {
		const file = path.join(e.parentPath, e.name);
		const stage = path.relative(storeDir(), e.parentPath).split(path.sep)[0];
		const temp = e.name.endsWith('.tmp');
		const companion = temp ? null : (COMPANIONS[stage]?.(e.name) ?? null);
		const [s, c] = await Promise.all([stat(file).catch(() => null), companion ? stat(companion).catch(() => null) : null]);
		if (!s) continue; // removed by another run meanwhile
		out.push({file, area: stage, bytes: s.size + (c?.size ?? 0), usedMs: s.mtimeMs, temp, companion: c ? companion : null});
	}
	return out;
};

export type CacheStats = {dir: string; maxBytes: number; totalBytes: number; areas: Record<string, {files: number; bytes: number}>};

export const cacheStats = async (): Promise<CacheStats> => {
	const areas: CacheStats['areas'] = {};
	let totalBytes = 0;
	for (const f of await listFiles()) {
		const a = (areas[f.area] ??= {files: 0, bytes: 0});
		a.files++;
		a.bytes += f.bytes;
		totalBytes += f.bytes;
	}
	return {dir: cacheDir(), maxBytes: maxCacheBytes(), totalBytes, areas};
};

/** Half-written WAVs a killed run left in public/ (Studio would list them among the static files). */
const staleAudioTemps = async (nowMs: number): Promise<string[]> => {
	const names = await readdir(narrationDir()).catch(() => []);
	const temps = names.filter((n) => n.startsWith('.') && n.includes('.tmp')).map((n) => path.join(narrationDir(), n));
	const stats = await Promise.all(temps.map((f) => stat(f).catch(() => null)));
	return temps.filter((_, i) => stats[i] && nowMs - stats[i]!.mtimeMs > STALE_TEMP_MS);
};

/** Deletes stale temporary files, then the least recently used entries until under the bound. */
export const enforceSizeBound = async ({maxBytes = maxCacheBytes(), nowMs = Date.now()}: {maxBytes?: number; nowMs?: number} = {}): Promise<{evicted: number}> => {
	const files = await listFiles();
	let evicted = 0;
	const stale = [...files.filter((x) => x.temp && nowMs - x.usedMs > STALE_TEMP_MS).map((f) => f.file), ...(await staleAudioTemps(nowMs))];
	for (const file of stale) {
		await rm(file, {force: true});
		evicted++;
	}
	const live = files.filter((f) => !f.temp).sort((a, b) => a.usedMs - b.usedMs);
	let total = live.reduce((n, f) => n + f.bytes, 0);
	if (total <= maxBytes) return {evicted};
	for (const f of live) {
		if (total <= maxBytes * LOW_WATER) break;
		// Entry first: a run that reads the entry meanwhile then finds its WAV gone and rebuilds (see readNarration).
		await rm(f.file, {force: true});
		if (f.companion) await rm(f.companion, {force: true});
		total -= f.bytes;
		evicted++;
	}
	return {evicted};
};

/** Everything cached, all narration audio in public/, the Remotion bundles, and the files of the cache's earlier layout; demo clips and voices stay. */
export const clearCache = async (): Promise<void> => {
	await rm(storeDir(), {recursive: true, force: true});
	await rm(narrationDir(), {recursive: true, force: true});
	await rm(path.join(cacheDir(), 'probes-v2.json'), {force: true});
	await rm(path.join(cacheDir(), 'narration'), {recursive: true, force: true});
	await rm(path.join(cacheDir(), 'bundles'), {recursive: true, force: true});
};
