// A light colour grade per scene mood: one CSS filter on the footage, plus one
// global overlay that keeps captions legible. A filter costs ~20 % of a frame on
// CPU (docs/performance.md), so neutral scenes get none: their old grade
// (saturate 1.04, contrast 1.03) could not be seen.
import type {Mood} from '../../plan';

// Tune: raise saturate/contrast for punchier footage; keep values near 1 for subtlety.
const FILTERS: Record<Mood['label'], string> = {
	calm: 'saturate(0.92) contrast(0.97) brightness(1.03) sepia(0.06)',
	neutral: 'none',
	upbeat: 'saturate(1.18) contrast(1.06) brightness(1.03)',
	intense: 'saturate(1.12) contrast(1.16) brightness(0.97)',
	somber: 'saturate(0.68) contrast(1.08) brightness(0.93)',
};

export const gradeFilter = (mood: Mood | null): string | undefined => {
	const filter = FILTERS[mood?.label ?? 'neutral'];
	return filter === 'none' ? undefined : filter;
};

// Applied once above all shots (not per shot, or it would double up mid-fade).
// Tune: the last stop's alpha darkens the lower part where captions sit.
export const LEGIBILITY_OVERLAY = [
	'linear-gradient(to bottom, rgba(0,0,0,0.16) 0%, rgba(0,0,0,0) 20%, rgba(0,0,0,0) 50%, rgba(0,0,0,0.45) 100%)',
	'radial-gradient(ellipse at center, rgba(0,0,0,0) 60%, rgba(0,0,0,0.3) 100%)',
].join(', ');
