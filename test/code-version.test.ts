// What a stage's code version hashes: code, importable assets and extension-less
// data files (an acoustic model's `means`), not notes beside them.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {sourceFiles} from '../src/analysis/cache/code-version';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';

const dir = mkdtempSync(path.join(PROJECT_ROOT, '.code-version-test-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

it('hashes code, assets and extension-less model files, not notes', () => {
	for (const name of ['means', 'mdef', 'feat_params.json', 'engine.ts', 'README.md', 'dsp.c']) writeFileSync(path.join(dir, name), name);
	const listed = sourceFiles(path.relative(PROJECT_ROOT, dir)).map((f) => path.basename(f));
	expect(listed.sort()).toEqual(['engine.ts', 'feat_params.json', 'mdef', 'means']);
});
