// The footage half of a plan as one ffmpeg filter graph, drawn the way the
// Reel composition draws it (src/compositions/video): each shot's clip covers
// the frame, loops if short, zooms and drifts as kenBurns() says, takes its
// mood's grade (the same CSS filter, as yuv tables), and meets the next shot in
// the same fade or slide, centred on the same cut frame (computeShotTimeline).
// The footage stays in the encoder's BT.709 TV-range yuv420p from decoding to
// encoding: the grades are per-plane tables there (grade-yuv.ts), and only a
// grade that mixes planes more than sepia's tint would go through planar RGB
// and back, for its own shot (no preset does).
import path from 'node:path';
import {gradeFilter} from '../../compositions/video/grade';
import {yuvGradeFilter} from './grade-yuv';
import {computeShotTimeline} from '../../compositions/video/timeline';
import {msToFrame, type Plan, type Transition} from '../../plan';

// Must match Shot.tsx's kenBurns() call: share of the zoom margin the drift uses.
const PAN_SHARE = 0.35;

// xfade's names for Remotion's slide() directions: `from-right` enters from the right, pushing left.
const SLIDES: Record<NonNullable<Transition['direction']>, string> = {
	'from-right': 'slideleft',
	'from-left': 'slideright',
	'from-bottom': 'slideup',
	'from-top': 'slidedown',
};

export type GraphInput = {
	plan: Plan;
	/** Output size in pixels (the composition's size times the render scale). */
	width: number;
	height: number;
	/** Where clip `src` paths resolve (the bundle's public folder). */
	publicDir: string;
	/** The picture of each title-card shot (by shot index), drawn once by Chrome at the output size. */
	titleCards: Map<number, string>;
	/** Writes a LUT file for a CSS filter and returns its path (for grades that must be applied in RGB). */
	lutFor: (cssFilter: string) => string;
};

export type Graph = {inputArgs: string[]; filters: string[]; label: string; totalFrames: number; inputCount: number};

/** RGB → the encoder's colours: BT.709 at TV range, as Remotion's JPEG → yuv420p path does. */
export const TO_YUV = 'scale=out_color_matrix=bt709:out_range=tv';

const num = (v: number) => Number(v.toFixed(6)).toString();

