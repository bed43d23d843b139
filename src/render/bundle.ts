// The webpack bundle of src/index.ts, built in a child process (bundle-child.ts):
// the ~400 MB webpack leaves behind goes with it instead of staying in this
// process for the render (measured: 71 MB PSS before bundling in-process, 488 MB
// after). The public folder is symlinked, not copied: clips and narration are
// referenced in place. So a bundle depends only on the code, and is kept in the
// cache under a hash of the sources and installed packages: a run with code
// that did not change skips webpack (4–5 s here), and no run leaves a bundle in
// the temporary folder.
import {spawn} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, rmSync} from 'node:fs';
import {readdir, rename, rm, stat, utimes} from 'node:fs/promises';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {codeVersion} from '../analysis/cache/code-version';
import {cacheDir, PROJECT_ROOT, PUBLIC_DIR} from '../analysis/cache/dirs';
import {ReelError} from '../analysis/errors';

// Tune: bundles of other code versions kept (switching branches back and forth).
const KEEP_BUNDLES = 3;
// A bundle used this recently is kept whatever the count: a long batch render may still be using it.
const IN_USE_MS = 24 * 60 * 60 * 1000;
// A half-built bundle this old was left by a killed run.
const STALE_BUILD_MS = 60 * 60 * 1000;

export const bundlesDir = (): string => path.join(cacheDir(), 'bundles');

/** Every source file, the installed packages (the lockfile) and the public folder the bundle links. */
export const bundleCodeKey = (): string =>
	createHash('sha256').update(codeVersion(['src', 'package-lock.json', 'tsconfig.json'])).update(PUBLIC_DIR).digest('hex').slice(0, 16);

let cached: Promise<string> | null = null;

/** Why the child failed, in one line: its own message, else the error Node printed as it died. */
export const bundleFailure = ({error, stderr, code, signal}: {error: string | null; stderr: string; code: number | null; signal: NodeJS.Signals | null}): string => {
	if (error) return error;
	const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
	const said = lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines.find((l) => !/^Node\.js v\d/.test(l) && !/^at /.test(l));
	const how = signal ? `killed by ${signal}` : code === 0 ? 'it ended without naming the bundle' : `exit code ${code}`;
	return said ? `${said} (${how})` : how;
};

const bundleInChild = (onProgress: (percent: number) => void, outDir?: string): Promise<string> =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bundle-child.ts', import.meta.url)), ...(outDir ? [outDir] : [])], {
			cwd: PROJECT_ROOT, // where `tsx` resolves from
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let serveUrl: string | null = null;
		let error: string | null = null;
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
		createInterface({input: child.stdout}).on('line', (line) => {
			try {
				const message = JSON.parse(line) as {progress?: number; serveUrl?: string; error?: string};
				if (message.progress !== undefined) onProgress(message.progress);
				if (message.serveUrl) serveUrl = message.serveUrl;
				if (message.error) error = message.error;
			} catch {
				// Not ours (a dependency's console output): ignored.
			}
		});
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (code === 0 && serveUrl) resolve(serveUrl);
			else reject(new ReelError('RENDER_FAILED', `bundling the compositions failed: ${bundleFailure({error, stderr, code, signal})}`));
		});
	});

/** The cached bundle for this code, built first if there is none. */
const cachedBundle = async (onProgress: (percent: number) => void): Promise<string> => {
	const root = bundlesDir();
	const dir = path.join(root, bundleCodeKey());
	if (existsSync(path.join(dir, 'index.html'))) {
		const now = new Date();
		await utimes(dir, now, now).catch(() => undefined); // recency, for pruning
		await pruneBundles(root, dir);
		return dir;
	}
	// Built under a temporary name and renamed when complete: a folder under its key is always whole.
	const building = path.join(root, `.build-${process.pid}-${randomBytes(4).toString('hex')}`);
	try {
		await bundleInChild(onProgress, building);
		await rename(building, dir).catch((error: unknown) => {
			// Another run built the same bundle meanwhile: theirs is as good.
			if (!existsSync(path.join(dir, 'index.html'))) throw error;
		});
	} finally {
		await rm(building, {recursive: true, force: true});
	}
	await pruneBundles(root, dir);
	return dir;
};

/** Keeps the most recently used bundles and any used within a day; removes builds a killed run left. */
const pruneBundles = async (root: string, keep: string) => {
	const entries = await readdir(root).catch(() => [] as string[]);
	const found = await Promise.all(entries.map(async (name) => ({name, file: path.join(root, name), used: (await stat(path.join(root, name)).catch(() => null))?.mtimeMs ?? 0})));
	const now = Date.now();
	const stale = found.filter((e) => /^\.(build|gone)-/.test(e.name) && now - e.used > STALE_BUILD_MS);
	const old = found
		.filter((e) => !e.name.startsWith('.') && e.file !== keep)
		.sort((a, b) => b.used - a.used)
		.slice(KEEP_BUNDLES - 1)
		.filter((e) => now - e.used > IN_USE_MS);
	for (const e of stale) await rm(e.file, {recursive: true, force: true});
	for (const e of old) {
		// Out of its key's place in one step, then deleted: a run starting meanwhile finds a whole bundle or none.
		const gone = path.join(root, `.gone-${randomBytes(4).toString('hex')}`);
		if (await rename(e.file, gone).then(() => true, () => false)) await rm(gone, {recursive: true, force: true});
	}
};

/** Windows: a bundle of this process's own (it holds a copy of the public folder), removed when the process ends. */
const ownBundle = (onProgress: (percent: number) => void): Promise<string> => {
	const dir = path.join(bundlesDir(), `.build-${process.pid}-${randomBytes(4).toString('hex')}`);
	process.once('exit', () => rmSync(dir, {recursive: true, force: true}));
	return bundleInChild(onProgress, dir);
};

export const bundleProject = ({onProgress}: {onProgress?: (percent: number) => void} = {}): Promise<string> => {
	// The bundle links the public folder only if it exists when bundling; narration and clip
	// links are written into it later, so it must exist first (a fresh clone has none).
	mkdirSync(PUBLIC_DIR, {recursive: true});
	if (!cached) {
		// Windows gets a copy of the public folder, not a link, which would go stale in the cache.
		cached = process.platform === 'win32' ? ownBundle((p) => onProgress?.(p)) : cachedBundle((p) => onProgress?.(p));
		cached.catch(() => (cached = null)); // a failed bundle is tried again by the next call
	}
	return cached;
};
