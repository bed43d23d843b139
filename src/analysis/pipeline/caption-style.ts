import type {CaptionStyle} from '../../plan';

/** TikTok-style defaults: bold 90 px (at 1080 wide) white, active word in yellow. */
export const defaultCaptionStyle: CaptionStyle = {
	fontFamily: 'Montserrat',
	fontWeight: 800,
	fontSizePx: 90,
	color: '#FFFFFF',
	highlightColor: '#FFD60A',
	strokeColor: '#000000',
	strokeWidthPx: 12,
	bottomFraction: 0.3,
	// Words within this much of the page start share it: about 3–4 words at speaking pace.
	combineWithinMs: 900,
};
