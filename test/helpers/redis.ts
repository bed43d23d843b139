// A throwaway redis-server on a free loopback port, and render workers as real
// child processes, for the distributed-render tests.
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {ROOT} from './cli';

const REDIS_SERVER = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? null;

/**
 * Skips only where redis-server is truly absent; CI installs it and sets
 * REEL_REQUIRE_REDIS=1, so there a missing server fails instead of skipping.
 */
export const redisAvailable = (): boolean => {
	if (REDIS_SERVER) return true;
	if (process.env.REEL_REQUIRE_REDIS) throw new Error('redis-server not found but REEL_REQUIRE_REDIS is set (apt-get install redis-server)');
	console.warn('skipping distributed-render tests: redis-server not found (apt-get install redis-server)');
	return false;
};

export const freePort = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});

const waitForLine = (lines: string[], child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> =>
	new Promise((resolve, reject) => {
		const started = Date.now();
		const poll = setInterval(() => {
			const hit = lines.find((l) => pattern.test(l));
			if (hit) return done(() => resolve(hit));
			if (child.exitCode !== null) return done(() => reject(new Error(`process exited (${child.exitCode}) before printing ${pattern}:\n${lines.join('\n')}`)));
			if (Date.now() - started > timeoutMs) done(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${lines.join('\n')}`)));
		}, 100);
		const done = (then: () => void) => {
			clearInterval(poll);
			then();
		};
	});

export type Proc = {child: ChildProcess; lines: string[]; waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>; kill: () => void};

/** Its own process group, so kill() takes its Chrome with it, as a machine going down would. */
const start = (command: string, args: string[], env: Record<string, string> = {}): Proc => {
	const child = spawn(command, args, {cwd: ROOT, env: {...process.env, ...env}, detached: true, stdio: ['ignore', 'pipe', 'pipe']});
	const lines: string[] = [];
	for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (d: Buffer) => lines.push(...d.toString('utf8').split('\n').filter(Boolean)));
	return {
		child,
		lines,
		waitFor: (pattern, timeoutMs = 60_000) => waitForLine(lines, child, pattern, timeoutMs),
		kill: () => {
			if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
		},
	};
};

export const startRedis = async (): Promise<{url: string; stop: () => void}> => {
	const port = await freePort();
	const redis = start(REDIS_SERVER!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
	await redis.waitFor(/Ready to accept connections/, 10_000);
	return {url: `redis://127.0.0.1:${port}`, stop: redis.kill};
};

export const startWorker = (args: string[], env: Record<string, string> = {}): Proc =>
	start(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'worker.ts'), ...args], env);

/** The CLI as a running process (runCli waits; a test that kills a worker mid-render must not). */
export const startCli = (args: string[], env: Record<string, string> = {}): Proc & {exited: Promise<number>} => {
	const proc = start(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'reel.ts'), ...args], env);
	const exited = new Promise<number>((resolve) => proc.child.on('close', (code) => resolve(code ?? -1)));
	return {...proc, exited};
};
