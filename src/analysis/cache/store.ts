// The content-addressed store: one file per entry, `<cache>/store/<stage>/<key>`,
// the key a hash of exactly the stage's inputs and code version. Each file
// starts with a header line carrying the payload's length and SHA-256, so a
// truncated or damaged entry is noticed, deleted and rebuilt rather than
// trusted. Entries are written under a temporary name and renamed, so readers
// (another run at the same time included) see a whole entry or none.
import {createHash} from 'node:crypto';
import {readFile, rm, utimes} from 'node:fs/promises';
import path from 'node:path';
import {cacheDir} from './dirs';
import {writeFileAtomic} from './files';

const MAGIC = 'reel-cache/1';

export const storeDir = (): string => path.join(cacheDir(), 'store');

/** A short hex key for any JSON-able value; 128 bits is far beyond collisions at cache sizes. */
export const hashKey = (parts: unknown): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export const entryFile = (stage: string, key: string): string => path.join(storeDir(), stage, key);

export type StageCounts = Record<string, {hits: number; misses: number}>;

/** Per-run view of the store: counts hits and misses per stage for the run report. */
export type CacheStore = {
	get: (stage: string, key: string) => Promise<Buffer | null>;
	put: (stage: string, key: string, payload: Uint8Array) => Promise<void>;
	getJson: <T>(stage: string, key: string, accept?: (value: unknown) => value is T) => Promise<T | null>;
	/** As getJson, uncounted: for entries whose validity the caller checks further, then reports with count. */
	peekJson: <T>(stage: string, key: string, accept?: (value: unknown) => value is T) => Promise<T | null>;
	putJson: (stage: string, key: string, value: unknown) => Promise<void>;
	count: (stage: string, hit: boolean) => void;
	counts: StageCounts;
	/** True once this run has written anything (then the size bound is checked). */
	wrote: () => boolean;
};

const decode = (bytes: Buffer): Buffer | null => {
	const newline = bytes.indexOf(10);
	if (newline < 0) return null;
	const [magic, length, checksum] = bytes.subarray(0, newline).toString('latin1').split(' ');
	const payload = bytes.subarray(newline + 1);
	if (magic !== MAGIC || Number(length) !== payload.length || checksum !== sha256(payload)) return null;
	return payload;
};

const encode = (payload: Uint8Array): Buffer =>
	Buffer.concat([Buffer.from(`${MAGIC} ${payload.length} ${sha256(payload)}\n`, 'latin1'), payload]);

/** Reads a verified entry; a damaged one is removed so the rebuilt entry replaces it. Touched on use: LRU order. */
export const readEntry = async (stage: string, key: string): Promise<Buffer | null> => {
	const file = entryFile(stage, key);
	const bytes = await readFile(file).catch(() => null);
	if (!bytes) return null;
	const payload = decode(bytes);
	if (!payload) {
		await rm(file, {force: true});
		return null;
	}
	const now = new Date();
	await utimes(file, now, now).catch(() => {}); // evicted meanwhile by another run: the payload is still good
	return payload;
};

export const writeEntry = (stage: string, key: string, payload: Uint8Array): Promise<void> => writeFileAtomic(entryFile(stage, key), encode(payload));

export const createCacheStore = (): CacheStore => {
	const counts: StageCounts = {};
	let wrote = false;
	const count = (stage: string, hit: boolean) => {
		const c = (counts[stage] ??= {hits: 0, misses: 0});
		if (hit) c.hits++;
		else c.misses++;
	};
	const get = async (stage: string, key: string) => {
		const payload = await readEntry(stage, key);
		count(stage, payload !== null);
		return payload;
	};
	const put = async (stage: string, key: string, payload: Uint8Array) => {
		wrote = true;
		await writeEntry(stage, key, payload);
	};
	const peekJson = async <T>(stage: string, key: string, accept?: (value: unknown) => value is T): Promise<T | null> => {
		const payload = await readEntry(stage, key);
		let value: unknown = null;
		try {
			value = payload ? JSON.parse(payload.toString('utf8')) : null;
		} catch {
			value = null;
		}
		return value !== null && (!accept || accept(value)) ? (value as T) : null;
	};
	return {
		get,
		put,
		peekJson,
		getJson: async (stage, key, accept) => {
			const value = await peekJson(stage, key, accept);
			count(stage, value !== null);
			return value;
		},
		putJson: (stage, key, value) => put(stage, key, Buffer.from(JSON.stringify(value), 'utf8')),
		count,
		counts,
		wrote: () => wrote,
	};
};
