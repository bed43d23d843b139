// Scores every clip for every shot and picks the cut. A shot inside a long
// sentence is judged mostly by its own words ("…the rain keeps falling" wants
// rain, even if the sentence began with city lights), partly by the sentence.
import type {Word} from '../../plan';
import type {ShotSlot} from '../director/cuts';
import type {LibraryClip} from '../clips/library';
import {keywords, tokenize} from '../script/nlp';
import {assignClips, type Assignment} from './assign';
import {clipTerms, inverseDocumentFrequency, scoreClips, type Scored} from './keywords';

const OWN_WORDS_WEIGHT = 0.6;

export const matchShots = ({slots, words, sceneTerms, library}: {slots: ShotSlot[]; words: Word[]; sceneTerms: Map<number, string[]>; library: LibraryClip[]}): Assignment[] => {
	const terms = library.map(clipTerms);
	const idf = inverseDocumentFrequency(terms);
	const shotScores = slots.map((slot): Scored[] => {
		const scene = sceneTerms.get(slot.sceneId) ?? [];
		const ownText = words
			.filter((w) => w.startMs >= slot.startMs && w.startMs < slot.endMs)
			.map((w) => w.text)
			.join('');
		const own = scoreClips({sceneTerms: keywords(tokenize(ownText)), clips: terms, idf});
		const whole = scoreClips({sceneTerms: scene, clips: terms, idf});
		return own.map((o, i) => ({
			clipId: o.clipId,
			score: Math.round((OWN_WORDS_WEIGHT * o.score + (1 - OWN_WORDS_WEIGHT) * whole[i].score) * 1000) / 1000,
			reasons: [...new Set([...o.reasons, ...whole[i].reasons])],
		}));
	});
	return assignClips({shotScores, clipIds: library.map((c) => c.id)});
};
