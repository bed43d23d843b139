// Render options → the settings handed to Remotion, with --draft's trade-offs
// and the defaults in one place (the bench's floor reads the same defaults).
import {ASPECTS, type Plan} from '../plan';

/** Which renderer draws the frames (src/render/render-plan.ts). */
export const RENDERERS = ['auto', 'composite', 'remotion'] as const;
export type Renderer = (typeof RENDERERS)[number];

/** Chrome's OpenGL back-ends (Remotion's `--gl`): on a GPU machine `angle-egl` or `vulkan` draw on the GPU. */
export const GL_RENDERERS = ['swangle', 'angle', 'egl', 'swiftshader', 'vulkan', 'angle-egl'] as const;
export type GlRenderer = (typeof GL_RENDERERS)[number];
/** Who encodes H.264 in the compositor: `nvenc` (NVIDIA GPUs) falls back to x264 where it cannot run. */
export const ENCODERS = ['auto', 'x264', 'nvenc'] as const;
export type Encoder = (typeof ENCODERS)[number];

export type X264Preset = 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow';

/** Remotion's default for H.264; the bench's floor uses the same. */
export const RENDER_CRF = 18;
/** Tune: 'veryfast' encodes 1080×1920 at about twice 'medium''s speed for ~25 % larger files at CRF 18. */
export const DEFAULT_X264_PRESET: X264Preset = 'veryfast';
const DEFAULT_JPEG_QUALITY = 85;
// Tune: what --draft trades for speed: 720 px on the short side (under half the pixels), quicker encoding.
// ultrafast over superfast: the bench's draft in 13.4–13.5 s against 16.0–16.3 s, a file about twice
// the size (27 against 15 MB for 12 s) at 36 dB luma PSNR to the superfast one: a preview's trade.
const DRAFT = {shortSidePx: 720, x264Preset: 'ultrafast', jpegQuality: 75} as const;

export type RenderSettingsInput = {
	/** Preview quality; explicit scale / preset / quality still win. */
	draft?: boolean;
	scale?: number;
	x264Preset?: X264Preset;
	jpegQuality?: number;
	concurrency?: number;
	gl?: GlRenderer;
	encoder?: Encoder;
};

export type RenderSettings = {scale: number; x264Preset: X264Preset; jpegQuality: number; concurrency: number; crf: number};

export const renderSettings = ({plan, options}: {plan: Pick<Plan, 'aspect'>; options: RenderSettingsInput}): RenderSettings => {
	const {width, height} = ASPECTS[plan.aspect];
	const draft = options.draft === true;
	return {
		scale: options.scale ?? (draft ? DRAFT.shortSidePx / Math.min(width, height) : 1),
		x264Preset: options.x264Preset ?? (draft ? DRAFT.x264Preset : DEFAULT_X264_PRESET),
		jpegQuality: options.jpegQuality ?? (draft ? DRAFT.jpegQuality : DEFAULT_JPEG_QUALITY),
		// 1 is fastest on 2 cores (docs/performance.md).
		concurrency: options.concurrency ?? 1,
		crf: RENDER_CRF,
	};
};
