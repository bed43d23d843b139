// NVENC only where a real encode works; everywhere else x264, and a warning
// when the user asked for NVENC by name.
import {existsSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {chooseEncoder, probeNvenc} from '../src/render/composite/encoder';
import {probeSystemFfmpeg} from '../src/render/composite/ffmpeg';

const base = {x264Preset: 'veryfast' as const, crf: 18, draft: false};
const noGpu = () => ({ok: false as const, reason: 'No NVENC capable devices found'});
const gpu = () => ({ok: true as const});

describe('encoder choice', () => {
	test('asked for nvenc where it cannot run: x264, with one warning naming the reason', () => {
		const warnings: string[] = [];
		const choice = chooseEncoder({...base, wanted: 'nvenc', probe: noGpu, onWarning: (m) => warnings.push(m)});
		expect(choice).toEqual({name: 'x264', args: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18']});
		expect(warnings).toEqual([expect.stringMatching(/nvenc.*No NVENC capable devices found.*x264/)]);
	});

	test('auto takes nvenc only when the test encode passed, silently either way', () => {
		const warnings: string[] = [];
		expect(chooseEncoder({...base, probe: noGpu, onWarning: (m) => warnings.push(m)}).name).toBe('x264');
		const nvenc = chooseEncoder({...base, draft: true, probe: gpu, onWarning: (m) => warnings.push(m)});
		expect(nvenc.name).toBe('nvenc');
		expect(nvenc.args).toEqual(expect.arrayContaining(['h264_nvenc', 'p2']));
		expect(warnings).toEqual([]);
		expect(chooseEncoder({...base, wanted: 'x264', probe: gpu}).name).toBe('x264');
	});

	// Without an NVIDIA device node no driver can answer: the real probe must fail and say why.
	test.skipIf(!probeSystemFfmpeg().ok || existsSync('/dev/nvidiactl'))('on a machine without an NVIDIA GPU the real probe fails with the reason', () => {
		const result = probeNvenc();
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(/\w/);
	});
});
