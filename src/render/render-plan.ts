// Plan → MP4, H.264 + AAC, written to a temporary name and renamed only when
// complete. Two renderers draw the same Reel: the compositor (Chrome for the
// captions only, ffmpeg for the footage; several times faster, needs a full
// ffmpeg) and Remotion's renderMedia (every frame through Chrome; what Studio
// and `npx remotion render` use). `auto` takes the compositor when it can.
import {renderMedia, selectComposition, type HeadlessBrowser} from '@remotion/renderer';
import {ASPECTS, type Plan} from '../plan';
import {produceFileAtomic} from '../analysis/cache/files';
import {findBrowser, openReelBrowser} from './browser';
import {bundleProject} from './bundle';
import {renderSettings, type Renderer, type RenderSettings, type RenderSettingsInput} from './settings';
import {probeSystemFfmpeg} from './composite/ffmpeg';
import {ReelError} from '../analysis/errors';

// Tune: decoded-frame caches in the tab and the compositor (each).
const MEDIA_CACHE_BYTES = 256 * 2 ** 20;

/** The renderMedia settings every reel render shares: a local render and each distributed chunk. */
export const mediaOptions = (settings: RenderSettings) => ({
	concurrency: settings.concurrency,
	imageFormat: 'jpeg' as const,
	jpegQuality: settings.jpegQuality,
	x264Preset: settings.x264Preset,
	crf: settings.crf,
	// JPEG frames would otherwise give full-range yuvj420p, which some players and platforms mishandle.
	pixelFormat: 'yuv420p' as const,
	colorSpace: 'bt709' as const,
	scale: settings.scale,
	// Both default to half of free memory; a few seconds of decoded 1080p frames is all a cut needs.
	mediaCacheSizeInBytes: MEDIA_CACHE_BYTES,
	offthreadVideoCacheSizeInBytes: MEDIA_CACHE_BYTES,
	logLevel: 'error' as const,
});

export type RenderOptions = RenderSettingsInput & {
	/** @default 'auto': the compositor when a full ffmpeg is here, else Remotion. */
	renderer?: Renderer;
	/** Told once when `auto` falls back to Remotion, and why. */
	onWarning?: (message: string) => void;
	/** Override the browser (path to Chromium / Chrome / headless shell). */
	browser?: string | null;
	onProgress?: (fraction: number, stage: string) => void;
	/** A bundle already made (batch renders share one). @default this process's bundle, made on first use */
	serveUrl?: string;
	/** An open browser to render in; the caller closes it (batch renders share one). @default one opened and closed here */
	browserInstance?: HeadlessBrowser;
};

export const chooseRenderer = (wanted: Renderer = 'auto', onWarning?: (message: string) => void): Exclude<Renderer, 'auto'> => {
	if (wanted === 'remotion') return 'remotion';
	const probe = probeSystemFfmpeg();
	if (probe.ok) return 'composite';
	if (wanted === 'composite') throw new ReelError('BAD_OPTION', `--renderer composite: ${probe.reason}`);
	onWarning?.(`rendering every frame in Chrome (slower): ${probe.reason}`);
	return 'remotion';
};

export const renderPlan = async ({plan, out, options = {}}: {plan: Plan; out: string; options?: RenderOptions}): Promise<void> => {
	if (chooseRenderer(options.renderer, options.onWarning) === 'composite') {
		const {renderComposite} = await import('./composite/composite');
		return renderComposite({plan, out, options});
	}
	return renderWithRemotion({plan, out, options});
};

const renderWithRemotion = async ({plan, out, options}: {plan: Plan; out: string; options: RenderOptions}): Promise<void> => {
	const settings = renderSettings({plan, options});
	const serveUrl = options.serveUrl ?? (await bundleProject({onProgress: (p) => options.onProgress?.(p / 100 / 10, 'bundling')}));
	const {executable, chromeMode, browser} = options.browserInstance
		? {...findBrowser({override: options.browser}), browser: options.browserInstance}
		: await openReelBrowser({override: options.browser, gl: options.gl});
	try {
		const inputProps = plan as unknown as Record<string, unknown>;
		const composition = await selectComposition({serveUrl, id: ASPECTS[plan.aspect].compositionId, inputProps, puppeteerInstance: browser, browserExecutable: executable, chromeMode, logLevel: 'error'});
		await produceFileAtomic(out, (temp) =>
			renderMedia({
				serveUrl,
				composition,
				inputProps,
				...mediaOptions(settings),
				codec: 'h264',
				audioCodec: 'aac',
				outputLocation: temp,
				puppeteerInstance: browser,
				browserExecutable: executable,
				chromeMode,
				overwrite: true,
				onProgress: ({progress, stitchStage}) => options.onProgress?.(0.1 + progress * 0.9, stitchStage),
			}),
		);
	} finally {
		if (!options.browserInstance) await browser.close({silent: true});
	}
};
