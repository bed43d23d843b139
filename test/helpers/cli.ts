// Runs the real CLI in a child process, as a user would.
import {spawnSync} from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export const runCli = (args: string[], env: Record<string, string> = {}) => {
	const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'reel.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: {...process.env, ...env},
		timeout: 300_000,
	});
	return {status: result.status, stdout: result.stdout, stderr: result.stderr};
};
