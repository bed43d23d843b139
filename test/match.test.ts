import {describe, expect, test} from 'vitest';
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

describe('keywords', () => {
	test('a capitalised sentence opener is still lemmatised; stray abbreviations are not terms', async () => {
		const {keywords, tokenize} = await import('../src/analysis/script/nlp');
		expect(keywords(tokenize('Storms always pass.'))).toEqual(['storm', 'pass']);
		expect(keywords(tokenize('Waves roll in.'))).toEqual(['wave', 'roll']);
	});
});
