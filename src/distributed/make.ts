// The CLI's side of a distributed render: one progress line over every chunk,
// the queue's news on stderr, and one `reel:` error per video that failed.
import path from 'node:path';
import type {ReelError} from '../analysis/errors';
import {createProgress} from '../render/progress';
import type {RenderSettingsInput} from '../render/settings';
import {renderDistributed, type DistributedRenderItem} from './coordinator';
import type {DistributedOptions} from './prepare';

export const makeDistributed = async ({items, options, distributed}: {
	items: DistributedRenderItem[];
	options: RenderSettingsInput;
	distributed: DistributedOptions;
}): Promise<{error: ReelError | null; ms: number}[]> => {
	const label = items.length === 1 ? `render ${path.basename(items[0].out)} on workers` : `render ${items.length} videos on workers`;
	const progress = createProgress(label);
	const say = (line: string) => process.stderr.write(`${line}\n`);
	const results = await renderDistributed({items, options, distributed, hooks: {onProgress: (f, stage) => progress.update(f, stage), log: say, warn: (m) => say(`warning: ${m}`)}});
	const ok = results.filter((r) => !r.error).length;
	progress.done(`${ok} of ${items.length} video${items.length === 1 ? '' : 's'}${items.length === 1 && ok ? ` → ${items[0].out}` : ''}`);
	return results;
};
