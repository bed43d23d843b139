// Redis and workers for the distributed-render tests (src/distributed/local-cluster
// runs them), and the CLI as a process the test does not wait on.
import path from 'node:path';
import {REDIS_SERVER, startProcess, type Proc} from '../../src/distributed/local-cluster';
import {ROOT} from './cli';

export {freePort, startRedisServer as startRedis, startWorkerProcess as startWorker, type Proc} from '../../src/distributed/local-cluster';

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

/** The CLI as a running process: runCli blocks, and a test that watches workers meanwhile must not. */
export const startCli = (args: string[], env: Record<string, string> = {}): Proc & {exited: Promise<number>} => {
	const proc = startProcess(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'reel.ts'), ...args], env);
	const exited = new Promise<number>((resolve) => proc.child.on('close', (code) => resolve(code ?? -1)));
	return {...proc, exited};
};
