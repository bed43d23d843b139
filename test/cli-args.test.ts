// Matching and style options at the CLI edge: valid values pass through, bad ones fail in one line.
import {describe, expect, test} from 'vitest';
import {parseCli, planOptionsFrom, renderOptionsFrom} from '../src/cli/args';
import {variantPath} from '../src/cli/outputs';

const options = (...argv: string[]) => planOptionsFrom(parseCli(argv).values);

describe('matching and style options', () => {
	test('pass through when valid', () => {
		expect(options('--variants', '3', '--style', 'mono', '--matcher', 'keywords', '--embedder-model', 'm.onnx')).toMatchObject({variants: 3, style: 'mono', matcher: 'keywords', embedderModel: 'm.onnx'});
	});
	test('bad values are one-line errors naming the option', () => {
		expect(() => options('--style', 'neon')).toThrow('--style must be one of cinematic, vivid, calm, mono, got "neon"');
		expect(() => options('--variants', '0')).toThrow('--variants must be a whole number from 1 to 10, got 0');
		expect(() => options('--matcher', 'magic')).toThrow('--matcher must be one of full, vectors, keywords, got "magic"');
	});
	test('render options: renderer, GL back-end and encoder pass through; bad ones name the option', () => {
		const render = (...argv: string[]) => renderOptionsFrom(parseCli(argv).values);
		expect(render('--renderer', 'remotion', '--gl', 'angle-egl', '--encoder', 'nvenc')).toMatchObject({renderer: 'remotion', gl: 'angle-egl', encoder: 'nvenc'});
		expect(() => render('--renderer', 'gpu')).toThrow('--renderer must be one of auto, composite, remotion, got "gpu"');
		expect(() => render('--gl', 'metal')).toThrow(/--gl must be one of .*angle-egl.*got "metal"/);
		expect(() => render('--encoder', 'qsv')).toThrow('--encoder must be one of auto, x264, nvenc, got "qsv"');
	});
	test('variants are numbered files beside the output; one variant keeps the plain name', () => {
		expect(variantPath('out/storm.mp4', 0, 3)).toBe('out/storm.v1.mp4');
		expect(variantPath('out/storm.plan.json', 2, 3)).toBe('out/storm.v3.plan.json');
		expect(variantPath('out/storm.mp4', 0, 1)).toBe('out/storm.mp4');
	});
});
