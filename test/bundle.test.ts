// What a failed bundle says: one line naming the cause, not Node's last words.
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
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
