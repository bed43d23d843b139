// What travels through the queue, and where chunk files live. Paths in a job
// are relative to the shared folder, so each host may mount it where it likes.
import path from 'node:path';
import {cacheDir} from '../analysis/cache/dirs';
import type {RenderSettings} from '../render/settings';
import type {Chunk} from './chunks';

/** One queue for all renders; BullMQ forbids ':' in names and ids. */
export const QUEUE_NAME = 'reel-chunks';

export type ChunkJobData = {
	/** Folder of this render under the shared folder: plan.json and the chunk files. */
	renderDir: string;
	/** The bundle (with the media it needs) under the shared folder: the serveUrl. */
	siteDir: string;
	compositionId: string;
	chunk: Chunk;
	totalChunks: number;
	settings: RenderSettings;
};

export type ChunkResult = {renderMs: number; worker: string};

export const defaultSharedDir = (): string => path.join(cacheDir(), 'distributed');

/** `--shared-dir`, else `REEL_SHARED_DIR`, else under the cache. */
export const sharedDirFrom = (option?: string): string => path.resolve(option ?? process.env.REEL_SHARED_DIR ?? defaultSharedDir());

/** A chunk's two outputs: an MPEG-TS video stream (joined without re-encoding) and its AAC audio. */
export const chunkFiles = (renderDir: string, chunk: Chunk): {video: string; audio: string} => {
	const base = path.join(renderDir, `chunk-${String(chunk.startFrame).padStart(6, '0')}-${String(chunk.endFrame).padStart(6, '0')}`);
	return {video: `${base}.ts`, audio: `${base}.aac`};
};

/** Stable per render key and frame range: a restarted coordinator finds its own jobs again. */
export const jobIdFor = (renderKey: string, chunk: Chunk): string => `${renderKey}-${chunk.startFrame}-${chunk.endFrame}`;
