// Script + clip folder → Plan: a short list of stage calls, each timed.
import path from 'node:path';
import {ASPECTS, PLAN_VERSION, parsePlan, type Plan, type Report, type Word} from '../../plan';
import {enforceSizeBound} from '../cache/evict';
import {createCacheStore} from '../cache/store';
import {loadLibrary} from '../clips/library';
import {linkClip} from '../clips/link';
import {planCuts, type TimedScene} from '../director/cuts';
import {sceneMood} from '../director/mood';
import {styleShots} from '../director/style';
import {matchShots} from '../match/match-shots';
import {installNetworkGuard} from '../report/network-guard';
import {createStageTimer, peakRssMb} from '../report/stages';
import {keywords, tokenize} from '../script/nlp';
import {readScript} from '../script/read';
import {narrate, prepareNarration} from '../tts/narrate';
import {narrationVoice, voiceLabel} from '../tts/narration-voice';
import {voiceOver} from '../tts/voiceover';
import {mixMusic} from '../audio/music';
import {defaultCaptionStyle} from './caption-style';
import {PlanOptionsSchema, type PlanOptionsInput} from './options';
import {planKey, readCachedPlan, writeCachedPlan} from './plan-cache';
import {cachedScenes} from './scenes-cache';

export type MakePlanInput = {scriptFile: string; clipsDir: string; options?: PlanOptionsInput; onWarning?: (m: string) => void};

export const makePlan = async ({scriptFile, clipsDir, options: rawOptions, onWarning}: MakePlanInput): Promise<Plan> => {
	const options = PlanOptionsSchema.parse(rawOptions ?? {});
	const network = installNetworkGuard({allowNetwork: options.allowNetwork});
	const timer = createStageTimer();
	const warnings: string[] = [];
	const warn = (m: string) => {
		warnings.push(m);
		onWarning?.(m);
	};

	const cache = createCacheStore();
	const script = await timer.run('script', () => readScript(scriptFile));
	const scenes = await timer.run('scenes', () => cachedScenes(cache, script));
	const voice = await narrationVoice(options);
	if (!options.voiceover) prepareNarration({scenes, voice}); // warms the engine up while clips load
	// Clips before narration: a wrong folder fails in milliseconds, not after synthesis.
	const library = await timer.run('clips', () => loadLibrary({dir: clipsDir, warn, cache}));
	const voiceover = options.voiceover;
	const spoken = voiceover
		? await timer.run('alignment', () => voiceOver({file: voiceover, scenes, warn, cache}))
		: await timer.run('narration', () => narrate({scenes, voice, warn, cache}));
	const music = options.music;
	const narration = music ? {...spoken, src: (await timer.run('music', () => mixMusic({narrationSrc: spoken.src, musicFile: music, cache}))).src} : spoken;
	const title = path.basename(scriptFile).replace(/\.[^.]+$/, '');
	const narrationRef = voiceover
		? {src: narration.src, durationMs: narration.durationMs, engine: 'voice-over', voice: path.basename(voiceover)}
		: {src: narration.src, durationMs: narration.durationMs, engine: voice.engine === 'espeak' ? 'espeak-ng' : 'piper', voice: voiceLabel(voice)};
	const key = planKey({title, options, scenes, library, narration: {...narrationRef, sceneWords: narration.sceneWords}});
	const report = async (plan: Plan): Promise<Plan> => {
		// Evicting after this run's writes: its own entries are the newest, so they go last.
		if (cache.wrote()) await enforceSizeBound();
		plan.report = runReport({plan, stagesMs: timer.stagesMs, clipsInLibrary: library.length, networkCalls: network.calls(), warnings, cache: cache.counts});
		return plan;
	};
	const cachedPlan = await timer.run('plan', () => readCachedPlan(cache, key));
	if (cachedPlan) return report(cachedPlan);

	const words: Word[] = [];
	const timed: (TimedScene & {text: string; startMs: number; endMs: number; terms: string[]})[] = [];
	await timer.run('director', () => {
		scenes.forEach((scene, i) => {
			const wordStart = words.length;
			scene.words.forEach((w, j) => {
				const t = narration.sceneWords[i][j];
				words.push({text: (words.length ? ' ' : '') + w.text, startMs: t.startMs, endMs: t.endMs, timestampMs: t.startMs, confidence: 1});
			});
			const tokens = tokenize(scene.text);
			timed.push({
				id: scene.id,
				paragraph: scene.paragraph,
				text: scene.text,
				wordStart,
				wordEnd: words.length,
				startMs: words[wordStart].startMs,
				endMs: words[words.length - 1].endMs,
				mood: sceneMood({text: scene.text, tokens}),
				terms: keywords(tokens),
			});
		});
	});
	const slots = await timer.run('director', () => planCuts({scenes: timed, words, durationMs: narration.durationMs}));
	const styles = await timer.run('director', () => styleShots({slots, scenes: timed}));

	const assignments = await timer.run('match', () =>
		matchShots({slots, words, sceneTerms: new Map(timed.map((s) => [s.id, s.terms])), library}),
	);

	const plan = await timer.run('assemble', async () => {
		const byId = new Map(library.map((c) => [c.id, c]));
		const usedIds = [...new Set(assignments.map((a) => a.clipId))];
		const clips = await Promise.all(
			usedIds.map(async (id) => {
				const c = byId.get(id)!;
				return {id, src: await linkClip(c.file), path: c.file, description: c.description, durationMs: c.durationMs, width: c.width, height: c.height, fps: c.fps};
			}),
		);
		const size = ASPECTS[options.aspect];
		return parsePlan({
			version: PLAN_VERSION,
			title,
			aspect: options.aspect,
			fps: options.fps,
			width: size.width,
			height: size.height,
			durationMs: narration.durationMs,
			narration: narrationRef,
			words,
			scenes: timed.map(({terms: _terms, ...s}) => s),
			clips,
			shots: slots.map((slot, i) => {
				const a = assignments[i];
				const clip = byId.get(a.clipId)!;
				const {why, ...style} = styles[i];
				return {
					...slot,
					clipId: a.clipId,
					clipInMs: clipInPoint(clip.durationMs, slot.endMs - slot.startMs, i),
					...style,
					score: a.score,
					reasons: [...a.reasons.map((r) => `matched "${r}"`), why],
				};
			}),
			captionStyle: defaultCaptionStyle,
			report: {stagesMs: {}, words: 0, scenes: 0, shots: 0, clipsInLibrary: 0, networkCalls: 0, peakRssMb: 0, warnings: []},
		}, 'new plan');
	});
	await writeCachedPlan(cache, key, plan);
	return report(plan);
};

const runReport = ({plan, stagesMs, clipsInLibrary, networkCalls, warnings, cache}: Omit<Report, 'words' | 'scenes' | 'shots' | 'peakRssMb'> & {plan: Plan}): Report => ({
	stagesMs,
	words: plan.words.length,
	scenes: plan.scenes.length,
	shots: plan.shots.length,
	clipsInLibrary,
	networkCalls,
	peakRssMb: peakRssMb(),
	warnings,
	cache,
});

/** Start a little into the clip (clip openings are often static), varied per shot, leaving room for the shot. */
const clipInPoint = (clipMs: number, shotMs: number, shotIndex: number): number => {
	const spare = clipMs - shotMs;
	if (spare <= 0) return 0;
	return Math.round(spare * [0.15, 0.5, 0.3, 0.7][shotIndex % 4]);
};
