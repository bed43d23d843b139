// The floor: the same edit as a plan (cuts, cover-scaling, Ken Burns zoom,
// grade, fades and slides, paged captions with the spoken word, narration,
// H.264 + AAC) done by one ffmpeg filter graph. What a render could cost if
// the frames never left ffmpeg.
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {PUBLIC_DIR} from '../src/analysis/cache/dirs';
import {makeCaptionPages, sceneBreaks} from '../src/compositions/captions/pages';
import {computeShotTimeline} from '../src/compositions/video/timeline';
import {ASPECTS, type Mood, type Plan} from '../src/plan';

// Close to the CSS presets in src/compositions/video/grade.ts.
const EQ: Record<Mood['label'], string> = {
	calm: 'saturation=0.92:contrast=0.97:brightness=0.02',
	neutral: 'saturation=1.04:contrast=1.03',
	upbeat: 'saturation=1.18:contrast=1.06:brightness=0.02',
	intense: 'saturation=1.12:contrast=1.16:brightness=-0.02',
	somber: 'saturation=0.68:contrast=1.08:brightness=-0.05',
};

const XFADE = {fade: 'fade', slide: 'slideleft'} as const;

export type FloorInput = {plan: Plan; out: string; workDir: string; fontFile: string; x264Preset: string; crf: number};

const shotFilters = (plan: Plan, W: number, H: number) => {
	const {entries, totalFrames} = computeShotTimeline({shots: plan.shots, fps: plan.fps, durationMs: plan.durationMs});
	const moods = new Map(plan.scenes.map((s) => [s.id, s.mood.label]));
	const filters = entries.map((e, k) => {
		const shot = plan.shots[e.shotIndex];
		const d = e.durationInFrames;
		const zoom = `${shot.zoomFrom}+${shot.zoomTo - shot.zoomFrom}*on/${Math.max(1, d - 1)}`;
		return `[${k}:v]fps=${plan.fps},trim=end_frame=${d},setpts=PTS-STARTPTS,scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},setsar=1,` +
			`zoompan=z='${zoom}':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=${W}x${H}:fps=${plan.fps},eq=${EQ[moods.get(shot.sceneId) ?? 'neutral']},format=yuv420p,settb=1/${plan.fps}[v${k}]`;
	});
	// xfade needs both inputs on one time base; concat's output is not.
	// Chain: xfade where the plan fades or slides, concat at hard cuts.
	let label = 'v0';
	let lengthFrames = entries[0].durationInFrames;
	entries.slice(1).forEach((e, i) => {
		const k = i + 1;
		const kind = plan.shots[e.shotIndex].transitionIn.kind;
		const out = `x${k}`;
		if (kind === 'cut' || e.transitionInFrames === 0) {
			filters.push(`[${label}][v${k}]concat=n=2:v=1:a=0,settb=1/${plan.fps}[${out}]`);
		} else {
			const offset = (lengthFrames - e.transitionInFrames) / plan.fps;
			filters.push(`[${label}][v${k}]xfade=transition=${XFADE[kind]}:duration=${e.transitionInFrames / plan.fps}:offset=${offset}[${out}]`);
		}
		lengthFrames += e.durationInFrames - e.transitionInFrames;
		label = out;
	});
	return {filters, label, inputs: entries.map((e) => plan.shots[e.shotIndex]), totalFrames};
};

const captionFilters = async ({plan, W, H, workDir, fontFile}: {plan: Plan; W: number; H: number; workDir: string; fontFile: string}) => {
	const pages = makeCaptionPages({words: plan.words, combineWithinMs: plan.captionStyle.combineWithinMs, breakAfter: sceneBreaks(plan.scenes)});
	const size = Math.round(plan.captionStyle.fontSizePx * (Math.min(W, H) / 1080));
	const y = Math.round(H * (1 - plan.captionStyle.bottomFraction));
	const draws: string[] = [];
	await mkdir(workDir, {recursive: true});
	for (const [p, page] of pages.entries()) {
		const file = path.join(workDir, `page-${p}.txt`);
		await writeFile(file, page.tokens.map((t) => t.text.trim()).join(' '));
		draws.push(`drawtext=fontfile=${fontFile}:textfile=${file}:fontsize=${size}:fontcolor=white:borderw=4:bordercolor=black:x=(w-tw)/2:y=${y}-th/2:enable='between(t,${page.startMs / 1000},${page.endMs / 1000})'`);
		for (const [t, token] of page.tokens.entries()) {
			const wordFile = path.join(workDir, `page-${p}-${t}.txt`);
			await writeFile(wordFile, token.text.trim());
			draws.push(`drawtext=fontfile=${fontFile}:textfile=${wordFile}:fontsize=${size}:fontcolor=yellow:borderw=4:bordercolor=black:x=(w-tw)/2:y=${y + size * 1.3}-th/2:enable='between(t,${token.fromMs / 1000},${token.toMs / 1000})'`);
		}
	}
	return draws;
};

/** ffmpeg arguments for the whole edit. */
export const floorArgs = async ({plan, out, workDir, fontFile, x264Preset, crf}: FloorInput): Promise<string[]> => {
	const {width: W, height: H} = ASPECTS[plan.aspect];
	const {filters, label, inputs, totalFrames} = shotFilters(plan, W, H);
	const draws = await captionFilters({plan, W, H, workDir, fontFile});
	filters.push(`[${label}]${draws.join(',')}[vout]`);
	const clipPath = new Map(plan.clips.map((c) => [c.id, c.path]));
	// A title card is a still: a plain colour input costs the floor about what drawing it once would.
	const inputArgs = inputs.flatMap((s) =>
		s.kind === 'title' ? ['-f', 'lavfi', '-i', `color=c=0x1d2433:s=${W}x${H}:r=${plan.fps}`] : ['-ss', String(s.clipInMs / 1000), '-i', clipPath.get(s.clipId)!],
	);
	const audio = path.join(PUBLIC_DIR, plan.narration.src);
	return [
		'-y', ...inputArgs, '-i', audio,
		'-filter_complex', filters.join(';'),
		'-map', '[vout]', '-map', `${inputs.length}:a`,
		'-frames:v', String(totalFrames),
		'-c:v', 'libx264', '-preset', x264Preset, '-crf', String(crf), '-pix_fmt', 'yuv420p',
		'-c:a', 'aac', '-b:a', '320k', '-shortest', '-f', 'mp4', out,
	];
};
