// A CSS filter chain (the grade presets in src/compositions/video/grade.ts) as
// a 3D LUT for ffmpeg's lut3d. Each CSS filter function is an affine map on
// sRGB values clamped to [0, 1] after every step (Filter Effects spec), so a
// LUT sampled from the same maps reproduces Chrome's grade, clamps included.

type Rgb = [number, number, number];
type Step = (c: Rgb) => Rgb;

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const matrix = (m: number[]): Step => ([r, g, b]) => [
	clamp(m[0] * r + m[1] * g + m[2] * b),
	clamp(m[3] * r + m[4] * g + m[5] * b),
	clamp(m[6] * r + m[7] * g + m[8] * b),
];

// Matrices from https://www.w3.org/TR/filter-effects-1/#FilterPrimitiveRepresentation.
const STEPS: Record<string, (a: number) => Step> = {
	brightness: (a) => matrix([a, 0, 0, 0, a, 0, 0, 0, a]),
	contrast: (a) => ([r, g, b]) => [clamp(a * r + 0.5 - 0.5 * a), clamp(a * g + 0.5 - 0.5 * a), clamp(a * b + 0.5 - 0.5 * a)],
	saturate: (s) =>
		matrix([0.213 + 0.787 * s, 0.715 - 0.715 * s, 0.072 - 0.072 * s, 0.213 - 0.213 * s, 0.715 + 0.285 * s, 0.072 - 0.072 * s, 0.213 - 0.213 * s, 0.715 - 0.715 * s, 0.072 + 0.928 * s]),
	grayscale: (a) => {
		const k = 1 - Math.min(1, a);
		return matrix([0.2126 + 0.7874 * k, 0.7152 - 0.7152 * k, 0.0722 - 0.0722 * k, 0.2126 - 0.2126 * k, 0.7152 + 0.2848 * k, 0.0722 - 0.0722 * k, 0.2126 - 0.2126 * k, 0.7152 - 0.7152 * k, 0.0722 + 0.9278 * k]);
	},
	sepia: (a) => {
		const k = 1 - Math.min(1, a);
		return matrix([0.393 + 0.607 * k, 0.769 - 0.769 * k, 0.189 - 0.189 * k, 0.349 - 0.349 * k, 0.686 + 0.314 * k, 0.168 - 0.168 * k, 0.272 - 0.272 * k, 0.534 - 0.534 * k, 0.131 + 0.869 * k]);
	},
};

/** Parses `saturate(0.9) contrast(1.1) …`; anything it cannot reproduce is an error, not a silent skip. */
export const parseCssFilter = (filter: string): Step[] =>
	[...filter.matchAll(/([a-z-]+)\(([^)]*)\)/g)].map(([, name, arg]) => {
		const make = STEPS[name];
		const value = /^\s*(-?[\d.]+)(%?)\s*$/.exec(arg);
		if (!make || !value) throw new Error(`grade filter "${name}(${arg})" has no LUT equivalent (in "${filter}")`);
		return make(Number(value[1]) / (value[2] ? 100 : 1));
	});

export const applyCssFilter = (steps: Step[], rgb: Rgb): Rgb => steps.reduce((c, step) => step(c), rgb);

// Tune: LUT points per axis. Affine pieces are exact under interpolation; 33 keeps the clamp kinks sharp.
const LUT_SIZE = 33;

/** The filter as an Adobe .cube file (red varies fastest), the format lut3d reads. */
export const cubeLut = (filter: string, size = LUT_SIZE): string => {
	const steps = parseCssFilter(filter);
	const lines = [`LUT_3D_SIZE ${size}`];
	for (let b = 0; b < size; b++)
		for (let g = 0; g < size; g++)
			for (let r = 0; r < size; r++) {
				const out = applyCssFilter(steps, [r / (size - 1), g / (size - 1), b / (size - 1)]);
				lines.push(out.map((v) => v.toFixed(6)).join(' '));
			}
	return lines.join('\n') + '\n';
};
