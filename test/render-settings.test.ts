// What --draft and the defaults hand to Remotion; the render test covers the render itself.
import {describe, expect, test} from 'vitest';
import {DEFAULT_X264_PRESET, renderSettings} from '../src/render/settings';

describe('renderSettings', () => {
	test('a full render: plan size, default preset, one tab', () => {
		expect(renderSettings({plan: {aspect: '9:16'}, options: {}})).toEqual({scale: 1, x264Preset: DEFAULT_X264_PRESET, jpegQuality: 85, concurrency: 1, crf: 18});
	});

	test('--draft renders 720 px on the short side with a quicker preset, for every aspect', () => {
		for (const aspect of ['9:16', '16:9', '1:1'] as const) {
			const s = renderSettings({plan: {aspect}, options: {draft: true}});
			expect(s.scale).toBeCloseTo(720 / 1080);
			expect(s.x264Preset).toBe('ultrafast');
			expect(s.jpegQuality).toBeLessThan(85);
		}
	});

	test('explicit options win over --draft; options left undefined by the CLI do not erase draft values', () => {
		const s = renderSettings({plan: {aspect: '9:16'}, options: {draft: true, scale: 0.25, x264Preset: 'medium', concurrency: undefined, jpegQuality: undefined}});
		expect([s.scale, s.x264Preset, s.jpegQuality, s.concurrency]).toEqual([0.25, 'medium', 75, 1]);
	});
});
