// One cut (clip and framing per shot) + everything the cuts share → a parsed Plan.
import path from 'node:path';
import {ASPECTS, PLAN_VERSION, parsePlan, type Plan, type Scene, type Word} from '../../plan';
import type {LibraryClip} from '../clips/library';
import {linkClip} from '../clips/link';
import type {ShotSlot} from '../director/cuts';
import {zoomFor, type ShotStyle} from '../director/style';
import type {Assignment} from '../match/match-shots';
import {mergeHolds} from '../match/holds';
import {defaultCaptionStyle} from './caption-style';
import type {PlanOptions} from './options';

export type Shared = {
	scriptFile: string;
	options: PlanOptions;
	narration: Plan['narration'];
	words: Word[];
	scenes: Scene[];
	slots: ShotSlot[];
	styles: ShotStyle[];
	library: LibraryClip[];
};

/** Start a little into the clip (clip openings are often static), varied per shot, leaving room for the shot. */
const clipInPoint = (clipMs: number, shotMs: number, shotIndex: number): number => {
	const spare = clipMs - shotMs;
	if (spare <= 0) return 0;
	return Math.round(spare * [0.15, 0.5, 0.3, 0.7][shotIndex % 4]);
};

const shotsOf = ({slots, styles, library, scenes}: Shared, cut: Assignment[]): Plan['shots'] => {
	const byId = new Map(library.map((c) => [c.id, c]));
	const arousal = new Map(scenes.map((s) => [s.id, s.mood.arousal]));
	return slots.map((slot, i) => {
		const a = cut[i];
		const {why, framing, ...style} = styles[i];
		const framingWhy = a.framing === framing ? why : `${why}; ${a.framing} instead of ${framing}, not to show one framing twice in a row`;
		const common = {...slot, ...style, framing: a.framing, score: a.score, reasons: [...a.reasons, framingWhy]};
		// A card holds still (a renderer may draw it once): no push or pull.
		if (a.kind === 'title') return {...common, kind: 'title' as const, title: {text: a.title}, zoomFrom: 1, zoomTo: 1};
		return {
			...common,
			kind: 'clip' as const,
			clipId: a.clipId,
			clipInMs: clipInPoint(byId.get(a.clipId)!.durationMs, slot.endMs - slot.startMs, i),
			...zoomFor(a.framing, i, arousal.get(slot.sceneId) ?? 0.5),
		};
	});
};

export const assemblePlan = async (given: Shared, heldCut: Assignment[]): Promise<Plan> => {
	// A shot the matcher held on joins the shot before it: fewer, longer shots.
	const {slots, cut, firstSlot} = mergeHolds({slots: given.slots, cut: heldCut});
	const shared = {...given, slots, styles: firstSlot.map((i) => given.styles[i])};
	const {options, library} = shared;
	const byId = new Map(library.map((c) => [c.id, c]));
	const clips = await Promise.all(
		[...new Set(cut.flatMap((a) => (a.kind === 'clip' ? [a.clipId] : [])))].map(async (id) => {
			const c = byId.get(id)!;
			return {id, src: await linkClip(c.file), path: c.file, description: c.description, durationMs: c.durationMs, width: c.width, height: c.height, fps: c.fps};
		}),
	);
	const size = ASPECTS[options.aspect];
	return parsePlan(
		{
			version: PLAN_VERSION,
			title: path.basename(shared.scriptFile).replace(/\.[^.]+$/, ''),
			aspect: options.aspect,
			fps: options.fps,
			width: size.width,
			height: size.height,
			durationMs: shared.narration.durationMs,
			style: options.style,
			narration: shared.narration,
			words: shared.words,
			scenes: shared.scenes,
			clips,
			shots: shotsOf(shared, cut),
			captionStyle: defaultCaptionStyle,
			report: {stagesMs: {}, words: 0, scenes: 0, shots: 0, clipsInLibrary: 0, networkCalls: 0, peakRssMb: 0, warnings: []},
		},
		'new plan',
	);
};
