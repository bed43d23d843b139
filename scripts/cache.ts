// `npm run cache -- stats|clear`: what the cache holds, and emptying it.
import {cacheStats, clearCache} from '../src/analysis/cache/evict';
import {ReelError} from '../src/analysis/errors';
import {exitWithError} from '../src/cli/exit';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const stats = async () => {
	const s = await cacheStats();
	console.log(`cache ${s.dir}: ${mb(s.totalBytes)} of ${mb(s.maxBytes)} (REEL_CACHE_MAX_MB), least recently used evicted beyond`);
	for (const [stage, a] of Object.entries(s.areas).sort()) console.log(`  ${stage.padEnd(12)} ${String(a.files).padStart(6)} entries  ${mb(a.bytes).padStart(10)}`);
};

const main = async () => {
	const [command] = process.argv.slice(2);
	if (command === 'stats') return stats();
	if (command === 'clear') {
		await clearCache();
		return console.log('cache cleared (generated demo clips and installed voices kept)');
	}
	throw new ReelError('BAD_OPTION', `usage: npm run cache -- stats|clear (got "${command ?? ''}")`);
};

main().catch(exitWithError);
