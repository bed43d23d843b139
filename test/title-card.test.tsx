// Title cards end to end without speech: when they are chosen (fallback.ts),
// what they say (key-phrase.ts), how a plan carries them (plan.ts) and what
// the component draws (TitleCard.tsx, rendered to markup at any frame).
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, test} from 'vitest';
import {keyPhrase, titleText} from '../src/analysis/concepts/key-phrase';
import {FALLBACK_BELOW, fallbackWorth, moodCarries, titleCandidate} from '../src/analysis/match/fallback';
import {searchCut, TITLE_CARD_ID, type SlotOptions} from '../src/analysis/match/search';
import {resolvePlanInput} from '../src/compositions/resolve-input';
import {TitleCard, TITLE_CARD_COLOURS} from '../src/compositions/video/TitleCard';
import {ShotSchema} from '../src/plan';
import {goldenPlan} from './helpers/golden-plan';

describe('when a title card is shown', () => {
	test('auto: a real match beats a clip for the mood, which beats a card, which beats a weak literal match', () => {
		const card = titleCandidate('auto')!.relevance;
		const real = fallbackWorth({match: FALLBACK_BELOW, moodFit: 0, mode: 'auto'}).relevance;
		const moodClip = fallbackWorth({match: 0.05, moodFit: 0.3, mode: 'auto'});
		const weak = fallbackWorth({match: 0.15, moodFit: 0.1, mode: 'auto'});
		expect(moodClip.fallback).toBe(true);
		expect(real).toBeGreaterThan(moodClip.relevance);
		expect(moodClip.relevance).toBeGreaterThan(card);
		expect(card).toBeGreaterThan(weak.relevance);
	});

	test('auto: a neutral scene has no mood for a clip to carry, so a card beats an unrelated clip', () => {
		expect(moodCarries('neutral', 'auto')).toBe(false);
		expect(moodCarries('intense', 'auto')).toBe(true);
		// 'mood' still promises a clip for every shot, neutral ones too.
		expect(moodCarries('neutral', 'mood')).toBe(true);
		const card = titleCandidate('auto')!.relevance;
		const unrelated = fallbackWorth({match: 0.04, moodFit: moodCarries('neutral', 'auto') ? 0.41 : 0, mode: 'auto'});
		expect(unrelated.fallback).toBe(false);
		expect(card).toBeGreaterThan(unrelated.relevance);
	});

	test("'mood' never offers a card; 'title' prefers one to any clip below the threshold", () => {
		expect(titleCandidate('mood')).toBeNull();
		expect(titleCandidate('title')!.relevance).toBeGreaterThan(fallbackWorth({match: 0.19, moodFit: 0.9, mode: 'title'}).relevance);
	});

	test('cards do not count as repeats, but a second card in a row is avoided when a clip is left', () => {
		const scores: Record<string, number> = {only: 0.8, ...Object.fromEntries(Array.from({length: 7}, (_, i) => [`weak${i}`, 0.01]))};
		const slot: SlotOptions = {
			durationMs: 2000,
			candidates: [...Object.entries(scores).map(([clipId, relevance]) => ({clipId, relevance})), {clipId: TITLE_CARD_ID, relevance: 0.1, title: true}],
			framings: ['medium', 'wide'],
		};
		// Eight clips: none may come back within 4 shots. One fits; cards fill in, but not side by side.
		const picks = searchCut({slots: Array.from({length: 5}, () => slot), clipDurationsMs: new Map(Object.keys(scores).map((id) => [id, 10_000]))}).map((c) => c.clipId);
		expect(picks.filter((p) => p === 'only')).toHaveLength(1);
		expect(picks.filter((p) => p === TITLE_CARD_ID).length).toBeGreaterThan(0);
		for (let i = 1; i < picks.length; i++) expect(picks[i] === TITLE_CARD_ID && picks[i - 1] === TITLE_CARD_ID).toBe(false);
	});

	test('a library with nothing for the script: title cards with words from the script; none in mood mode', async () => {
		const clips = [
			{id: 'soup', description: 'A bowl of tomato soup on a kitchen table', tags: ['soup', 'food'], durationMs: 8000},
			{id: 'yarn', description: 'Knitting needles and a ball of wool yarn', tags: ['knitting', 'craft'], durationMs: 8000},
		];
		const script = 'The rocket climbed into the night sky.\n\nAstronauts floated above the blue planet.';
		const plan = await goldenPlan({script, clips});
		const cards = plan.shots.filter((s) => s.clip.startsWith('title: '));
		expect(cards.length).toBeGreaterThan(0);
		for (const card of cards) expect(script).toContain(card.clip.slice('title: '.length));
		const mood = await goldenPlan({script: 'The rocket climbed into the night sky.', clips, fallback: 'mood'});
		expect(mood.shots.every((s) => !s.clip.startsWith('title: '))).toBe(true);
	});
});

