// Files are written under a temporary name and renamed when complete, so a
// crash or a concurrent run never leaves a half-written file in place.
import {randomBytes} from 'node:crypto';
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';

export const tempNameFor = (file: string): string =>
	path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

export const writeFileAtomic = async (file: string, data: string | Uint8Array): Promise<void> => {
	await mkdir(path.dirname(file), {recursive: true});
	const temp = tempNameFor(file);
	try {
		await writeFile(temp, data);
		await rename(temp, file);
	} catch (error) {
		await rm(temp, {force: true});
		throw error;
	}
};

/** A missing or unparsable cache file reads as null: it is rebuilt, never trusted. */
export const readJsonOrNull = async (file: string): Promise<unknown> => {
	try {
		return JSON.parse(await readFile(file, 'utf8'));
	} catch {
		return null;
	}
};
