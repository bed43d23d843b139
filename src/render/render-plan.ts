// Plan → MP4 with @remotion/renderer: one bundle, one browser, H.264 + AAC,
// written to a temporary name and renamed only when complete.
import {openBrowser, renderMedia, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import {ASPECTS, type Plan} from '../plan';
import {produceFileAtomic} from '../analysis/cache/files';
import {findBrowser} from './browser';
import {bundleProject} from './bundle';

/** Remotion's default for H.264; the bench's floor uses the same. */
export const RENDER_CRF = 18;

export type RenderOptions = {
	/** Override the browser (path to Chromium / Chrome / headless shell). */
	browser?: string | null;
	/** Frames rendered at once; 1 is fastest on 2 cores. */
	concurrency?: number;
	/** Output scale relative to the plan's size (0.25 → 270×480 for 9:16); for previews and tests. */
	scale?: number;
	/** x264 speed/size trade-off. @default 'medium' (ffmpeg's) */
	x264Preset?: X264Preset;
	/** Quality of the frames Chrome hands over. @default 85 */
	jpegQuality?: number;
	/** Preview quality: 720 px on the short side, faster encoding. Explicit options still win. */
	draft?: boolean;
	onProgress?: (fraction: number, stage: string) => void;
	/** A bundle already made (batch renders share one). @default this process's bundle, made on first use */
	serveUrl?: string;
	/** An open browser to render in; the caller closes it (batch renders share one). @default one opened and closed here */
	browserInstance?: HeadlessBrowser;
};

// Tune: what --draft trades for speed.
const DRAFT = {shortSidePx: 720, x264Preset: 'veryfast', jpegQuality: 75} as const;

export type X264Preset = 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow';

export const renderPlan = async ({plan, out, options = {}}: {plan: Plan; out: string; options?: RenderOptions}): Promise<void> => {
	if (options.draft) {
		const {width, height} = ASPECTS[plan.aspect];
		options = {x264Preset: DRAFT.x264Preset, jpegQuality: DRAFT.jpegQuality, scale: DRAFT.shortSidePx / Math.min(width, height), ...options};
	}
	const {executable, chromeMode} = findBrowser({override: options.browser});
	const serveUrl = options.serveUrl ?? (await bundleProject({onProgress: (p) => options.onProgress?.(p / 100 / 10, 'bundling')}));
	// logLevel error: Remotion's info logs (e.g. cgroup memory notes) would break the progress line.
	const browser = options.browserInstance ?? (await openBrowser('chrome', {browserExecutable: executable, chromeMode, logLevel: 'error'}));
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
				jpegQuality: options.jpegQuality ?? 85,
				x264Preset: options.x264Preset ?? 'medium',
				crf: RENDER_CRF,
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
		if (!options.browserInstance) await browser.close({silent: true});
	}
};
