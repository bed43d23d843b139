// A stage's code version is a hash of its source files, not a hand-bumped
// string: an edit to the director or the matcher invalidates cached plans by
// itself, and nobody has to remember to bump anything. Read once per process.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {createHash} from 'node:crypto';
import {PROJECT_ROOT} from './dirs';

const memo = new Map<string, string>();

export const sourceFiles = (entry: string): string[] => {
	const full = path.join(PROJECT_ROOT, entry);
	if (!statSync(full, {throwIfNoEntry: false})) return [];
	if (statSync(full).isFile()) return [full];
	return readdirSync(full, {recursive: true, withFileTypes: true})
		// Code, the assets code can import (the Remotion bundle holds them too), and data files without an extension (an acoustic model's `means`, `mdef`).
		.filter((e) => e.isFile() && (/\.(ts|tsx|mjs|cjs|js|json|wasm|css|svg|png|jpe?g|gif|webp|woff2?|ttf|otf|mp3|wav)$/.test(e.name) || !e.name.includes('.')))
		.map((e) => path.join(e.parentPath, e.name))
		.sort();
};

/** Hash of the named files and folders (relative to the project root) and of the installed package versions named. */
export const codeVersion = (entries: string[], packages: string[] = []): string => {
	const id = JSON.stringify([entries, packages]);
	const known = memo.get(id);
	if (known) return known;
	const hash = createHash('sha256');
	for (const file of entries.flatMap(sourceFiles)) hash.update(path.relative(PROJECT_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
	for (const name of packages) hash.update(name).update(packageVersion(name));
	const version = hash.digest('hex').slice(0, 16);
	memo.set(id, version);
	return version;
};

const packageVersion = (name: string): string => {
	try {
		return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {version: string}).version;
	} catch {
		return 'missing';
	}
};
