// What a failed bundle says: one line naming the cause, not Node's last words.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {bundleFailure} from '../src/render/bundle';

describe('bundle failure line', () => {
	it("names the error Node printed as the child died, not the 'Node.js v…' line after it", () => {
		// A child that dies the way a broken import kills the bundle child.
		const child = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('/nonexistent-reel-entry.ts')"], {encoding: 'utf8'});
		expect(child.status).not.toBe(0);
		expect(child.stderr.trim().split('\n').at(-1)).toMatch(/^Node\.js v/);
		const line = bundleFailure({error: null, stderr: child.stderr, code: child.status, signal: null});
		expect(line).toMatch(/^Error \[ERR_MODULE_NOT_FOUND\]: Cannot find module '\/nonexistent-reel-entry\.ts'/);
		expect(line).toMatch(/\(exit code 1\)$/);
	});

	it('prefers the message the child reported itself, and says when it was killed or named nothing', () => {
		expect(bundleFailure({error: 'webpack: entry not found', stderr: 'noise', code: 1, signal: null})).toBe('webpack: entry not found');
		expect(bundleFailure({error: null, stderr: '', code: null, signal: 'SIGKILL'})).toBe('killed by SIGKILL');
		expect(bundleFailure({error: null, stderr: '', code: 0, signal: null})).toBe('it ended without naming the bundle');
	});
});

// Windows bundles copy the public folder, so they are not cached.
describe.skipIf(process.platform === 'win32')('bundle cache', () => {
	// Each run in a process of its own, as `npm run make` would be.
	const bundleIn = (cache: string, temp: string) => {
		const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "const {bundleProject} = await import('./src/render/bundle.ts'); console.log('serveUrl=' + await bundleProject());"], {
			cwd: PROJECT_ROOT,
			encoding: 'utf8',
			env: {...process.env, REEL_CACHE_DIR: cache, TMPDIR: temp},
		});
		expect(run.status, run.stderr).toBe(0);
		return run.stdout.match(/serveUrl=(.*)/)![1].trim();
	};

	it('a second run with unchanged code uses the bundle the first one kept, and neither leaves one in the temporary folder', () => {
		const cache = mkdtempSync(path.join(tmpdir(), 'reel-bundles-'));
		const temp = path.join(cache, 'tmp');
		mkdirSync(temp);
		const first = bundleIn(cache, temp);
		expect(path.dirname(first)).toBe(path.join(cache, 'bundles'));
		expect(existsSync(path.join(first, 'index.html'))).toBe(true);
		// A mark the second run would lose if it built the bundle again.
		writeFileSync(path.join(first, 'mark'), 'kept');
		// A build a killed run left long ago, other code versions' bundles beyond the three kept, last
		// used two days ago, and one used an hour ago: a long batch render may still be using it.
		const ago = (hours: number) => new Date(Date.now() - hours * 3600_000);
		for (const [old, hours] of [['aaaaaaaaaaaaaaaa', 48], ['bbbbbbbbbbbbbbbb', 49], ['cccccccccccccccc', 50], ['dddddddddddddddd', 1], ['.build-1-dead', 2]] as const) {
			mkdirSync(path.join(cache, 'bundles', old));
			utimesSync(path.join(cache, 'bundles', old), ago(hours), ago(hours));
		}
		expect(bundleIn(cache, temp)).toBe(first);
		expect(existsSync(path.join(first, 'mark'))).toBe(true);
		expect(readdirSync(temp).filter((n) => n.startsWith('remotion-webpack-bundle-'))).toEqual([]);
		// The dead build is gone; kept are this bundle, the two used most recently, and none older.
		const left = readdirSync(path.join(cache, 'bundles')).sort();
		expect(left).toEqual([path.basename(first), 'aaaaaaaaaaaaaaaa', 'dddddddddddddddd'].sort());
	}, 120_000);
});
