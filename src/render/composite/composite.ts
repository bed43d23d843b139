// The compositing renderer: Chrome draws only what needs a browser (captions,
// the legibility overlay) once per distinct picture; ffmpeg draws the footage,
// grades, zooms and transitions per frame in one filter graph, lays the
// pictures over it and encodes. The two run at once: ffmpeg fetches each picture
// from a localhost server that answers as soon as Chrome has drawn it. Same plan,
// same frames as the Reel composition (test/composite.test.ts compares them), at
// a fraction of the capture cost: docs/performance.md has the figures.
import {createHash} from 'node:crypto';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {makeCancelSignal} from '@remotion/renderer';
import {PUBLIC_DIR} from '../../analysis/cache/dirs';
import {produceFileAtomic} from '../../analysis/cache/files';
import {titleShots} from '../../compositions/overlay/metadata';
import {ASPECTS, type Plan} from '../../plan';
import {findBrowser, openReelBrowser} from '../browser';
import {bundleProject} from '../bundle';
import type {RenderOptions} from '../render-plan';
import {renderSettings} from '../settings';
import {captionStates} from './caption-states';
import {chooseEncoder} from './encoder';
import {runSystemFfmpeg} from './ffmpeg';
import {cubeLut} from './grade-lut';
import {footageGraph, TO_YUV} from './graph';
import {PICTURES, renderOverlayImages} from './overlay-images';
import {startPictureServer, type PictureServer} from './picture-server';

// Tune: share of the work after bundling that the browser's drawing stands for (it is ~⅓ of the CPU).
const CHROME_SHARE = 0.3;
const BUNDLE_SHARE = 0.05;

/**
 * The scale the compositor draws at: twelfths. Caption bands lie on a 24 px grid (caption-states.ts)
 * and every aspect's sides are multiples of 120 px, so at k/12 each band is a whole number of pixels
 * (an atlas frame then cuts evenly into its bands) and both sides of the frame are even (yuv420p).
 */
export const compositeScale = (scale: number): number => Math.max(1, Math.round(scale * 12)) / 12;

