// A finished narration as a cache entry: its timings in the store, its WAV in
// public/ where the video plays it from. The entry records the WAV's SHA-256,
// so a WAV that went missing or was damaged makes the entry a miss (rebuilt),
// never a plan pointing at bad audio.
import {readFile, utimes} from 'node:fs/promises';
import path from 'node:path';
import {publicMediaDir} from '../cache/dirs';
import {writeFileAtomic} from '../cache/files';
import {sha256, type CacheStore} from '../cache/store';
import type {LoudnessReport} from '../audio/finish';

export type Narration = {
	/** Relative to the public folder. */
	src: string;
	durationMs: number;
	/** Per scene, per caption word, on the narration timeline. */
	sceneWords: {startMs: number; endMs: number}[][];
	/** Integrated loudness and true peak as synthesised, and as written (see audio/finish). */
	loudness?: {before: LoudnessReport; after: LoudnessReport};
	cached: boolean;
};

type Meta = Pick<Narration, 'durationMs' | 'sceneWords' | 'loudness'> & {wavSha256: string; warnings?: string[]};

/** Where a narration's WAV lives: public/ (played by the video). */
export const narrationFiles = (key: string) => ({
	src: `reel/narration/${key}.wav`,
	wavFile: path.join(publicMediaDir(), 'narration', `${key}.wav`),
});

const isMeta = (v: unknown): v is Meta => typeof v === 'object' && v !== null && 'wavSha256' in v && 'sceneWords' in v && 'durationMs' in v;

/** A finished narration from an earlier run whose WAV is still intact, or null; its warnings are replayed. */
export const readNarration = async ({cache, stage, key, warn}: {cache: CacheStore; stage: string; key: string; warn: (m: string) => void}): Promise<Narration | null> => {
	const meta = await cache.peekJson(stage, key, isMeta);
	const {src, wavFile} = narrationFiles(key);
	const wav = meta ? await readFile(wavFile).catch(() => null) : null;
	const ok = meta !== null && wav !== null && sha256(wav) === meta.wavSha256;
	cache.count(stage, ok);
	if (!ok) return null;
	const now = new Date();
	await utimes(wavFile, now, now).catch(() => {}); // least recently used goes first (cache/evict.ts)
	meta.warnings?.forEach(warn);
	return {src, durationMs: meta.durationMs, sceneWords: meta.sceneWords, loudness: meta.loudness, cached: true};
};

export const writeNarration = async ({cache, stage, key, wav, result, warnings}: {
	cache: CacheStore;
	stage: string;
	key: string;
	wav: Uint8Array;
	result: Omit<Narration, 'src' | 'cached'>;
	warnings: string[];
}): Promise<Narration> => {
	const {src, wavFile} = narrationFiles(key);
	// WAV first: an entry never names audio that is not yet in place.
	await writeFileAtomic(wavFile, wav);
	await cache.putJson(stage, key, {...result, wavSha256: sha256(wav), warnings} satisfies Meta);
	return {...result, src, cached: false};
};
