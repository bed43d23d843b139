// Script + clip folder → Plan: a short list of stage calls, each timed.
import path from 'node:path';
import type {Plan, Report} from '../../plan';
import {enforceSizeBound} from '../cache/evict';
import {createCacheStore} from '../cache/store';
import {loadLibrary} from '../clips/library';
import {planCuts} from '../director/cuts';
import {narrationPauses, timingPauses} from '../director/pauses';
import {PUBLIC_DIR} from '../cache/dirs';
import {styleShots} from '../director/style';
import {takeVectorCacheBuild} from '../embed/word-vectors';
import {createMatcher} from '../match/create-matcher';
import {MOOD_LABELS, MOOD_TEXT} from '../match/fallback';
import {matchShots} from '../match/match-shots';
import {installNetworkGuard} from '../report/network-guard';
import {createStageTimer, PARALLEL_SUFFIX, peakRssMb} from '../report/stages';
import {readScript} from '../script/read';
import {primeTokenCache} from '../script/tokens-cache';
import {narrate, prepareEngine, prepareNarration} from '../tts/narrate';
import {narrationVoice, voiceLabel} from '../tts/narration-voice';
import {voiceOver} from '../tts/voiceover';
import {mixMusic} from '../audio/music';
import {assemblePlan} from './assemble-plan';
import {PlanOptionsSchema, type PlanOptionsInput} from './options';
import {planKey, readCachedPlans, writeCachedPlans} from './plan-cache';
import {cachedScenes, scenesCached} from './scenes-cache';
import {timeScenes} from './timed-scenes';

export type MakePlanInput = {
	scriptFile: string;
	clipsDir: string;
	options?: PlanOptionsInput;
	onWarning?: (m: string) => void;
	/** Read a stored plan for the same inputs. @default true (false: plan again, e.g. to time the director and matcher) */
	reusePlan?: boolean;
};

/** The plan for a script; with `variants` > 1, the best of several distinct cuts (see makePlans). */
export const makePlan = async (input: MakePlanInput): Promise<Plan> => (await makePlans(input))[0];

