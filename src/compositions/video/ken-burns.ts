// Zoom and drift of one shot at a given progress (0…1). The drift never moves
// the footage further than the zoom's spare margin, so no edge ever shows.
export type KenBurnsInput = {zoomFrom: number; zoomTo: number; progress: number; panDirection: 1 | -1};
export type KenBurnsOutput = {scale: number; translateXPercent: number};

// Tune: share of the spare margin used by the drift (0 disables panning).
const PAN_SHARE = 0.35;

export const kenBurns = ({zoomFrom, zoomTo, progress, panDirection}: KenBurnsInput): KenBurnsOutput => {
	const p = Math.min(1, Math.max(0, progress));
	const scale = zoomFrom + (zoomTo - zoomFrom) * p;
	// translate is applied before scale (CSS right-to-left), so the margin is (s−1)/(2s) of the width.
	const marginPercent = ((scale - 1) / (2 * scale)) * 100;
	const translateXPercent = panDirection * PAN_SHARE * marginPercent * (2 * p - 1);
	return {scale, translateXPercent};
};
