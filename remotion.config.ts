// Used by `npx remotion studio|render`. The reel CLI passes the same settings
// to @remotion/renderer itself (see src/render/).
import {Config} from '@remotion/cli/config';
import {findBrowser} from './src/render/browser';

Config.setEntryPoint('src/index.ts');
Config.setVideoImageFormat('jpeg');
Config.setPixelFormat('yuv420p');
Config.setColorSpace('bt709');
Config.setConcurrency(1);
// A system Chromium when there is one (or REEL_BROWSER): nothing is downloaded at render time.
const {executable, chromeMode} = findBrowser();
if (executable) {
	Config.setBrowserExecutable(executable);
	Config.setChromeMode(chromeMode);
}
