// Everything a plan depends on besides the script and the clips, validated
// once at the edge with defaults filled in.
import {z} from 'zod';
import {AspectSchema, StyleSchema} from '../../plan';

export const PlanOptionsSchema = z.object({
	/** @default '9:16' */
	aspect: AspectSchema.default('9:16'),
	/** @default 30 */
	fps: z.number().int().min(10).max(60).default(30),
	/** `espeak:<language>` (a bare language means espeak too) or `piper:<name or .onnx path>`. @default 'espeak:en-us' */
	voice: z.string().min(1).default('espeak:en-us'),
	/** Words per minute. @default 165 */
	rate: z.number().min(80).max(450).default(165),
	/** 0–99. @default 50 */
	pitch: z.number().min(0).max(99).default(50),
	/** Piper only: override the voice's noise_scale (variation in the sound) and noise_w (in phoneme lengths). */
	noiseScale: z.number().min(0).max(2).optional(),
	noiseW: z.number().min(0).max(2).optional(),
	/** A recording to use as the narration instead of espeak; the script is aligned to it. */
	voiceover: z.string().min(1).optional(),
	/** Background music mixed under the narration, ducked while the voice speaks. */
	music: z.string().min(1).optional(),
	/** Clip matcher: `full` (meaning: word vectors + WordNet concepts), `vectors` (sentence vector only), `keywords` (v0 lemma overlap). @default 'full' */
	matcher: z.enum(['full', 'vectors', 'keywords']).default('full'),
	/** An ONNX sentence encoder (with `vocab.txt` beside it) to use instead of averaged word vectors. */
	embedderModel: z.string().min(1).optional(),
	/** What a shot no clip fits shows: `auto` (a clip for its mood if one suits it, else a title card), `mood` (always a clip), `title` (always a card). @default 'auto' */
	fallback: z.enum(['auto', 'mood', 'title']).default('auto'),
	/** How many distinct cuts to plan. @default 1 */
	variants: z.number().int().min(1).max(10).default(1),
	/** Colour grade preset. @default 'cinematic' */
	style: StyleSchema.default('cinematic'),
	/** Allow outgoing network connections (nothing in reel needs them). @default false */
	allowNetwork: z.boolean().default(false),
});
export type PlanOptions = z.infer<typeof PlanOptionsSchema>;
export type PlanOptionsInput = z.input<typeof PlanOptionsSchema>;
export const defaultPlanOptions: PlanOptions = PlanOptionsSchema.parse({});
