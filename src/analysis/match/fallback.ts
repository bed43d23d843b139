// What a shot shows when no clip fits its words. Below the threshold a clip
// is more likely wrong than right, so it is worth only a share of what it
// fits (its words, or the scene's mood); a title card is worth what a clip
// exactly at the threshold would be. So, by default ('auto'): a real match
// first, then a clip that suits the mood (not for a neutral scene: see
// moodCarries), then a title card, and a weak literal match last. 'mood' never shows a card (the behaviour before cards);
// 'title' shows a card wherever no clip reaches the threshold.
import type {Mood} from '../../plan';
import {FALLBACK_WEIGHT, TITLE_CARD_ID, type Candidate} from './search';
import type {Scored} from './semantic';

export type FallbackMode = 'auto' | 'mood' | 'title';
export type ShotScene = {id: number; text: string; mood: Mood};

/** Below this relevance a clip is more likely wrong than right; tune with `npm run eval:match`. */
export const FALLBACK_BELOW = 0.2;
/** What footage suits each mood when nothing suits the words. */
export const MOOD_TEXT: Record<Mood['label'], string> = {
	calm: 'calm peaceful quiet still gentle nature landscape sky water',
	neutral: 'everyday life people city landscape sky',
	upbeat: 'happy joy bright celebration sunny energy',
	intense: 'dramatic storm fire speed power action',
	somber: 'sad dark rain fog alone grey',
};
export const MOOD_LABELS = Object.keys(MOOD_TEXT) as Mood['label'][];

export type Worth = {relevance: number; fallback: boolean};

/**
 * Whether a clip can stand in for a scene by its mood. A neutral scene has no
 * mood to carry: its "mood clip" is any clip, which is to say a wrong one (the
 * storm demo showed a city skyline under "A small campfire crackled to life").
 * So in 'auto' a neutral shot nothing fits gets a title card; 'mood' still
 * promises a clip for every shot.
 */
export const moodCarries = (mood: Mood['label'], mode: FallbackMode): boolean => mode !== 'auto' || mood !== 'neutral';

/** A clip's worth for a shot from its match and its fit to the shot's mood (both matcher scores in [0, 1]). */
export const fallbackWorth = ({match, moodFit, mode}: {match: number; moodFit: number; mode: FallbackMode}): Worth => {
	if (match >= FALLBACK_BELOW) return {relevance: match, fallback: false};
	if (mode === 'title') return {relevance: FALLBACK_WEIGHT * match, fallback: false};
	if (mode === 'mood') return {relevance: Math.max(match, FALLBACK_WEIGHT * moodFit), fallback: FALLBACK_WEIGHT * moodFit > match};
	return {relevance: FALLBACK_WEIGHT * Math.max(match, moodFit), fallback: moodFit > match};
};

/** The title card as one more candidate for every shot (none in 'mood' mode). */
export const titleCandidate = (mode: FallbackMode): Candidate | null =>
	mode === 'mood' ? null : {clipId: TITLE_CARD_ID, relevance: mode === 'title' ? FALLBACK_BELOW : FALLBACK_WEIGHT * FALLBACK_BELOW, title: true};

/** Why a shot got a card: nothing fits, or what fits is used too close by. */
export const titleReason = ({best, mood}: {best: Scored; mood: Mood['label']}): string =>
	best.score >= FALLBACK_BELOW
		? `a title card: the clips above the ${FALLBACK_BELOW} match threshold (best "${best.clipId}" ${best.score}) are shown within a few shots`
		: `a title card: no clip reaches the ${FALLBACK_BELOW} match threshold (best "${best.clipId}" ${best.score}) and ${mood === 'neutral' ? 'a neutral scene has no mood a clip could stand in for' : `none left nearby suits the ${mood} mood`}`;
