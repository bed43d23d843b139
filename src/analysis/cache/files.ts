// Files are written under a temporary name and renamed when complete, so a
// crash or a concurrent run never leaves a half-written file in place.
import {randomBytes} from 'node:crypto';
import {readSync} from 'node:fs';
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';

export const tempNameFor = (file: string): string =>
	path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/**
 * `produce` writes the whole file at the temporary path it is given (which keeps
 * the extension: ffmpeg and Remotion pick the format from it); only a complete
 * file is renamed into place, and the temporary one never stays behind.
 */
export const produceFileAtomic = async (file: string, produce: (temp: string) => Promise<unknown>): Promise<void> => {
	await mkdir(path.dirname(path.resolve(file)), {recursive: true});
	const temp = tempNameFor(file) + path.extname(file);
	try {
		await produce(temp);
		crashPointForTests();
		await rename(temp, file);
	} finally {
		await rm(temp, {force: true});
	}
};

export const writeFileAtomic = (file: string, data: string | Uint8Array): Promise<void> =>
	produceFileAtomic(file, (temp) => writeFile(temp, data));

/**
 * Fills `into` from `file` (open as `fd`) at byte `position`, or throws one line
 * naming the file: for files read in place, a piece at a time (word vectors,
 * WordNet's indexes). `hint` says what a short read means there.
 */
export const readExactly = (fd: number, into: Uint8Array | Int8Array, position: number, file: string, hint = ''): void => {
	let read: number;
	try {
		read = readSync(fd, into, 0, into.length, position);
	} catch (error) {
		throw new Error(`${file}: ${(error as Error).message}`);
	}
	if (read !== into.length) throw new Error(`${file}: short read${hint ? ` (${hint})` : ''}`);
};

/** A missing or unparsable cache file reads as null: it is rebuilt, never trusted. */
export const readJsonOrNull = async (file: string): Promise<unknown> => {
	try {
		return JSON.parse(await readFile(file, 'utf8'));
	} catch {
		return null;
	}
};

let writes = 0;
/**
 * `REEL_TEST_CRASH_AT_WRITE=N` kills this process (SIGKILL: no cleanup runs)
 * after the Nth file is written and before it is renamed into place: the worst
 * moment for a crash, which test/cache-crash.test.ts reproduces exactly.
 */
const crashPointForTests = (): void => {
	const at = Number(process.env.REEL_TEST_CRASH_AT_WRITE);
	if (at > 0 && ++writes === at) process.kill(process.pid, 'SIGKILL');
};
