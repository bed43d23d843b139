// A CSS filter chain (the grade presets in src/compositions/video/grade.ts) as
// a 3D LUT for ffmpeg's lut3d. Each CSS filter function is an affine map on
// sRGB values clamped to [0, 1] after every step (Filter Effects spec), so a
// LUT sampled from the same maps reproduces Chrome's grade, clamps included.

export type Rgb = [number, number, number];
type Step = (c: Rgb) => Rgb;
/** One CSS filter function as the spec writes it: out = m·c + o, row-major m. */
export type Affine = {m: number[]; o: Rgb};

const clamp = (v: number) => Math.min(1, Math.max(0, v));
/** m·c + o. */
export const mul = ({m, o}: Affine, [r, g, b]: Rgb): Rgb => [
	m[0] * r + m[1] * g + m[2] * b + o[0],
	m[3] * r + m[4] * g + m[5] * b + o[1],
	m[6] * r + m[7] * g + m[8] * b + o[2],
];
const linear = (m: number[]): Affine => ({m, o: [0, 0, 0]});

// Matrices from https://www.w3.org/TR/filter-effects-1/#FilterPrimitiveRepresentation.
const AFFINES: Record<string, (a: number) => Affine> = {
	brightness: (a) => linear([a, 0, 0, 0, a, 0, 0, 0, a]),
	contrast: (a) => {
		const o = 0.5 - 0.5 * a;
		return {m: [a, 0, 0, 0, a, 0, 0, 0, a], o: [o, o, o]};
	},
	saturate: (s) =>
		linear([0.213 + 0.787 * s, 0.715 - 0.715 * s, 0.072 - 0.072 * s, 0.213 - 0.213 * s, 0.715 + 0.285 * s, 0.072 - 0.072 * s, 0.213 - 0.213 * s, 0.715 - 0.715 * s, 0.072 + 0.928 * s]),
	grayscale: (a) => {
		const k = 1 - Math.min(1, a);
		return linear([0.2126 + 0.7874 * k, 0.7152 - 0.7152 * k, 0.0722 - 0.0722 * k, 0.2126 - 0.2126 * k, 0.7152 + 0.2848 * k, 0.0722 - 0.0722 * k, 0.2126 - 0.2126 * k, 0.7152 - 0.7152 * k, 0.0722 + 0.9278 * k]);
	},
	sepia: (a) => {
		const k = 1 - Math.min(1, a);
		return linear([0.393 + 0.607 * k, 0.769 - 0.769 * k, 0.189 - 0.189 * k, 0.349 - 0.349 * k, 0.686 + 0.314 * k, 0.168 - 0.168 * k, 0.272 - 0.272 * k, 0.534 - 0.534 * k, 0.131 + 0.869 * k]);
	},
};

/** The filter's functions in order, as affine maps (the clamps between them are the caller's). */
export const parseCssAffines = (filter: string): Affine[] =>
	[...filter.matchAll(/([a-z-]+)\(([^)]*)\)/g)].map(([, name, arg]) => {
		const make = AFFINES[name];
		const value = /^\s*(-?[\d.]+)(%?)\s*$/.exec(arg);
		if (!make || !value) throw new Error(`grade filter "${name}(${arg})" has no ffmpeg equivalent (in "${filter}")`);
		return make(Number(value[1]) / (value[2] ? 100 : 1));
	});

/** Applies one affine map and the spec's clamp to [0, 1] after it. */
export const clampedStep = (a: Affine): Step => (c) => mul(a, c).map(clamp) as Rgb;
/** An affine map read back from a function that is one: its offset at 0, its columns at the unit vectors. */
export const affineOf = (apply: (c: Rgb) => Rgb): Affine => {
	const o = apply([0, 0, 0]);
	const cols = [apply([1, 0, 0]), apply([0, 1, 0]), apply([0, 0, 1])].map((c) => c.map((v, i) => v - o[i]));
	return {m: [0, 1, 2].flatMap((row) => cols.map((col) => col[row])), o};
};
/** The maps composed with no clamps between them: what a pixel undergoes while no channel leaves [0, 1]. */
export const composeAffines = (steps: Affine[]): Affine => affineOf((c) => steps.reduce((x, s) => mul(s, x), c));

/** Parses `saturate(0.9) contrast(1.1) …`; anything it cannot reproduce is an error, not a silent skip. */
export const parseCssFilter = (filter: string): Step[] => parseCssAffines(filter).map(clampedStep);

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
