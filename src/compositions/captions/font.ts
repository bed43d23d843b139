// Montserrat ExtraBold from node_modules, bundled by webpack as a local asset:
// no font CDN at render time. loadFont holds the render (delayRender) until the
// face is ready, so no frame is captured in a fallback font.
import latinExt800 from '@fontsource/montserrat/files/montserrat-latin-ext-800-normal.woff2';
import latin800 from '@fontsource/montserrat/files/montserrat-latin-800-normal.woff2';
import {loadFont} from '@remotion/fonts';

export const CAPTION_FONT_FAMILY = 'Montserrat';

// Same subsets and ranges as @fontsource/montserrat/800.css.
const FACES = [
	{url: latin800, unicodeRange: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'},
	{url: latinExt800, unicodeRange: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF'},
];

let loading: Promise<void> | null = null;

export const loadCaptionFont = (): Promise<void> => {
	loading ??= Promise.all(
		FACES.map((f) => loadFont({family: CAPTION_FONT_FAMILY, url: f.url, weight: '800', style: 'normal', unicodeRange: f.unicodeRange})),
	).then(() => undefined);
	return loading;
};
