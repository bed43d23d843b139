// Transition kinds from the plan, looked up rather than branched on. A hard cut
// has no presentation: the timeline gives it 0 frames and no Transition element.
import type {TransitionPresentation} from '@remotion/transitions';
import {fade} from '@remotion/transitions/fade';
import {slide} from '@remotion/transitions/slide';
import type {Transition} from '../../plan';

type Presentation = TransitionPresentation<Record<string, unknown>>;
type Factory = (t: Transition) => Presentation;

const PRESENTATIONS: Record<Exclude<Transition['kind'], 'cut'>, Factory> = {
	fade: () => fade() as Presentation,
	slide: (t) => slide({direction: t.direction ?? 'from-right'}) as Presentation,
};

export const presentationFor = (t: Transition): Presentation | null =>
	t.kind === 'cut' ? null : PRESENTATIONS[t.kind](t);
