// Redis and render workers as child processes on this machine: what the bench
// and the tests run, and a user trying distributed rendering on one box could.
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {PROJECT_ROOT} from '../analysis/cache/dirs';

export const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? null;

export const freePort = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});

export type Proc = {child: ChildProcess; lines: string[]; waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>; kill: () => void};

const waitForLine = (lines: string[], child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> =>
	new Promise((resolve, reject) => {
		const started = Date.now();
		const poll = setInterval(() => {
			const hit = lines.find((l) => pattern.test(l));
			const failure = child.exitCode !== null ? `process exited (${child.exitCode})` : Date.now() - started > timeoutMs ? `nothing within ${timeoutMs} ms` : null;
			if (!hit && !failure) return;
			clearInterval(poll);
			if (hit) resolve(hit);
			else reject(new Error(`${failure} matching ${pattern}:\n${lines.join('\n')}`));
		}, 100);
	});

/** Every process below `root` (from /proc): Chrome starts in a process group of its own, so killing the worker's group misses it. */
const processTree = (root: number): number[] => {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
		const stat = (() => {
			try {
				return readFileSync(`/proc/${name}/stat`, 'utf8');
			} catch {
				return null;
			}
		})();
		// After the ")" that closes the command name: state, then the parent's pid.
		const parent = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : -1;
		children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
	}
	const tree = [root];
	for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
	return tree;
};

/** kill() takes the process's whole tree (its Chrome included), as a machine going down would. */
export const startProcess = (command: string, args: string[], env: Record<string, string> = {}): Proc => {
	const child = spawn(command, args, {cwd: PROJECT_ROOT, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
	const lines: string[] = [];
	for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (d: Buffer) => lines.push(...d.toString('utf8').split('\n').filter(Boolean)));
	return {
		child,
		lines,
		waitFor: (pattern, timeoutMs = 60_000) => waitForLine(lines, child, pattern, timeoutMs),
		kill: () => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			for (const pid of processTree(child.pid!)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// Gone already.
				}
			}
		},
	};
};

/** A throwaway redis-server on a free loopback port, keeping nothing on disk. */
export const startRedisServer = async (): Promise<{url: string; stop: () => void}> => {
	if (!REDIS_SERVER) throw new Error('redis-server not found (apt-get install redis-server)');
	const port = await freePort();
	const redis = startProcess(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
	await redis.waitFor(/Ready to accept connections/, 10_000);
	return {url: `redis://127.0.0.1:${port}`, stop: redis.kill};
};

export const startWorkerProcess = (args: string[], env: Record<string, string> = {}): Proc =>
	startProcess(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'worker.ts'), ...args], env);