export const renderComposite = async ({plan, out, options = {}}: {plan: Plan; out: string; options?: RenderOptions}): Promise<void> => {
	const settings = renderSettings({plan, options});
	const scale = compositeScale(settings.scale);
	if (scale !== settings.scale) options.onWarning?.(`scale ${settings.scale}: the compositing renderer draws at ${scale.toFixed(3)}, the nearest twelfth (caption bands and the frame must come out in whole pixels, the frame's sides even)`);
	const {width, height} = ASPECTS[plan.aspect];
	const W = Math.round(width * scale);
	const H = Math.round(height * scale);
	const work = await mkdtemp(path.join(tmpdir(), 'reel-composite-'));
	let pictures: PictureServer | null = null;
	try {
		const server = (pictures = await startPictureServer({dir: work}));
		const serveUrl = options.serveUrl ?? (await bundleProject({onProgress: (p) => options.onProgress?.((p / 100) * BUNDLE_SHARE, 'bundling')}));
		const states = captionStates(plan);
		const captionList = await writeCaptionList({frameState: states.frameState, fps: plan.fps, stateUrl: (s) => server.url(PICTURES.state(s)), workDir: work});
		const titleCards = new Map(titleShots(plan).map((i) => [i, server.url(PICTURES.title(i))] as const));

		const luts = new Map<string, string>();
		const lutFor = (filter: string): string => {
			let file = luts.get(filter);
			if (!file) {
				file = path.join(work, `grade-${createHash('sha1').update(filter).digest('hex').slice(0, 10)}.cube`);
				writeFileSync(file, cubeLut(filter));
				luts.set(filter, file);
			}
			return file;
		};
		const graph = footageGraph({plan, width: W, height: H, publicDir: PUBLIC_DIR, titleCards, lutFor});
		const legibility = graph.inputCount;
		const captions = legibility + 1;
		const audio = captions + 1;
		const bandTop = Math.round(states.band.top * scale);
		const filters = [
			...graph.filters,
			// One still, decoded and converted once: overlay repeats a secondary input's last frame to the end.
			`[${legibility}:v]${TO_YUV},format=yuva420p[lgi]`,
			`[${graph.label}][lgi]overlay=0:0:format=yuv420[lg]`,
			// Each state is decoded and converted once and shown from its first frame; fps repeats it
			// (by reference) on every frame up to the next state, rounding each start to its frame.
			`[${captions}:v]${TO_YUV},format=yuva420p,fps=${plan.fps},settb=1/${plan.fps}[states]`,
			`[lg][states]overlay=0:${bandTop}:format=yuv420,format=yuv420p[vout]`,
		];
		const seconds = graph.totalFrames / plan.fps;
		const encoder = chooseEncoder({wanted: options.encoder, x264Preset: settings.x264Preset, crf: settings.crf, draft: options.draft === true, onWarning: options.onWarning});

		const progress = {drawn: 0, encoded: 0};
		const report = () =>
			options.onProgress?.(
				BUNDLE_SHARE + (1 - BUNDLE_SHARE) * (CHROME_SHARE * progress.drawn + (1 - CHROME_SHARE) * progress.encoded),
				progress.encoded > 0 ? 'encoding' : 'captions',
			);
		const {executable, chromeMode, browser} = options.browserInstance
			? {...findBrowser({override: options.browser}), browser: options.browserInstance}
			: await openReelBrowser({override: options.browser, gl: options.gl});
		const chrome = makeCancelSignal();
		const encoding = new AbortController();
		// Renamed into place only when both halves succeeded: ffmpeg can finish before Chrome does.
		await produceFileAtomic(out, async (temp) => {
			const draw = renderOverlayImages({
				plan, states, scale, serveUrl, browser, executable, chromeMode, publish: server.publish, cancelSignal: chrome.cancelSignal,
				onProgress: (f) => {
					progress.drawn = f;
					report();
				},
			}).finally(async () => {
				// Every picture is published (or none will be): a request for any other name is refused
				// at once instead of waiting for ever. Then the browser goes, while ffmpeg goes on.
				server.finish();
				if (!options.browserInstance) await browser.close({silent: true}).catch(() => undefined);
			});
			const encode = runSystemFfmpeg({
				args: [
					'-y',
					...graph.inputArgs,
					'-i', server.url(PICTURES.legibility),
					'-f', 'concat', '-safe', '0', '-protocol_whitelist', 'file,http,tcp', '-i', captionList,
					'-i', path.join(PUBLIC_DIR, plan.narration.src),
					'-filter_complex', filters.join(';'),
					'-map', '[vout]', '-map', `${audio}:a`,
					// -r: every frame lasts 1/fps, the last one too (a looped still carries no duration of its own).
					...encoder.args, '-pix_fmt', 'yuv420p', '-r', String(plan.fps),
					'-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709',
					// The narration is padded or cut to the video's length, as Remotion does. No -frames:v:
					// the graph ends on its own, and a video frame limit ended the file with audio still queued.
					'-af', 'apad', '-t', String(seconds),
					'-c:a', 'aac', '-b:a', '320k', '-ar', '48000',
					'-movflags', '+faststart', '-f', 'mp4', temp,
				],
				signal: encoding.signal,
				onFrame: (frame) => {
					progress.encoded = Math.min(1, frame / graph.totalFrames);
					report();
				},
			});
			// Whichever fails first stops the other, and its error is the one reported.
			let failure: {error: unknown} | null = null;
			await Promise.all([
				draw.catch((error: unknown) => {
					failure ??= {error};
					encoding.abort(error);
				}),
				encode.catch((error: unknown) => {
					failure ??= {error};
					chrome.cancel();
				}),
			]);
			if (failure) throw (failure as {error: unknown}).error;
		});
	} finally {
		await pictures?.close();
		// REEL_KEEP_WORK=1 keeps the caption list and LUTs for inspection.
		if (!process.env.REEL_KEEP_WORK) await rm(work, {recursive: true, force: true});
	}
};

/**
 * An ffconcat list that shows each caption state from the first frame that shows it
 * until the next change: each picture is decoded once, however many frames hold it.
 */
const writeCaptionList = async ({frameState, fps, stateUrl, workDir}: {frameState: number[]; fps: number; stateUrl: (state: number) => string; workDir: string}): Promise<string> => {
	const lines = ['ffconcat version 1.0'];
	for (let start = 0; start < frameState.length; ) {
		let end = start + 1;
		while (end < frameState.length && frameState[end] === frameState[start]) end++;
		// framerate: the image demuxer's own time base is 1/25 s, which would move each start off its frame.
		lines.push(`file '${stateUrl(frameState[start])}'`, `option framerate ${fps}`, `duration ${((end - start) / fps).toFixed(6)}`);
		start = end;
	}
	const file = path.join(workDir, 'captions.ffconcat');
	await writeFile(file, lines.join('\n') + '\n');
	return file;
};
