// Used by `npx remotion studio|render`. The reel CLI passes the same settings
// to @remotion/renderer itself (see src/render/).
import {Config} from '@remotion/cli/config';
import {existsSync} from 'node:fs';

Config.setEntryPoint('src/index.ts');
Config.setVideoImageFormat('jpeg');
Config.setPixelFormat('yuv420p');
Config.setColorSpace('bt709');
Config.setConcurrency(1);
// A system Chromium when there is one: nothing is downloaded at render time.
const browser =
	process.env.REEL_BROWSER ??
	['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p));
if (browser) {
	Config.setBrowserExecutable(browser);
	if (!browser.includes('headless-shell')) Config.setChromeMode('chrome-for-testing');
}
