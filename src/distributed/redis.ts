// Where the queue lives and how reel reaches it. ioredis retries forever by
// default; a coordinator or worker pointed at the wrong address must say so
// within seconds instead of hanging, so every start begins with one bounded ping.
import {Redis} from 'ioredis';
import {ReelError} from '../analysis/errors';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/** Tune: how long a start waits for Redis to answer before giving up. */
const CONNECT_TIMEOUT_MS = 3000;

const LOOPBACK = /^(localhost|127(?:\.\d+){3}|::1|\[::1\])$/i;

/** `--redis URL`, else `REEL_REDIS_URL`, else Redis on this machine. */
export const redisUrlFrom = (option?: string): string => {
	const url = option ?? process.env.REEL_REDIS_URL ?? DEFAULT_REDIS_URL;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new ReelError('BAD_OPTION', `--redis must be a URL like ${DEFAULT_REDIS_URL}, got "${url}"`);
	}
	if (!/^rediss?:$/.test(parsed.protocol)) throw new ReelError('BAD_OPTION', `--redis must start with redis:// or rediss://, got "${url}"`);
	return url;
};

export const isLoopbackRedis = (url: string): boolean => LOOPBACK.test(new URL(url).hostname);

/**
 * A connection for BullMQ. `maxRetriesPerRequest: null` is what BullMQ requires of
 * the connections its workers block on; the caller has already pinged the server.
 */
export const redisConnection = (url: string): Redis => new Redis(url, {maxRetriesPerRequest: null, lazyConnect: false});

/** Connects once with a short timeout and no retries; throws one line naming the URL. */
export const checkRedis = async (url: string): Promise<void> => {
	const probe = new Redis(url, {lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false});
	probe.on('error', () => undefined);
	try {
		await withTimeout(probe.connect().then(() => probe.ping()), CONNECT_TIMEOUT_MS + 500);
	} catch (error) {
		throw new ReelError('RENDER_FAILED', `cannot reach Redis at ${url}: ${(error as Error).message || 'no answer'} (start redis-server, or pass --redis / REEL_REDIS_URL)`);
	} finally {
		probe.disconnect();
	}
};

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
	new Promise<T>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
		promise.then(resolve, reject).finally(() => clearTimeout(timer));
	});

/**
 * Pings every few seconds while a render waits on the queue: BullMQ's own
 * connections reconnect silently forever, so a Redis that dies mid-render would
 * otherwise leave the coordinator waiting with no end.
 */
export const watchRedis = (url: string, {intervalMs = 5000, failAfter = 3} = {}): {lost: Promise<never>; stop: () => void} => {
	let stop = () => undefined as void;
	const lost = new Promise<never>((_, reject) => {
		let misses = 0;
		const timer = setInterval(() => {
			checkRedis(url).then(
				() => (misses = 0),
				(error: Error) => {
					if (++misses < failAfter) return;
					clearInterval(timer);
					reject(new ReelError('RENDER_FAILED', `lost Redis during the render: ${error.message}`));
				},
			);
		}, intervalMs);
		stop = () => clearInterval(timer);
	});
	lost.catch(() => undefined);
	return {lost, stop};
};
