// Where reel keeps what it derives. The project root holds public/, which
// Remotion serves to the compositions.
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** `REEL_CACHE_DIR` moves the cache (e.g. to a faster disk or a shared folder). */
export const cacheDir = (): string => path.resolve(process.env.REEL_CACHE_DIR ?? path.join(PROJECT_ROOT, '.reel-cache'));

/** Remotion's public folder: what the bundle serves and staticFile() resolves against. */
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');

/** Reel's part of the public folder; narration and clip links go here. */
export const publicMediaDir = (): string => path.join(PUBLIC_DIR, 'reel');