describe('what a title card says', () => {
	test.each([
		['Dark clouds swallowed the sky,', 'Dark clouds'],
		['Sales grew 40% to $5 million last year.', '40%'],
		['In winter, the Milky Way rose over New York.', 'Milky Way'],
		['Three hundred people gathered in the square.', 'Three hundred people'],
		["It's a snow-capped mountain.", 'snow-capped mountain'],
		['A tiny old wooden fishing boat drifts.', 'old wooden fishing boat'],
	])('%s → %s', (text, phrase) => expect(keyPhrase(text)).toBe(phrase));

	test('a shot cut mid-sentence with no noun borrows its sentence\'s phrase; a sentence with none shows itself', () => {
		expect(titleText({shotText: 'and we gathered around the', sentence: 'A small campfire crackled, and we gathered around the warm flames.'})).toBe('small campfire');
		expect(titleText({shotText: 'it was over.', sentence: 'Then, as suddenly as it began, it was over.'})).toBe('Then, as suddenly as it began, it was over');
	});
});

const base = {sceneId: 0, startMs: 0, endMs: 1000, framing: 'medium', zoomFrom: 1, zoomTo: 1, transitionIn: {kind: 'cut', durationMs: 0, direction: null}, score: 0, reasons: []};

describe('title cards in the plan and on screen', () => {
	test('a plan shot is a clip (with or without kind, as older plans are) or a title with its text', () => {
		expect(ShotSchema.safeParse({...base, clipId: 'a.mp4', clipInMs: 0}).success).toBe(true);
		expect(ShotSchema.safeParse({...base, kind: 'title', title: {text: 'Dark clouds'}}).success).toBe(true);
		expect(ShotSchema.safeParse({...base, kind: 'title'}).success).toBe(false);
		expect(ShotSchema.safeParse({...base, kind: 'title', title: {text: ''}}).success).toBe(false);
	});

	test('a title shot needs no clip in plan.clips; a clip shot still does', () => {
		const plan = {
			version: 1, title: 't', aspect: '9:16', fps: 30, width: 1080, height: 1920, durationMs: 1000,
			narration: {src: 'reel/n.wav', durationMs: 1000, engine: 'espeak-ng', voice: 'en-us'},
			words: [{text: 'Hi', startMs: 0, endMs: 500, timestampMs: 0, confidence: 1}],
			scenes: [{id: 0, text: 'Hi', paragraph: 0, startMs: 0, endMs: 500, wordStart: 0, wordEnd: 1, mood: {valence: 0, arousal: 0.5, label: 'neutral'}}],
			clips: [],
			shots: [{...base, kind: 'title', title: {text: 'Hi'}}],
			captionStyle: {fontFamily: 'Montserrat', fontWeight: 800, fontSizePx: 90, color: '#fff', highlightColor: '#ff0', strokeColor: '#000', strokeWidthPx: 8, bottomFraction: 0.2, combineWithinMs: 1000},
			report: {stagesMs: {}, words: 1, scenes: 1, shots: 1, clipsInLibrary: 0, networkCalls: 0, peakRssMb: 0, warnings: []},
		};
		expect(resolvePlanInput({props: plan as never, source: 'test'}).kind).toBe('plan');
		const withClip = {...plan, shots: [{...base, clipId: 'gone.mp4', clipInMs: 0}]};
		expect(resolvePlanInput({props: withClip as never, source: 'test'})).toMatchObject({kind: 'invalid', message: expect.stringContaining('gone.mp4')});
	});

	test('the card shows its words on the mood colours, scaled to the video, the same at every frame', () => {
		const mood = {valence: -0.5, arousal: 0.8, label: 'intense' as const};
		const html = renderToStaticMarkup(<TitleCard text="Dark clouds" mood={mood} style="cinematic" width={540} height={960} />);
		expect(html).toContain('Dark clouds');
		expect(html).toContain(TITLE_CARD_COLOURS.intense.from);
		expect(html).toContain('font-size:56px'); // 112 px at 1080 wide, halved
		// No frame hook: rendering outside a composition would throw if it read the current frame.
		const calm = renderToStaticMarkup(<TitleCard text="Dark clouds" mood={{...mood, label: 'calm'}} style="cinematic" width={540} height={960} />);
		expect(calm).toContain(TITLE_CARD_COLOURS.calm.from);
	});
});
