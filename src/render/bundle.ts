// One webpack bundle of src/index.ts per process, built in a child process
// (bundle-child.ts): the ~400 MB webpack leaves behind goes with it instead of
// staying in this process for the render (measured: 71 MB PSS before bundling
// in-process, 488 MB after). The public folder is symlinked, not copied: clips
// and narration are referenced in place.
import {spawn} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {PROJECT_ROOT, PUBLIC_DIR} from '../analysis/cache/dirs';
import {ReelError} from '../analysis/errors';

let cached: Promise<string> | null = null;

/** Why the child failed, in one line: its own message, else the error Node printed as it died. */
export const bundleFailure = ({error, stderr, code, signal}: {error: string | null; stderr: string; code: number | null; signal: NodeJS.Signals | null}): string => {
	if (error) return error;
	const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
	const said = lines.find((l) => /^[A-Za-z]*Error\b/.test(l)) ?? lines.find((l) => !/^Node\.js v\d/.test(l) && !/^at /.test(l));
	const how = signal ? `killed by ${signal}` : code === 0 ? 'it ended without naming the bundle' : `exit code ${code}`;
	return said ? `${said} (${how})` : how;
};

const bundleInChild = (onProgress: (percent: number) => void): Promise<string> =>
	new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./bundle-child.ts', import.meta.url))], {
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

export const bundleProject = ({onProgress}: {onProgress?: (percent: number) => void} = {}): Promise<string> => {
	// The bundle links the public folder only if it exists when bundling; narration and clip
	// links are written into it later, so it must exist first (a fresh clone has none).
	mkdirSync(PUBLIC_DIR, {recursive: true});
	if (!cached) {
		cached = bundleInChild((p) => onProgress?.(p));
		cached.catch(() => (cached = null)); // a failed bundle is tried again by the next call
	}
	return cached;
};
