// The compositor needs a full ffmpeg: its filters, and the http protocol its
// pictures arrive by. A build without either is reported, so `auto` falls back.
import {chmodSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, test, vi} from 'vitest';

const fakeFfmpeg = (protocols: string[]): string => {
	const dir = mkdtempSync(path.join(tmpdir(), 'reel-fake-ffmpeg-'));
	const file = path.join(dir, 'ffmpeg');
	const filters = ['xfade', 'lut3d', 'lutyuv', 'colorcorrect', 'overlay', 'untile', 'scale', 'crop', 'concat', 'trim', 'loop'].map((f) => ` ... ${f}  V->V  test`).join('\n');
	writeFileSync(file, `#!/bin/sh
case "$2" in
  -filters) printf 'Filters:\\n${filters.replace(/\n/g, '\\n')}\\n' ;;
  -protocols) printf 'Supported file protocols:\\nInput:\\n${protocols.map((p) => `  ${p}`).join('\\n')}\\nOutput:\\n  file\\n  http\\n  tcp\\n' ;;
esac
`);
	chmodSync(file, 0o755);
	return file;
};

const probeWith = async (ffmpeg: string) => {
	vi.resetModules();
	vi.stubEnv('REEL_FFMPEG', ffmpeg);
	return (await import('../src/render/composite/ffmpeg')).probeSystemFfmpeg();
};

afterEach(() => vi.unstubAllEnvs());

describe('full ffmpeg probe', () => {
	test('filters and input protocols all there: ok', async () => {
		expect(await probeWith(fakeFfmpeg(['file', 'http', 'pipe', 'tcp']))).toEqual({ok: true});
	});

	test('a build without network input protocols is named as lacking them (only output http does not count)', async () => {
		const result = await probeWith(fakeFfmpeg(['file', 'pipe']));
		expect(result).toEqual({ok: false, reason: expect.stringMatching(/lacks http \(protocol\), tcp \(protocol\)$/)});
	});

	test('no ffmpeg at all says how to get one', async () => {
		const result = await probeWith('/nonexistent/ffmpeg');
		expect(result).toEqual({ok: false, reason: expect.stringMatching(/no full ffmpeg at "\/nonexistent\/ffmpeg"/)});
	});
});
