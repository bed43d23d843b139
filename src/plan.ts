// The one contract between analysis (Node) and rendering (React). Analysis
// writes a Plan, compositions render it; both sides parse it with this schema.
// All times are milliseconds; frames are derived in one helper (msToFrame).
import {z} from 'zod';

export const PLAN_VERSION = 1;

export const ASPECTS = {
	'9:16': {width: 1080, height: 1920, compositionId: 'Reel-9x16'},
	'16:9': {width: 1920, height: 1080, compositionId: 'Reel-16x9'},
	'1:1': {width: 1080, height: 1080, compositionId: 'Reel-1x1'},
} as const;
export const AspectSchema = z.enum(['9:16', '16:9', '1:1']);
export type Aspect = z.infer<typeof AspectSchema>;

/** Colour grade presets (CSS filters per mood, in src/compositions/video/grade.ts). */
export const StyleSchema = z.enum(['cinematic', 'vivid', 'calm', 'mono']);
export type Style = z.infer<typeof StyleSchema>;

const ms = z.number().finite().min(0);

/** Same shape as `Caption` from `@remotion/captions`: text carries a leading space except on the first word. */
export const WordSchema = z.object({
	text: z.string(),
	startMs: ms,
	endMs: ms,
	timestampMs: ms.nullable(),
	confidence: z.number().min(0).max(1).nullable(),
});
export type Word = z.infer<typeof WordSchema>;

export const MoodSchema = z.object({
	/** -1 (negative) … 1 (positive). */
	valence: z.number().min(-1).max(1),
	/** 0 (calm) … 1 (intense). */
	arousal: z.number().min(0).max(1),
	label: z.enum(['calm', 'neutral', 'upbeat', 'intense', 'somber']),
	/** What moved the arousal ("exclamation", "2 intensifiers", "action verb", …); absent in older plans. */
	cues: z.array(z.string()).optional(),
});
export type Mood = z.infer<typeof MoodSchema>;

export const SceneSchema = z.object({
	id: z.number().int().min(0),
	text: z.string().min(1),
	paragraph: z.number().int().min(0),
	startMs: ms,
	endMs: ms,
	/** Index range into `words`, end exclusive. */
	wordStart: z.number().int().min(0),
	wordEnd: z.number().int().min(0),
	mood: MoodSchema,
});
export type Scene = z.infer<typeof SceneSchema>;

export const ClipSchema = z.object({
	id: z.string().min(1),
	/** Path relative to the public folder, for `staticFile()`. */
	src: z.string().min(1),
	/** Where the user's file really is (reports only; never read by compositions). */
	path: z.string(),
	description: z.string(),
	durationMs: z.number().positive(),
	width: z.number().int().positive(),
	height: z.number().int().positive(),
	fps: z.number().positive(),
});
export type Clip = z.infer<typeof ClipSchema>;

export const FramingSchema = z.enum(['wide', 'medium', 'close']);
export type Framing = z.infer<typeof FramingSchema>;

export const TransitionSchema = z.object({
	kind: z.enum(['cut', 'fade', 'slide']),
	/** Centred on the cut point (the shot's startMs). 0 for a hard cut. */
	durationMs: ms,
	direction: z.enum(['from-left', 'from-right', 'from-top', 'from-bottom']).nullable(),
});
export type Transition = z.infer<typeof TransitionSchema>;

/** What every shot has, whatever fills its frame. */
const ShotBase = {
	sceneId: z.number().int().min(0),
	/** Position on the narration timeline; shots tile [0, durationMs] without gaps. */
	startMs: ms,
	endMs: ms,
	framing: FramingSchema,
	/** Scale at the shot's start and end: a slow push-in or pull-out (Ken Burns). */
	zoomFrom: z.number().min(1).max(3),
	zoomTo: z.number().min(1).max(3),
	transitionIn: TransitionSchema,
	/** Matcher score in [0, 1] and the words that earned it (for a title card: why no clip was shown). */
	score: z.number().min(0).max(1),
	reasons: z.array(z.string()),
};

