// Input props of the Reel compositions. `npx remotion render Reel-9x16 out.mp4
// --props=plan.json` passes a whole plan; Studio starts from `{}` and
// calculateMetadata loads public/reel/last-plan.json. A partial plan accepts
// both without a wrapper object, so the plan file itself stays the props file.
import {z} from 'zod';
import {PlanSchema} from '../plan';

export const reelSchema = PlanSchema.partial().extend({
	/** Set by calculateMetadata when no usable plan was found; shown on screen. */
	planError: z.string().optional(),
	/** Set in Studio when the latest re-plan (`npm run studio -- script.txt`) failed; shown over the last good plan. */
	planProblem: z.string().optional(),
});

export type ReelProps = z.infer<typeof reelSchema>;

export const DEFAULT_REEL_PROPS: ReelProps = {};
