// Plan → MP4 with @remotion/renderer: one bundle, one browser, H.264 + AAC,
// written to a temporary name and renamed only when complete.
import {openBrowser, renderMedia, selectComposition} from '@remotion/renderer';
import {ASPECTS, type Plan} from '../plan';
import {produceFileAtomic} from '../analysis/cache/files';
import {findBrowser} from './browser';
import {bundleProject} from './bundle';

export type RenderOptions = {
	/** Override the browser (path to Chromium / Chrome / headless shell). */
	browser?: string | null;
	/** Frames rendered at once; 1 is fastest on 2 cores. */
	concurrency?: number;
	/** Output scale relative to the plan's size (0.25 → 270×480 for 9:16); for previews and tests. */
	scale?: number;
	onProgress?: (fraction: number, stage: string) => void;
};

export const renderPlan = async ({plan, out, options = {}}: {plan: Plan; out: string; options?: RenderOptions}): Promise<void> => {
	const {executable, chromeMode} = findBrowser({override: options.browser});
	const serveUrl = await bundleProject({onProgress: (p) => options.onProgress?.(p / 100 / 10, 'bundling')});
	// logLevel error: Remotion's info logs (e.g. cgroup memory notes) would break the progress line.
	const browser = await openBrowser('chrome', {browserExecutable: executable, chromeMode, logLevel: 'error'});
	try {
		const inputProps = plan as unknown as Record<string, unknown>;
		const composition = await selectComposition({serveUrl, id: ASPECTS[plan.aspect].compositionId, inputProps, puppeteerInstance: browser, browserExecutable: executable, chromeMode, logLevel: 'error'});
		await produceFileAtomic(out, (temp) =>
			renderMedia({
				serveUrl,
				composition,
				inputProps,
				codec: 'h264',
				audioCodec: 'aac',
				outputLocation: temp,
				puppeteerInstance: browser,
				browserExecutable: executable,
				chromeMode,
				concurrency: options.concurrency ?? 1,
				imageFormat: 'jpeg',
				jpegQuality: 85,
				// JPEG frames would otherwise give full-range yuvj420p, which some players and platforms mishandle.
				pixelFormat: 'yuv420p',
				colorSpace: 'bt709',
				scale: options.scale ?? 1,
				overwrite: true,
				logLevel: 'error',
				onProgress: ({progress, stitchStage}) => options.onProgress?.(0.1 + progress * 0.9, stitchStage),
			}),
		);
	} finally {
		await browser.close({silent: true});
	}
};
