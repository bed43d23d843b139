// Finds the browser Remotion drives. A system Chromium avoids Remotion's own
// download, which cannot work offline.
import {existsSync} from 'node:fs';
import type {ChromeMode} from '@remotion/renderer';

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
