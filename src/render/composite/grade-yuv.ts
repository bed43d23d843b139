// A CSS grade applied where the footage already is: in BT.709 Y'CbCr at TV range.
// saturate, contrast, brightness and grayscale scale chroma about its centre and
// map luma affinely (saturate's weights are Rec. 709's to 3 decimals), so each
// plane needs only a 256-entry table (lutyuv), not a per-pixel 3D LUT in RGB and
// two colour conversions around it. Luma follows the spec's clamp after every
// step exactly (for greys it is the whole story); chroma is clamped once at the
// end. sepia's tint is chroma that follows luma, which colorcorrect adds; a grade
// that mixed planes more than that (sepia(1)) would take the RGB route instead.
import {affineOf, composeAffines, mul, parseCssAffines, type Affine, type Rgb} from './grade-lut';

const KR = 0.2126;
const KB = 0.0722;
const toYcc = ([r, g, b]: Rgb): Rgb => {
	const y = KR * r + (1 - KR - KB) * g + KB * b;
	return [y, (b - y) / (2 * (1 - KB)), (r - y) / (2 * (1 - KR))];
};
const fromYcc = ([y, cb, cr]: Rgb): Rgb => {
	const r = y + 2 * (1 - KR) * cr;
	const b = y + 2 * (1 - KB) * cb;
	return [r, (y - KR * r - KB * b) / (1 - KR - KB), b];
};

// Tune: largest plane-mixing term left out (luma from chroma, chroma from the other
// chroma). Sepia's are ≤ 0.022: at the most saturated chroma (±0.5) that is 2.5 code
// values of luma, and under 0.5 for the chroma of most footage.
const IGNORED_TOLERANCE = 0.03;

/** The composed grade as a map of normalised Y'CbCr: out[i] = Σ m[i][j]·in[j] + o[i]. */
const yccAffine = (steps: Affine[]): Affine => {
	const rgb = composeAffines(steps);
	return affineOf((c) => toYcc(mul(rgb, fromYcc(c))));
};

const num = (v: number) => Number(v.toFixed(6)).toString();

/**
 * ffmpeg filters for a CSS grade on TV-range yuv (`lutyuv`, then `colorcorrect` for
 * a tint that follows luma), or null when the grade mixes planes more than that.
 */
export const yuvGradeFilter = (filter: string): string | null => {
	const steps = parseCssAffines(filter);
	const {m, o} = yccAffine(steps);
	if ([m[1], m[2], m[5], m[7]].some((v) => Math.abs(v) > IGNORED_TOLERANCE)) return null;
	// The tint below is read off the graded luma, so luma must not be graded (nearly) away.
	if (Math.abs(m[0]) < 0.05) return null;
	// Luma through each step with the spec's clamp after it, as a grey pixel goes: exact for
	// greys, and the clamps are where highlights and shadows would otherwise differ most.
	let luma = '(val-16)/219';
	for (const {m: sm, o: so} of steps) {
		const gain = KR * (sm[0] + sm[1] + sm[2]) + (1 - KR - KB) * (sm[3] + sm[4] + sm[5]) + KB * (sm[6] + sm[7] + sm[8]);
		const offset = KR * so[0] + (1 - KR - KB) * so[1] + KB * so[2];
		luma = `clip(${num(gain)}*${luma}+${num(offset)},0,1)`;
	}
	// lutyuv truncates its results: +0.5 rounds them.
	const chroma = (k: number) => `clip(128+${num(k)}*(val-128),16,240)+0.5`;
	const table = `lutyuv=y='16.5+219*${luma}':u='${chroma(m[4])}':v='${chroma(m[8])}'`;
	// A tint (chroma that follows luma: sepia's warmth), added after the table from the graded
	// luma Y' = m0·Y + o0. colorcorrect adds 255·(Y'/255·(high − low) + low) to U and V and
	// truncates: +0.5/255 rounds.
	const tint = (fromLuma: number, offset: number) => {
		const slope = fromLuma / m[0];
		const at0 = offset - slope * o[0];
		const low = (224 * (at0 - (16 * slope) / 219)) / 255 + 0.5 / 255;
		return {low, high: low + (224 * slope) / 219};
	};
	const b = tint(m[3], o[1]);
	const r = tint(m[6], o[2]);
	const tinted = [b.low, b.high, r.low, r.high].some((v) => Math.abs(v - 0.5 / 255) > 1e-4);
	return tinted ? `${table},colorcorrect=bl=${num(b.low)}:bh=${num(b.high)}:rl=${num(r.low)}:rh=${num(r.high)}` : table;
};
