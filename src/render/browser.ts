// Finds the browser Remotion drives. A system Chromium avoids Remotion's own
// download, which cannot work offline.
import {existsSync} from 'node:fs';
import {openBrowser, type ChromeMode, type HeadlessBrowser} from '@remotion/renderer';
import type {GlRenderer} from './settings';

export type BrowserChoice = {executable: string | null; chromeMode: ChromeMode};

const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const findBrowser = ({override}: {override?: string | null} = {}): BrowserChoice => {
	const wanted = override ?? process.env.REEL_BROWSER ?? null;
	if (wanted) {
		if (!existsSync(wanted)) throw new Error(`browser ${wanted} does not exist (set by --browser or REEL_BROWSER)`);
		return {executable: wanted, chromeMode: modeFor(wanted)};
	}
	const found = CANDIDATES.find((p) => existsSync(p)) ?? null;
	// null: Remotion falls back to its own headless shell download.
	return {executable: found, chromeMode: found ? modeFor(found) : 'headless-shell'};
};

// Full Chrome ≥ 132 dropped the old headless mode; Remotion needs chrome-for-testing mode for it.
const modeFor = (executable: string): ChromeMode =>
	executable.includes('headless-shell') ? 'headless-shell' : 'chrome-for-testing';

/** Opens the browser findBrowser chooses; the caller closes it. Render, batch and the demo library share this. */
export const openReelBrowser = async ({override, gl}: {override?: string | null; gl?: GlRenderer} = {}): Promise<BrowserChoice & {browser: HeadlessBrowser}> => {
	const choice = findBrowser({override});
	// logLevel error: Remotion's info logs (e.g. cgroup memory notes) would break the progress line.
	// gl: Chrome's GL back-end is fixed when it starts, so it is chosen here, not per render.
	const browser = await openBrowser('chrome', {browserExecutable: choice.executable, chromeMode: choice.chromeMode, logLevel: 'error', chromiumOptions: gl ? {gl} : {}});
	return {...choice, browser};
};
