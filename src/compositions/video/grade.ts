// A light colour grade per scene mood, in one of four presets (the plan's
// `style`): one CSS filter on the footage, plus one global overlay that keeps
// captions legible. A filter costs ~20 % of a frame on CPU (docs/performance.md),
// so cinematic's neutral scenes get none: saturate 1.04 / contrast 1.03 could not be seen.
import type {Mood, Style} from '../../plan';

type Grades = Record<Mood['label'], string>;

// Tune: raise saturate/contrast for punchier footage; keep values near 1 for subtlety.
export const GRADE_PRESETS: Record<Style, Grades> = {
	/** Gentle, mood-led: the default. */
	cinematic: {
		calm: 'saturate(0.92) contrast(0.97) brightness(1.03) sepia(0.06)',
		neutral: 'none',
		upbeat: 'saturate(1.18) contrast(1.06) brightness(1.03)',
		intense: 'saturate(1.12) contrast(1.16) brightness(0.97)',
		somber: 'saturate(0.68) contrast(1.08) brightness(0.93)',
	},
	/** Social-feed colour: everything saturated, intense scenes hottest. */
	vivid: {
		calm: 'saturate(1.2) contrast(1.04) brightness(1.04)',
		neutral: 'saturate(1.3) contrast(1.08)',
		upbeat: 'saturate(1.45) contrast(1.1) brightness(1.05)',
		intense: 'saturate(1.4) contrast(1.22)',
		somber: 'saturate(0.95) contrast(1.12) brightness(0.95)',
	},
	/** Soft and warm, low contrast throughout. */
	calm: {
		calm: 'saturate(0.85) contrast(0.9) brightness(1.05) sepia(0.12)',
		neutral: 'saturate(0.9) contrast(0.93) brightness(1.04) sepia(0.08)',
		upbeat: 'saturate(0.98) contrast(0.95) brightness(1.05) sepia(0.06)',
		intense: 'saturate(0.95) contrast(1.0) brightness(1.0) sepia(0.05)',
		somber: 'saturate(0.7) contrast(0.95) brightness(0.98) sepia(0.1)',
	},
	/** Black and white; mood still moves contrast. */
	mono: {
		calm: 'grayscale(1) contrast(0.95) brightness(1.05)',
		neutral: 'grayscale(1) contrast(1.05)',
		upbeat: 'grayscale(1) contrast(1.1) brightness(1.05)',
		intense: 'grayscale(1) contrast(1.3) brightness(0.95)',
		somber: 'grayscale(1) contrast(1.15) brightness(0.9)',
	},
};

export const gradeFilter = (mood: Mood | null, style: Style = 'cinematic'): string | undefined => {
	const filter = GRADE_PRESETS[style][mood?.label ?? 'neutral'];
	return filter === 'none' ? undefined : filter;
};

// Applied once above all shots (not per shot, or it would double up mid-fade).
// Tune: the last stop's alpha darkens the lower part where captions sit.
export const LEGIBILITY_OVERLAY = [
	'linear-gradient(to bottom, rgba(0,0,0,0.16) 0%, rgba(0,0,0,0) 20%, rgba(0,0,0,0) 50%, rgba(0,0,0,0.45) 100%)',
	'radial-gradient(ellipse at center, rgba(0,0,0,0) 60%, rgba(0,0,0,0.3) 100%)',
].join(', ');
