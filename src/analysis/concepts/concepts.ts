// What a scene is about, as weighted concepts: the lemmas of its content
// words, each with other ways to say it (WordNet synonyms, hypernyms and the
// nouns of its definition) at lower weight. Footage shows things, so nouns
// weigh more than verbs and adjectives; in "an ocean of data" the thing shown
// is the data, so the head of an "X of Y" phrase is taken as figurative.
// Names are whole concepts and numbers none (entities.ts).
import {contentWords, tokenize, type ContentWord, type Token} from '../script/nlp';
import {isFigure, nameRuns, type EntitySpan} from './entities';
import type {WordNet, WordNetPos} from './wordnet';

export type Expansion = {term: string; weight: number; via: 'synonym' | 'hypernym' | 'definition'};
export type Concept = {term: string; surface: string; weight: number; figurative: boolean; expansions: Expansion[]};

/** Relative weights; tune on data the matcher was not built on. */
export const CONCEPT_WEIGHTS = {noun: 1, other: 0.6, figurative: 0.5};
export const EXPANSION_WEIGHTS: Record<Expansion['via'], number> = {synonym: 0.9, hypernym: 0.6, definition: 0.5};
/** Definitions are long; their first few nouns carry the meaning. */
const MAX_DEFINITION_NOUNS = 4;

/** Indefinite pronouns tagged as nouns: a closed class that never names anything on screen. */
const PRONOUN_LIKE = new Set(['everything', 'something', 'nothing', 'anything', 'everyone', 'someone', 'anyone', 'nobody', 'everybody', 'somebody', 'thing']);

const isNoun = (w: ContentWord) => w.pos === 'NOUN' || w.pos === 'PROPN';

const wordnetPos = (pos: string): WordNetPos | null =>
	pos === 'NOUN' || pos === 'PROPN' ? 'noun' : pos === 'VERB' ? 'verb' : pos === 'ADJ' ? 'adj' : null;

/** Nouns directly followed by "of" (+ determiners/adjectives) and another noun. */
const figurativeHeads = (tokens: Token[], words: ContentWord[]): Set<number> => {
	const heads = new Set<number>();
	for (const w of words) {
		if (!isNoun(w) || tokens[w.index + 1]?.text.toLowerCase() !== 'of') continue;
		let j = w.index + 2;
		while (tokens[j] && (tokens[j].pos === 'DET' || tokens[j].pos === 'ADJ' || tokens[j].pos === 'PRON')) j++;
		if (tokens[j] && (tokens[j].pos === 'NOUN' || tokens[j].pos === 'PROPN')) heads.add(w.index);
	}
	return heads;
};

/** One word, and not a function word ("live" has the hypernym "be", which matches nothing visible). */
const singleWord = (w: string) => !w.includes('_') && !tokenize(w).some((t) => t.stop);

/** A shot's words are part of its sentence's: the same words are expanded again and again in one plan. */
const expansionMemo = new WeakMap<WordNet, Map<string, Expansion[]>>();

/** `surface` is tried first: "woods" has its own entry (a forest), "wood" is the material. */
export const expandTerm = (wordnet: WordNet, term: string, pos: string, surface = term): Expansion[] => {
	let memo = expansionMemo.get(wordnet);
	if (!memo) expansionMemo.set(wordnet, (memo = new Map()));
	const key = `${term}\0${pos}\0${surface}`;
	let known = memo.get(key);
	if (!known) memo.set(key, (known = expandTermUncached(wordnet, term, pos, surface)));
	return known;
};

const expandTermUncached = (wordnet: WordNet, term: string, pos: string, surface: string): Expansion[] => {
	const wnPos = wordnetPos(pos);
	if (!wnPos) return [];
	// The most frequent sense only: later senses are mostly rare and drift off topic.
	const offset = wordnet.senses(surface, wnPos)[0] ?? wordnet.senses(term, wnPos)[0];
	const synset = offset === undefined ? null : wordnet.synset(wnPos, offset);
	if (!synset) return [];
	const out: Expansion[] = synset.words.filter((w) => w !== term && w !== surface && singleWord(w)).map((w) => ({term: w, weight: EXPANSION_WEIGHTS.synonym, via: 'synonym'}));
	for (const h of synset.hypernyms.slice(0, 1)) {
		for (const w of wordnet.synset(wnPos, h)?.words.filter(singleWord) ?? []) out.push({term: w, weight: EXPANSION_WEIGHTS.hypernym, via: 'hypernym'});
	}
	const definitionNouns = contentWords(tokenize(synset.gloss)).filter((w) => isNoun(w) && w.lemma !== term);
	for (const w of definitionNouns.slice(0, MAX_DEFINITION_NOUNS)) out.push({term: w.lemma, weight: EXPANSION_WEIGHTS.definition, via: 'definition'});
	return dedupe(out);
};

const dedupe = (xs: Expansion[]): Expansion[] => {
	const seen = new Map<string, Expansion>();
	for (const x of xs) if (!seen.has(x.term) || seen.get(x.term)!.weight < x.weight) seen.set(x.term, x);
	return [...seen.values()];
};

/**
 * A multi-word name ("New York", "Milky Way") is one concept, matched as a
 * whole against clips that say it; WordNet knows many ("New York" → city).
 */
const nameConcepts = (runs: EntitySpan[], wordnet: WordNet | null): Concept[] =>
	runs.map((r) => {
		const term = r.text.toLowerCase();
		return {term, surface: term, weight: CONCEPT_WEIGHTS.noun, figurative: false, expansions: wordnet ? expandTerm(wordnet, term, 'PROPN') : []};
	});

export const sceneConcepts = ({text, wordnet}: {text: string; wordnet: WordNet | null}): Concept[] => {
	const tokens = tokenize(text);
	const words = contentWords(tokens);
	const heads = figurativeHeads(tokens, words);
	const names = nameRuns(tokens);
	const inName = (i: number) => names.some((n) => i >= n.first && i <= n.last);
	const byTerm = new Map<string, Concept>(nameConcepts(names, wordnet).map((c) => [c.term, c]));
	for (const w of words) {
		// Figures match no footage but would dilute the words that do.
		if (PRONOUN_LIKE.has(w.lemma) || inName(w.index) || isFigure(tokens[w.index])) continue;
		const figurative = heads.has(w.index);
		const weight = figurative ? CONCEPT_WEIGHTS.figurative : isNoun(w) ? CONCEPT_WEIGHTS.noun : CONCEPT_WEIGHTS.other;
		const known = byTerm.get(w.lemma);
		if (known) {
			known.weight = Math.max(known.weight, weight);
			continue;
		}
		const expansions = wordnet ? expandTerm(wordnet, w.lemma, w.pos, w.surface) : [];
		byTerm.set(w.lemma, {term: w.lemma, surface: w.surface, weight, figurative, expansions});
	}
	return [...byTerm.values()];
};
