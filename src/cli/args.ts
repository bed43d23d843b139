// Command-line options → validated values, with one-line errors.
import {parseArgs} from 'node:util';
import {ReelError} from '../analysis/errors';
import {AspectSchema, StyleSchema} from '../plan';
import {PlanOptionsSchema} from '../analysis/pipeline/options';
import type {PlanOptionsInput} from '../analysis/pipeline/options';
import {ENCODERS, GL_RENDERERS, RENDERERS, type Encoder, type GlRenderer, type Renderer} from '../render/settings';

export const OPTIONS = {
	clips: {type: 'string'},
	out: {type: 'string'},
	aspect: {type: 'string'},
	fps: {type: 'string'},
	voice: {type: 'string'},
	voiceover: {type: 'string'},
	music: {type: 'string'},
	'noise-scale': {type: 'string'},
	'noise-w': {type: 'string'},
	rate: {type: 'string'},
	pitch: {type: 'string'},
	browser: {type: 'string'},
	concurrency: {type: 'string'},
	scale: {type: 'string'},
	draft: {type: 'boolean'},
	renderer: {type: 'string'},
	gl: {type: 'string'},
	encoder: {type: 'string'},
	variants: {type: 'string'},
	style: {type: 'string'},
	matcher: {type: 'string'},
	fallback: {type: 'string'},
	'embedder-model': {type: 'string'},
	'out-dir': {type: 'string'},
	options: {type: 'string'},
	'allow-network': {type: 'boolean'},
	distributed: {type: 'boolean'},
	redis: {type: 'string'},
	chunks: {type: 'string'},
	'frames-per-chunk': {type: 'string'},
	'shared-dir': {type: 'string'},
	help: {type: 'boolean', short: 'h'},
} as const;

