// --distributed and its options → what the coordinator needs, checked once.
import {ReelError} from '../analysis/errors';
import {number, type CliArgs} from '../cli/args';
import {sharedDirFrom} from './job';
import type {DistributedOptions} from './prepare';
import {checkRedis, isLoopbackRedis, redisUrlFrom} from './redis';

const ONLY_WITH_DISTRIBUTED = ['redis', 'chunks', 'frames-per-chunk', 'shared-dir'] as const;

/**
 * null when the render is local; throws on options that make no sense, and on
 * a Redis that does not answer: before planning, so that mistake costs seconds.
 */
export const distributedOptionsFrom = async (values: CliArgs['values']): Promise<DistributedOptions | null> => {
	if (!values.distributed) {
		const stray = ONLY_WITH_DISTRIBUTED.find((name) => values[name] !== undefined);
		if (stray) throw new ReelError('BAD_OPTION', `--${stray} only applies with --distributed`);
		return null;
	}
	// Chunks are joined by combineChunks, which needs Remotion's own chunk layout.
	if (values.renderer === 'composite') throw new ReelError('BAD_OPTION', '--renderer composite does not apply with --distributed: chunks render with Remotion (renderMedia), as on Lambda');
	const redisUrl = redisUrlFrom(values.redis);
	// reel refuses outgoing connections by default (network-guard); a Redis elsewhere is one.
	if (!isLoopbackRedis(redisUrl) && !values['allow-network']) {
		throw new ReelError('BAD_OPTION', `Redis at ${redisUrl} is on another machine: pass --allow-network to let reel connect to it`);
	}
	await checkRedis(redisUrl);
	return {redisUrl, sharedDir: sharedDirFrom(values['shared-dir']), chunks: number('chunks', values.chunks), framesPerChunk: number('frames-per-chunk', values['frames-per-chunk'])};
};
