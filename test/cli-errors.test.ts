// Bad input must give one clear line naming the file and the problem, a
// non-zero exit, and no output file (not even a partial one).
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {runCli} from './helpers/cli';
import {makeTestClip, writeCorruptClip} from './helpers/media';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-cli-'));
const clips = path.join(dir, 'clips');
const script = path.join(dir, 'ok.txt');
const out = path.join(dir, 'out', 'plan.json');

beforeAll(async () => {
	const {mkdirSync} = await import('node:fs');
	mkdirSync(clips);
	await makeTestClip({file: path.join(clips, 'ocean-waves.mp4'), color: [40, 80, 200]});
	await makeTestClip({file: path.join(clips, 'city-night.mp4'), color: [200, 60, 40]});
	await writeCorruptClip(path.join(clips, 'broken.mp4'));
	writeFileSync(script, 'The ocean glows at night. The city sleeps.');
}, 60_000);

const expectOneLineError = (r: ReturnType<typeof runCli>, pattern: RegExp) => {
	expect(r.status).not.toBe(0);
	const lines = r.stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(pattern);
	expect(existsSync(path.dirname(out)) ? readdirSync(path.dirname(out)) : []).toEqual([]);
};

describe('bad input', () => {
	test('empty script', () => {
		const empty = path.join(dir, 'empty.txt');
		writeFileSync(empty, '\n \n');
		expectOneLineError(runCli(['plan', empty, '--clips', clips, '--out', out]), /^reel: .*empty\.txt: the script is empty/);
	});

	test('script of only punctuation', () => {
		const punct = path.join(dir, 'punct.txt');
		writeFileSync(punct, '... !!! ?? -- "" ');
		expectOneLineError(runCli(['plan', punct, '--clips', clips, '--out', out]), /punct\.txt: the script has no words/);
	});

	test('missing script file', () => {
		expectOneLineError(runCli(['plan', path.join(dir, 'nope.txt'), '--clips', clips, '--out', out]), /nope\.txt: script file not found/);
	});

	test('missing clip folder', () => {
		expectOneLineError(runCli(['plan', script, '--clips', path.join(dir, 'no-clips'), '--out', out]), /no-clips: clip folder not found/);
	});

	test('unknown option', () => {
		const r = runCli(['plan', script, '--clips', clips, '--colour', 'red']);
		expect(r.status).toBe(2);
		expect(r.stderr.trim()).toMatch(/^reel: Unknown option '--colour'.*--help/);
	});

	test('bad option value', () => {
		expectOneLineError(runCli(['plan', script, '--clips', clips, '--aspect', '4:3', '--out', out]), /--aspect must be one of 9:16, 16:9, 1:1/);
	});

	test('a corrupt clip is skipped with a warning naming it; the plan is still made', () => {
		const r = runCli(['plan', script, '--clips', clips, '--out', out]);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(/warning: .*broken\.mp4: skipped, not a readable video/);
		expect(existsSync(out)).toBe(true);
		expect(r.stdout).toMatch(/network calls 0/);
	});
});