export type CliArgs = {positionals: string[]; values: {[K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string}};

export const parseCli = (argv: string[]): CliArgs => {
	try {
		const {positionals, values} = parseArgs({args: argv, options: OPTIONS, allowPositionals: true, strict: true});
		return {positionals, values};
	} catch (error) {
		const message = (error as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, '');
		throw new ReelError('BAD_OPTION', `${message} (run with --help for the options)`);
	}
};

export const number = (name: string, raw: string | undefined): number | undefined => {
	if (raw === undefined) return undefined;
	const n = Number(raw);
	if (!Number.isFinite(n)) throw new ReelError('BAD_OPTION', `--${name} must be a number, got "${raw}"`);
	return n;
};

const oneOfOption = <T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T | undefined => {
	if (raw !== undefined && !(allowed as readonly string[]).includes(raw)) throw new ReelError('BAD_OPTION', `--${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
	return raw as T | undefined;
};

export const renderOptionsFrom = (values: CliArgs['values']): {concurrency?: number; scale?: number; draft?: boolean; renderer?: Renderer; gl?: GlRenderer; encoder?: Encoder} => {
	const concurrency = number('concurrency', values.concurrency);
	const scale = number('scale', values.scale);
	if (scale !== undefined && !(scale > 0 && scale <= 2)) throw new ReelError('BAD_OPTION', `--scale must be in (0, 2], got ${scale}`);
	if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) throw new ReelError('BAD_OPTION', `--concurrency must be a whole number ≥ 1, got ${concurrency}`);
	return {
		concurrency,
		scale,
		draft: values.draft,
		renderer: oneOfOption('renderer', values.renderer, RENDERERS),
		gl: oneOfOption('gl', values.gl, GL_RENDERERS),
		encoder: oneOfOption('encoder', values.encoder, ENCODERS),
	};
};

export const planOptionsFrom = (values: CliArgs['values']): PlanOptionsInput => {
	const variants = number('variants', values.variants);
	if (variants !== undefined && !(Number.isInteger(variants) && variants >= 1 && variants <= 10)) {
		throw new ReelError('BAD_OPTION', `--variants must be a whole number from 1 to 10, got ${variants}`);
	}
	return {
		aspect: oneOfOption('aspect', values.aspect, AspectSchema.options),
		variants,
		style: oneOfOption('style', values.style, StyleSchema.options),
		matcher: oneOfOption('matcher', values.matcher, PlanOptionsSchema.shape.matcher.unwrap().options),
		fallback: oneOfOption('fallback', values.fallback, PlanOptionsSchema.shape.fallback.unwrap().options),
		embedderModel: values['embedder-model'],
		fps: number('fps', values.fps),
		voice: values.voice,
		voiceover: values.voiceover,
		music: values.music,
		noiseScale: number('noise-scale', values['noise-scale']),
		noiseW: number('noise-w', values['noise-w']),
		rate: number('rate', values.rate),
		pitch: number('pitch', values.pitch),
		allowNetwork: values['allow-network'] ?? false,
	};
};

export const USAGE = `reel — script in, narrated captioned video out

  npm run make -- <script.txt> --clips <dir> [--out out/name.mp4] [options]
  npm run plan -- <script.txt> --clips <dir> [--out out/name.plan.json] [options]
  npm run demo                 render examples/*.txt with the generated demo clips
  npm run make -- a.txt b.txt … --clips <dir> --out-dir out/   render many scripts in one process
  npm run studio               open Remotion Studio on the last plan
  npm run studio -- <script.txt> --clips <dir> [--options opts.json] [options] [-- <remotion studio args>]
                               …and re-plan live whenever the script, the clips or opts.json change

options:
  --aspect 9:16|16:9|1:1       output shape (default 9:16, 1080 px on the short side)
  --fps N                      frames per second (default 30)
  --voice ENGINE:NAME          espeak:en-us (default; or en-gb, fr, …) or piper:<name or voice.onnx>
                               (npm run voices -- list shows the Piper voices installed)
  --voiceover FILE             use a recording as the narration (wav, mp3, m4a, flac); the script is aligned to it
  --noise-scale F, --noise-w F Piper only: override the voice's variation in sound / in timing (0–2)
  --music FILE                 background music under the narration, ducked while the voice speaks
  --rate WPM                   speaking rate, words per minute (default 165; Piper: 165 = the voice's own pace)
  --pitch 0-99                 voice pitch (default 50)
  --browser PATH               Chromium/Chrome to render with (or REEL_BROWSER)
  --concurrency N              frames rendered in parallel (default 1)
  --scale F                    render at F × the full size, e.g. 0.5 for a quick preview
  --draft                      quick preview: 720 px on the short side, faster encoding
  --renderer auto|composite|remotion  composite: Chrome draws the captions once each, ffmpeg the rest
                               (fast; needs a full ffmpeg); remotion: every frame in Chrome (default auto)
  --gl angle-egl|vulkan|…      Chrome's GL back-end (GPU machines: angle-egl or vulkan; default Chrome's own)
  --encoder auto|x264|nvenc    compositor's H.264 encoder: nvenc uses an NVIDIA GPU, falling back to x264
                               where it cannot run (default auto: nvenc only where a test encode works)
  --style cinematic|vivid|calm|mono   colour grade preset (default cinematic)
  --variants N                 plan N distinct cuts: <name>.v1.plan.json … (make renders each)
  --matcher full|vectors|keywords    how clips are matched to sentences (default full)
  --fallback auto|mood|title   a shot no clip fits: a clip for its mood, else a title card (auto, default);
                               always a mood clip; or always a title card
  --embedder-model FILE        an ONNX sentence encoder (vocab.txt beside it) instead of word vectors
  --out-dir DIR                make: where the videos of several scripts go (default out/)
  --options FILE               studio: JSON plan options ({"aspect": "16:9", "rate": 180, …}), watched
  --allow-network              permit outgoing connections (reel needs none)
  --distributed                make: render in chunks on workers (npm run worker) through a Redis queue
  --redis URL                  the queue's Redis (default REEL_REDIS_URL or redis://127.0.0.1:6379)
  --chunks N | --frames-per-chunk F   how the render is cut (default 150 frames a chunk)
  --shared-dir DIR             the folder workers read the bundle and plan from and write chunks to
                               (default REEL_SHARED_DIR or .reel-cache/distributed)`;