/** A shot of a clip from `clips`; plans from before title cards have no `kind`. */
export const ClipShotSchema = z.object({
	kind: z.literal('clip').optional(),
	clipId: z.string().min(1),
	/** Where in the clip the shot begins. The clip loops if it is shorter than the shot. */
	clipInMs: ms,
	...ShotBase,
});
export type ClipShot = z.infer<typeof ClipShotSchema>;

/**
 * A title card: the shot's key phrase on a background coloured by the scene's
 * mood, shown when no clip in the library fits (better than a wrong clip).
 * Static apart from its transitions, so a renderer may draw it once.
 */
export const TitleShotSchema = z.object({
	kind: z.literal('title'),
	title: z.object({text: z.string().min(1)}),
	...ShotBase,
});
export type TitleShot = z.infer<typeof TitleShotSchema>;

export const ShotSchema = z.discriminatedUnion('kind', [ClipShotSchema, TitleShotSchema]);
export type Shot = z.infer<typeof ShotSchema>;

export const isTitleShot = (shot: Shot): shot is TitleShot => shot.kind === 'title';
/** The clip a shot shows, or null for a title card. */
export const shotClipId = (shot: Shot): string | null => (shot.kind === 'title' ? null : shot.clipId);

export const CaptionStyleSchema = z.object({
	fontFamily: z.string(),
	fontWeight: z.number().int(),
	/** At 1080 px output width; scaled with the video. */
	fontSizePx: z.number().positive(),
	color: z.string(),
	highlightColor: z.string(),
	strokeColor: z.string(),
	strokeWidthPx: z.number().min(0),
	/** Distance of the caption's centre from the bottom, as a share of the height. */
	bottomFraction: z.number().min(0).max(1),
	/** Words closer than this are shown together on one page. */
	combineWithinMs: z.number().min(0),
});
export type CaptionStyle = z.infer<typeof CaptionStyleSchema>;

export const ReportSchema = z.object({
	stagesMs: z.record(z.string(), z.number()),
	words: z.number().int(),
	scenes: z.number().int(),
	shots: z.number().int(),
	clipsInLibrary: z.number().int(),
	networkCalls: z.number().int(),
	peakRssMb: z.number(),
	warnings: z.array(z.string()),
	/** Cache hits and misses per stage (entries: sentences, clip probes, …); absent in plans from before the cache. */
	cache: z.record(z.string(), z.object({hits: z.number().int().min(0), misses: z.number().int().min(0)})).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

export const PlanSchema = z.object({
	version: z.literal(PLAN_VERSION),
	title: z.string(),
	aspect: AspectSchema,
	fps: z.number().int().positive(),
	width: z.number().int().positive(),
	height: z.number().int().positive(),
	durationMs: z.number().positive(),
	/** Colour grade preset; plans written before presets existed read as 'cinematic'. */
	style: StyleSchema.optional(),
	narration: z.object({
		src: z.string().min(1),
		durationMs: z.number().positive(),
		engine: z.string(),
		voice: z.string(),
	}),
	words: z.array(WordSchema).min(1),
	scenes: z.array(SceneSchema).min(1),
	clips: z.array(ClipSchema),
	shots: z.array(ShotSchema).min(1),
	captionStyle: CaptionStyleSchema,
	report: ReportSchema,
});
export type Plan = z.infer<typeof PlanSchema>;

export class PlanError extends Error {
	code = 'PLAN_INVALID' as const;
}

/** Parses a plan read from anywhere; throws one readable line per problem. */
export const parsePlan = (input: unknown, source = 'plan'): Plan => {
	const result = PlanSchema.safeParse(input);
	if (result.success) return result.data;
	const problems = result.error.issues
		.slice(0, 3)
		.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
		.join('; ');
	throw new PlanError(`${source} is not a valid reel plan (${problems})`);
};

export const msToFrame = (timeMs: number, fps: number): number => Math.round((timeMs * fps) / 1000);
export const frameToMs = (frame: number, fps: number): number => (frame * 1000) / fps;
/** Frames needed to hold `durationMs` completely. */
export const durationInFrames = (durationMs: number, fps: number): number =>
	Math.max(1, Math.ceil((durationMs * fps) / 1000 - 1e-6));
