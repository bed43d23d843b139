// Pronunciations for words the acoustic model's dictionary (CMUdict) lacks:
// espeak-ng reads any word (names, brands, "2025"), and its IPA phonemes map
// onto the model's ARPAbet set (model/en-us/phoneset.json).
import {engineSynth} from '../tts/espeak-engine';

const IPA_TO_ARPABET: Record<string, string> = {
	ə: 'AH', ɐ: 'AH', ʌ: 'AH', ɚ: 'ER', ɜː: 'ER', ɜ: 'ER', ɝ: 'ER', ɪ: 'IH', ᵻ: 'IH', i: 'IY', iː: 'IY',
	ɛ: 'EH', e: 'EH', æ: 'AE', a: 'AE', ɑ: 'AA', ɑː: 'AA', ɒ: 'AA', ɔ: 'AO', ɔː: 'AO', o: 'OW', oː: 'AO',
	ʊ: 'UH', u: 'UW', uː: 'UW', eɪ: 'EY', aɪ: 'AY', ɔɪ: 'OY', aʊ: 'AW', oʊ: 'OW', əʊ: 'OW',
	iə: 'IY AH', ɪə: 'IH R', eə: 'EH R', ʊə: 'UH R', aɪə: 'AY ER', aɪɚ: 'AY ER', aʊɚ: 'AW ER',
	ɑːɹ: 'AA R', ɔːɹ: 'AO R', oːɹ: 'AO R', ɛɹ: 'EH R', ɪɹ: 'IH R', ʊɹ: 'UH R', əl: 'AH L',
	'n̩': 'AH N', 'l̩': 'AH L', 'm̩': 'AH M',
	p: 'P', b: 'B', t: 'T', d: 'D', k: 'K', ɡ: 'G', g: 'G', ɾ: 'D', ʔ: '', f: 'F', v: 'V', θ: 'TH', ð: 'DH',
	s: 'S', z: 'Z', ʃ: 'SH', ʒ: 'ZH', h: 'HH', x: 'HH', tʃ: 'CH', dʒ: 'JH', m: 'M', n: 'N', ŋ: 'NG',
	l: 'L', ɫ: 'L', ɹ: 'R', r: 'R', j: 'Y', w: 'W', ʍ: 'W',
};
const LONGEST_SYMBOL = Math.max(...Object.keys(IPA_TO_ARPABET).map((k) => [...k].length));

/** IPA (one phoneme or several, stress marks allowed) → ARPAbet phones; unknown symbols are skipped. */
export const ipaToArpabet = (ipa: string): string[] => {
	const chars = [...ipa.normalize('NFC').replace(/[ˈˌ'.\-\s]|\p{Cc}/gu, '')];
	const phones: string[] = [];
	let i = 0;
	while (i < chars.length) {
		let matched = 0;
		for (let len = Math.min(LONGEST_SYMBOL, chars.length - i); len > 0; len--) {
			const arpabet = IPA_TO_ARPABET[chars.slice(i, i + len).join('')];
			if (arpabet === undefined) continue;
			if (arpabet) phones.push(...arpabet.split(' '));
			matched = len;
			break;
		}
		i += matched || 1;
	}
	return phones;
};

const LETTERS: Record<string, string> = {
	a: 'AE', b: 'B', c: 'K', d: 'D', e: 'EH', f: 'F', g: 'G', h: 'HH', i: 'IH', j: 'JH', k: 'K', l: 'L', m: 'M',
	n: 'N', o: 'AA', p: 'P', q: 'K', r: 'R', s: 'S', t: 'T', u: 'AH', v: 'V', w: 'W', x: 'K S', y: 'Y', z: 'Z',
};

/** Last resort when espeak is unavailable: one phone per letter, close enough to hold the word's place. */
export const spellOut = (word: string): string[] => {
	const phones = [...word.toLowerCase()].flatMap((c) => (LETTERS[c] ? LETTERS[c].split(' ') : []));
	return phones.length ? phones : ['AH'];
};

const escapeSsml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * ARPAbet phones for each word, read by espeak-ng (en-us) in one synthesis.
 * Words are spoken as separate sentences; espeak's word events (1-based code
 * point positions) tell which phonemes belong to which word.
 */
export const pronounceWithEspeak = async (words: string[]): Promise<Map<string, string[]>> => {
	const result = new Map<string, string[]>();
	if (words.length === 0) return result;
	const starts: number[] = [];
	let ssml = '';
	for (const word of words) {
		starts.push([...ssml].length + 1);
		ssml += escapeSsml(word) + '.\n';
	}
	const speech = await engineSynth({ssml, voice: 'en-us', rateWpm: 450, pitch: 50});
	const phones: string[][] = words.map(() => []);
	let current = -1;
	for (const event of speech?.events ?? []) {
		if (event.type === 'word') current = starts.filter((s) => s <= event.textPosition).length - 1;
		else if (event.type === 'phoneme' && current >= 0 && typeof event.id === 'string') phones[current].push(...ipaToArpabet(event.id));
	}
	words.forEach((word, i) => result.set(word, phones[i].length ? phones[i] : spellOut(word)));
	return result;
};
