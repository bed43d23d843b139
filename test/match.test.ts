import {describe, expect, test} from 'vitest';
import {assignClips} from '../src/analysis/match/assign';
import {clipTerms, inverseDocumentFrequency, scoreClips} from '../src/analysis/match/keywords';
import {wordsFromFileName} from '../src/analysis/clips/describe';

describe('keyword matcher', () => {
	const clips = [
		clipTerms({id: 'ocean', description: 'Waves rolling onto a sandy beach', tags: ['ocean', 'sea']}),
		clipTerms({id: 'city', description: 'A city skyline at night with lit windows', tags: ['urban']}),
		clipTerms({id: 'forest', description: 'Pine trees in the mist', tags: []}),
	];
	const idf = inverseDocumentFrequency(clips);
	const best = (sentence: string[]) => scoreClips({sceneTerms: sentence, clips, idf}).sort((a, b) => b.score - a.score)[0];

	test('lemmas match across inflections and report the shared words', () => {
		expect(best(['wave', 'crash']).clipId).toBe('ocean');
		expect(best(['skyline', 'window']).reasons).toEqual(['skyline', 'window']);
		expect(best(['tree', 'grow']).reasons).toEqual(['tree']);
	});
	test('a scene sharing nothing scores 0 everywhere', () => {
		expect(scoreClips({sceneTerms: ['spreadsheet'], clips, idf}).every((s) => s.score === 0)).toBe(true);
	});
	test('file names become descriptions without noise tokens', () => {
		expect(wordsFromFileName('/x/OceanWaves_sunset-4k-1080p_final.mp4')).toBe('ocean waves sunset');
	});
});

describe('clip assignment', () => {
	const s = (clipId: string, score: number) => ({clipId, score, reasons: []});
	test('no clip repeats while an unused one matches', () => {
		const shotScores = [
			[s('a', 0.9), s('b', 0.5), s('c', 0)],
			[s('a', 0.9), s('b', 0.5), s('c', 0)],
		];
		expect(assignClips({shotScores, clipIds: ['a', 'b', 'c']}).map((x) => x.clipId)).toEqual(['a', 'b']);
	});
	test('when nothing matches, clips rotate, least recently used first, never back to back', () => {
		const none = [s('a', 0), s('b', 0), s('c', 0)];
		const picks = assignClips({shotScores: [none, none, none, none, none], clipIds: ['a', 'b', 'c']}).map((x) => x.clipId);
		expect(picks).toEqual(['a', 'b', 'c', 'a', 'b']);
	});
	test('a matching clip may return when nothing else matches, but never back to back', () => {
		const only = [s('a', 0.8), s('b', 0), s('c', 0), s('d', 0), s('e', 0)];
		const picks = assignClips({shotScores: [only, only, only, only, only], clipIds: ['a', 'b', 'c', 'd', 'e']}).map((x) => x.clipId);
		expect(picks).toEqual(['a', 'b', 'a', 'c', 'a']);
	});
	test('a much better match beats a weak fresh one; a close one does not', () => {
		const shots = [[s('storm', 0.9), s('fire', 0)], [s('storm', 0), s('fire', 0), s('sky', 0)], [s('storm', 0.8), s('fire', 0.3), s('sky', 0.6)]];
		expect(assignClips({shotScores: shots, clipIds: ['storm', 'fire', 'sky']}).map((x) => x.clipId)).toEqual(['storm', 'fire', 'sky']);
		shots[2] = [s('storm', 0.8), s('fire', 0.3), s('sky', 0.2)];
		expect(assignClips({shotScores: shots, clipIds: ['storm', 'fire', 'sky']}).map((x) => x.clipId)).toEqual(['storm', 'sky', 'storm']);
	});
});

describe('clip assignment saves wanted clips', () => {
	const s = (clipId: string, score: number) => ({clipId, score, reasons: []});
	test('a shot that matches nothing does not spend the clip a later shot needs', () => {
		const shotScores = [
			[s('a', 0), s('b', 0), s('c', 0)],
			[s('a', 0), s('b', 0.7), s('c', 0)],
		];
		expect(assignClips({shotScores, clipIds: ['a', 'b', 'c']}).map((x) => x.clipId)).toEqual(['a', 'b']);
		const reversedIds = assignClips({shotScores, clipIds: ['b', 'a', 'c']}).map((x) => x.clipId);
		expect(reversedIds).toEqual(['a', 'b']);
	});
});

describe('keywords', () => {
	test('a capitalised sentence opener is still lemmatised; stray abbreviations are not terms', async () => {
		const {keywords, tokenize} = await import('../src/analysis/script/nlp');
		expect(keywords(tokenize('Storms always pass.'))).toEqual(['storm', 'pass']);
		expect(keywords(tokenize('Waves roll in.'))).toEqual(['wave', 'roll']);
	});
});
