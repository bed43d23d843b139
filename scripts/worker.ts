// `npm run worker -- [--redis URL] [--concurrency N] [--shared-dir DIR]`: a
// render worker that takes chunk jobs until it is stopped (Ctrl-C lets the
// chunk in hand finish; a second Ctrl-C or a kill leaves it to another worker).
import {parseArgs} from 'node:util';
import {ReelError} from '../src/analysis/errors';
import {number} from '../src/cli/args';
import {exitWithError} from '../src/cli/exit';
import {redisUrlFrom} from '../src/distributed/redis';
import {sharedDirFrom} from '../src/distributed/job';
import {startRenderWorker} from '../src/distributed/worker';

const USAGE = `reel worker — renders chunks of distributed renders (make --distributed)

  npm run worker -- [--redis URL] [--concurrency N] [--shared-dir DIR] [--browser PATH]

  --redis URL        the queue's Redis (default REEL_REDIS_URL or redis://127.0.0.1:6379)
  --concurrency N    chunks rendered at once by this worker (default 1: one per 2 cores)
  --shared-dir DIR   the folder the coordinator shares (default REEL_SHARED_DIR or .reel-cache/distributed)
  --browser PATH     Chromium/Chrome to render with (or REEL_BROWSER)`;

const main = async () => {
	let values;
	try {
		values = parseArgs({options: {redis: {type: 'string'}, concurrency: {type: 'string'}, 'shared-dir': {type: 'string'}, browser: {type: 'string'}, help: {type: 'boolean', short: 'h'}}, strict: true}).values;
	} catch (error) {
		throw new ReelError('BAD_OPTION', `${(error as Error).message.split('\n')[0]} (run with --help for the options)`);
	}
	if (values.help) return console.log(USAGE);
	const concurrency = number('concurrency', values.concurrency) ?? 1;
	if (!(Number.isInteger(concurrency) && concurrency >= 1)) throw new ReelError('BAD_OPTION', `--concurrency must be a whole number ≥ 1, got ${concurrency}`);
	const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
	const worker = await startRenderWorker({redisUrl: redisUrlFrom(values.redis), sharedDir: sharedDirFrom(values['shared-dir']), concurrency, browser: values.browser, log});
	let stopping = false;
	const stop = () => {
		if (stopping) process.exit(130);
		stopping = true;
		log('stopping: finishing the chunk in hand (Ctrl-C again to quit now)');
		worker.close().then(() => process.exit(0), exitWithError);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
};

main().catch(exitWithError);