export const footageGraph = ({plan, width: W, height: H, publicDir, titleCards, lutFor}: GraphInput): Graph => {
	const {entries, totalFrames} = computeShotTimeline({shots: plan.shots, fps: plan.fps, durationMs: plan.durationMs});
	const clips = new Map(plan.clips.map((c) => [c.id, c]));
	const moods = new Map(plan.scenes.map((s) => [s.id, s.mood]));
	const inputArgs: string[] = [];
	const filters: string[] = [];
	entries.forEach((e, k) => {
		const shot = plan.shots[e.shotIndex];
		const d = e.durationInFrames;
		if (shot.kind === 'title') {
			// A title card is one still for the whole shot; its grade and layout are in the picture.
			const still = titleCards.get(e.shotIndex);
			if (!still) throw new Error(`shot ${e.shotIndex} is a title card with no picture`);
			// Decoded and converted once, then repeated by reference. -framerate: xfade needs
			// both sides at the same rate, and a link takes its rate from the input.
			inputArgs.push('-framerate', String(plan.fps), '-i', still);
			filters.push(`[${k}:v]${TO_YUV},format=yuv420p,loop=loop=${d - 1}:size=1,setpts=N/${plan.fps}/TB,setsar=1,settb=1/${plan.fps}[v${k}]`);
			return;
		}
		const clip = clips.get(shot.clipId);
		if (!clip) throw new Error(`shot ${e.shotIndex} uses clip "${shot.clipId}", which is not in plan.clips`);
		// Shot.tsx trims whole frames (trimBefore); seeking a quarter frame before that frame
		// keeps it first whatever the rounding, and PTS-STARTPTS puts it at 0.
		const trimFrames = msToFrame(shot.clipInMs, plan.fps);
		const seek = trimFrames > 0 ? ['-ss', num((trimFrames - 0.25) / plan.fps)] : [];
		// Loops restart at the clip's start, as Shot.tsx's later segments do.
		inputArgs.push(...seek, '-stream_loop', '-1', '-i', path.join(publicDir, clip.src));
		// Frame n of the shot is filter frame n+1: see the placeholder below.
		const p = `(n-1)/${Math.max(1, d - 1)}`;
		const z = `(${num(shot.zoomFrom)}+${num(shot.zoomTo - shot.zoomFrom)}*${p})`;
		// The plan's size is the display size (rotation applied), which is what ffmpeg decodes.
		const cover = Math.max(W / clip.width, H / clip.height);
		const dir = k % 2 === 0 ? 1 : -1;
		// CSS `scale(s) translateX(t%)` about the centre moves the footage s·t·W/100 px; kenBurns makes that this.
		const shift = `${dir * PAN_SHARE}*(${z}-1)/2*${W}*(2*${p}-1)`;
		const grade = gradeFilter(moods.get(shot.sceneId) ?? null, plan.style ?? 'cinematic');
		const yuvGrade = grade ? yuvGradeFilter(grade) : null;
		// A grade that mixes planes more than yuv tables can follow is applied as the CSS it is, in RGB.
		const rgbGrade = grade && !yuvGrade ? grade : null;
		const scaledW = `round(${num(clip.width * cover)}*${z})`;
		const scaledH = `round(${num(clip.height * cover)}*${z})`;
		const zMax = Math.max(shot.zoomFrom, shot.zoomTo);
		filters.push(
			`[${k}:v]setpts=PTS-STARTPTS,fps=${plan.fps},trim=end_frame=${d},setpts=PTS-STARTPTS,` +
				// Filters size their links from the first frame, and crop clamps its offsets to
				// that size. A placeholder first frame at the largest zoom sizes the link for every
				// later, smaller frame; it is dropped after the crop.
				// Bilinear: as close to Chrome's picture as bicubic on the bench (39.3 dB both) and cheaper.
				`tpad=start=1,` +
				`scale=w='if(eq(n,0),${Math.ceil(clip.width * cover * zMax) + 2},${scaledW})':h='if(eq(n,0),${Math.ceil(clip.height * cover * zMax) + 2},${scaledH})':eval=frame:flags=bilinear:` +
				(rgbGrade ? 'in_color_matrix=bt709,format=gbrp,' : 'in_color_matrix=bt709:out_color_matrix=bt709:out_range=tv,format=yuv420p,') +
				// exact: odd offsets too on subsampled yuv, or the drift would step 2 px at a time.
				`crop=${W}:${H}:exact=1:x='(${scaledW}-${W})/2-${shift}':y='(${scaledH}-${H})/2',trim=start_frame=1,setpts=PTS-STARTPTS,` +
				(yuvGrade ? `${yuvGrade},` : '') +
				(rgbGrade ? `lut3d=file='${lutFor(rgbGrade)}':interp=tetrahedral,${TO_YUV},format=yuv420p,` : '') +
				`setsar=1,settb=1/${plan.fps}[v${k}]`,
		);
	});
	// Hard cuts concatenate; fades and slides overlap by the transition, as a TransitionSeries does.
	let label = 'v0';
	let lengthFrames = entries[0].durationInFrames;
	entries.slice(1).forEach((e, i) => {
		const k = i + 1;
		const t = plan.shots[e.shotIndex].transitionIn;
		const out = `x${k}`;
		if (t.kind === 'cut' || e.transitionInFrames === 0) {
			filters.push(`[${label}][v${k}]concat=n=2:v=1:a=0,settb=1/${plan.fps}[${out}]`);
		} else {
			const kind = t.kind === 'fade' ? 'fade' : SLIDES[t.direction ?? 'from-right'];
			const offset = (lengthFrames - e.transitionInFrames) / plan.fps;
			filters.push(`[${label}][v${k}]xfade=transition=${kind}:duration=${num(e.transitionInFrames / plan.fps)}:offset=${num(offset)}[${out}]`);
		}
		lengthFrames += e.durationInFrames - e.transitionInFrames;
		label = out;
	});
	return {inputArgs, filters, label, totalFrames, inputCount: entries.length};
};