/** One plan per variant: the same narration, director and shots, different clip choices. */
export const makePlans = async ({scriptFile, clipsDir, options: rawOptions, onWarning, reusePlan = true}: MakePlanInput): Promise<Plan[]> => {
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
	const voice = await narrationVoice(options);
	// New or edited text (no stored scenes) will be spoken: the engine starts now, beside the NLP pass.
	if (!options.voiceover && !scenesCached(script)) prepareEngine(voice);
	const scenes = await timer.run('scenes', () => cachedScenes(cache, script));
	const voiceover = options.voiceover;
	const speaking = !voiceover && prepareNarration({scenes, voice});
	// The engine speaks on its own thread while this one scans the clip folder. A wrong folder still fails in
	// milliseconds, and stops the narration (what was spoken stays cached). The narration's warnings wait for
	// the scan's, so they come in the same order as when one stage followed the other.
	const stopNarration = new AbortController();
	let heldWarnings: string[] | null = [];
	const narrationWarn = (m: string) => (heldWarnings ? heldWarnings.push(m) : warn(m));
	const narrating = voiceover ? null : timer.run('narration', () => narrate({scenes, voice, warn: narrationWarn, cache, signal: stopNarration.signal}));
	narrating?.catch(() => {}); // its failure is thrown where it is awaited, below
	const scanClips = () => loadLibrary({dir: clipsDir, warn, cache});
	const library = await (narrating ? timer.beside('clips', scanClips, narrating) : timer.run('clips', scanClips)).catch((error: unknown) => {
		stopNarration.abort();
		throw error;
	});
	const held = heldWarnings;
	heldWarnings = null;
	held.forEach(warn);
	// Loads (and the first time builds) the word vectors: its own stage, so the run report shows it.
	const loadMatcher = (stage: string, texts: string[] = []) =>
		timer.run(stage, async () => {
			const matcher = await createMatcher({clips: library, options, cache});
			await matcher.prepare?.(texts);
			return matcher;
		});
	// While the engine speaks on its thread, this one mostly waits: the matcher loads beside it, as a stage
	// whose time overlaps narration's (PARALLEL_SUFFIX: not added to the total), and works out what scoring the
	// scenes and moods needs without timings. Not otherwise: a stored plan would not need it at all.
	const early = speaking ? loadMatcher(`models${PARALLEL_SUFFIX}`, [...scenes.map((s) => s.text), ...MOOD_LABELS.map((l) => MOOD_TEXT[l])]) : null;
	early?.catch(() => {}); // its failure is reported where it is awaited, after narration
	// (No narration means a voice-over was given.)
	const spoken = await (narrating ?? timer.run('alignment', () => voiceOver({file: String(voiceover), scenes, warn, cache})));
	const music = options.music;
	const narration = music ? {...spoken, src: (await timer.run('music', () => mixMusic({narrationSrc: spoken.src, musicFile: music, cache}))).src} : spoken;
	const title = path.basename(scriptFile).replace(/\.[^.]+$/, '');
	const narrationRef = voiceover
		? {src: narration.src, durationMs: narration.durationMs, engine: 'voice-over', voice: path.basename(voiceover)}
		: {src: narration.src, durationMs: narration.durationMs, engine: voice.engine === 'espeak' ? 'espeak-ng' : 'piper', voice: voiceLabel(voice)};
	const key = planKey({title, options, scenes, library, narration: {...narrationRef, sceneWords: narration.sceneWords}});
	const report = async (plans: Plan[]): Promise<Plan[]> => {
		// Evicting after this run's writes: its own entries are the newest, so they go last.
		if (cache.wrote()) await enforceSizeBound();
		for (const plan of plans) plan.report = runReport({plan, stagesMs: timer.stagesMs, clipsInLibrary: library.length, networkCalls: network.calls(), warnings, cache: cache.counts});
		return plans;
	};
	const cachedPlans = reusePlan ? await timer.run('plan', () => readCachedPlans(cache, key)) : null;
	if (cachedPlans) return report(cachedPlans);

	const tokens = await timer.run('scenes', () => primeTokenCache({cache, sceneTexts: scenes.map((s) => s.text)}));
	const {words, timed} = await timer.run('director', () => timeScenes({scenes, sceneWords: narration.sceneWords}));
	// Heard in the voice alone (not the music mix): cuts go where the speaker pauses. espeak's timings are the
	// engine's own, so its pauses are read off them; a voice-over or Piper voice is listened to (VAD).
	const exactTimings = !voiceover && voice.engine === 'espeak';
	const pauses = await timer.run('pauses', () =>
		exactTimings ? timingPauses({sceneWords: spoken.sceneWords, durationMs: spoken.durationMs}) : narrationPauses({file: path.join(PUBLIC_DIR, spoken.src), cache}),
	);
	const slots = await timer.run('director', () => planCuts({scenes: timed, words, durationMs: narration.durationMs, pauses}));
	const styles = await timer.run('director', () => styleShots({slots, scenes: timed}));

	// Begun beside narration, what is left of it after the director is waited for as 'models' (in the total;
	// about nothing, unless the one-time vector conversion outlasts the narration).
	const matcher = await (early ? timer.run('models', () => early) : loadMatcher('models'));
	const built = takeVectorCacheBuild();
	// The one-time conversion gets its own line, so a report shows it happened (and a later one shows it did not).
	if (built?.built) {
		const beside = early ? PARALLEL_SUFFIX : '';
		timer.stagesMs[`models${beside}`] -= built.ms;
		timer.stagesMs[`vector-cache-build${beside}`] = built.ms;
	}
	const cuts = await timer.run('match', () =>
		matchShots({
			slots,
			words,
			scenes: timed,
			framings: styles.map((s) => s.framing),
			clipDurationsMs: new Map(library.map((c) => [c.id, c.durationMs])),
			matcher,
			variants: options.variants,
			fallback: options.fallback,
		}),
	);
	const shared = {scriptFile, options, narration: narrationRef, words, scenes: timed, slots, styles, library};
	const plans = await timer.run('assemble', () => Promise.all(cuts.map((cut) => assemblePlan(shared, cut))));
	await tokens.save();
	await writeCachedPlans(cache, key, plans);
	return report(plans);
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
