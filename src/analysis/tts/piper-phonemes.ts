// Text → the phoneme ids a Piper voice reads, the way Piper builds them:
// espeak-ng IPA per clause, the clause's punctuation kept as a symbol, split
// into Unicode code points (NFD, so accents are symbols of their own), known
// vowel clusters merged, then `^` + `_` + (id + `_`)… + `$`. Pure, so the
// rules are tested against known ids without a model.
import {BOS, EOS, PAD, type PiperConfig} from './piper-config';

/** Punctuation espeak ends a clause on, as Piper's phonemiser names it. */
const CLAUSE_END = /([.?!,:;]+)["')\]»”’]*(?=\s|$)/g;
/** After these Piper adds a space: the clause goes on in the same sentence. */
const MID_SENTENCE = new Set([',', ':', ';']);

/**
 * espeak_TextToPhonemes through the glue drops the clause terminators that
 * Piper's own bridge reads from espeak; they are taken back from the text. When
 * espeak's clauses and the text's punctuation do not pair up one to one (an
 * abbreviation such as "e.g."), inner clauses get "," and the last one the
 * text's final mark, which keeps the intonation that matters most: the ending.
 */
export const clauseTerminators = (text: string, clauseCount: number): string[] => {
	const marks = [...text.matchAll(CLAUSE_END)].map((m) => m[1][m[1].length - 1]);
	const finalMark = /[.?!,:;]["')\]»”’]*\s*$/.test(text) ? marks[marks.length - 1] : '';
	if (marks.length === clauseCount) return marks;
	if (marks.length === clauseCount - 1 && finalMark === '') return [...marks, ''];
	return Array.from({length: clauseCount}, (_, i) => (i === clauseCount - 1 ? finalMark : ','));
};

/** "h_ə_l_ˈoʊ w_ˈɜː_l_d | ð_ɪ_s" → [["həlˈoʊ", "wˈɜːld"], ["ðɪs"]] (espeak's "_" only separates phonemes). */
export const espeakClauses = (espeak: string): string[][] =>
	espeak
		.split('|')
		.map((clause) => clause.split(/\s+/).map((word) => word.replace(/_/g, '')).filter((word) => word !== ''))
		.filter((words) => words.length > 0);

const mergeClusters = (symbols: string[], clusters: string[][]): string[] => {
	if (clusters.length === 0) return symbols;
	const longest = Math.max(...clusters.map((c) => c.length));
	const known = new Set(clusters.map((c) => c.join('\u0000')));
	const out: string[] = [];
	for (let i = 0; i < symbols.length; ) {
		let taken = 1;
		for (let n = Math.min(longest, symbols.length - i); n > 1; n--) {
			if (known.has(symbols.slice(i, i + n).join('\u0000'))) {
				taken = n;
				break;
			}
		}
		out.push(symbols.slice(i, i + taken).join(''));
		i += taken;
	}
	return out;
};

/** The symbol sequence Piper would feed the model for one sentence. */
export const piperPhonemes = ({text, espeak, vowelClusters = []}: {text: string; espeak: string; vowelClusters?: string[][]}): string[] => {
	const clauses = espeakClauses(espeak);
	const terminators = clauseTerminators(text, clauses.length);
	let joined = '';
	clauses.forEach((words, i) => {
		const terminator = terminators[i];
		joined += words.join(' ') + terminator;
		// One utterance per sentence here, so a clause that is not the last is followed by a space either way.
		if (i < clauses.length - 1 || MID_SENTENCE.has(terminator)) joined += ' ';
	});
	return mergeClusters([...joined.trimEnd().normalize('NFD')], vowelClusters);
};

/**
 * Piper's phonemes_to_ids: bos, pad, then every phoneme followed by a pad, then
 * eos. Symbols the voice does not know are skipped (and reported), as Piper does.
 */
export const phonemesToIds = (phonemes: string[], idMap: PiperConfig['idMap']): {ids: number[]; missing: string[]} => {
	const ids = [...idMap.get(BOS)!, ...idMap.get(PAD)!];
	const missing = new Set<string>();
	for (const phoneme of phonemes) {
		const known = idMap.get(phoneme);
		if (!known) {
			missing.add(phoneme);
			continue;
		}
		ids.push(...known, ...idMap.get(PAD)!);
	}
	ids.push(...idMap.get(EOS)!);
	return {ids, missing: [...missing]};
};

/** Phonemes in one word's espeak output, stress and length marks not counted: a duration weight. */
export const phonemeCount = (espeak: string): number =>
	espeak.split(/[_\s|]+/).filter((p) => p !== '' && !/^[ˈˌː]+$/.test(p)).length;
