// Named things in a text, from wink: its entities (amounts, dates, times)
// and runs of capitalised proper nouns ("New York", "Milky Way"), which the
// lite English model leaves to the tagger. A name is one concept, not its
// words ("New York" is not "new"), and a figure is what a title card shows.
import type {ItemEntity} from 'wink-nlp';
import {getNlp, type Token} from '../script/nlp';

export type EntityKind = 'name' | 'money' | 'percent' | 'cardinal' | 'ordinal' | 'date' | 'time' | 'duration' | 'other';
/** Token indices into tokenize(text), both inclusive. */
export type EntitySpan = {kind: EntityKind; text: string; first: number; last: number};

const KINDS = new Set<EntityKind>(['money', 'percent', 'cardinal', 'ordinal', 'date', 'time', 'duration']);

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);

/** Two or more capitalised proper nouns in a row: one name. */
export const nameRuns = (tokens: Token[]): EntitySpan[] => {
	const runs: EntitySpan[] = [];
	let first = -1;
	tokens.forEach((t, i) => {
		const inName = t.pos === 'PROPN' && isCapitalised(t);
		if (inName && first < 0) first = i;
		const ends = !inName || i === tokens.length - 1;
		if (ends && first >= 0) {
			const last = inName ? i : i - 1;
			if (last > first) runs.push({kind: 'name', text: tokens.slice(first, last + 1).map((x) => x.text).join(' '), first, last});
			first = -1;
		}
	});
	return runs;
};

/** wink's entities (same tokenisation as tokenize(), so the indices line up) plus name runs, in text order. */
export const findEntities = ({text, tokens}: {text: string; tokens: Token[]}): EntitySpan[] => {
	const nlp = getNlp();
	const found: EntitySpan[] = [];
	nlp
		.readDoc(text)
		.entities()
		.each((e: ItemEntity) => {
			const type = String(e.out(nlp.its.type)).toLowerCase() as EntityKind;
			const [first, last] = e.out(nlp.its.span) as unknown as [number, number];
			found.push({kind: KINDS.has(type) ? type : 'other', text: e.out(), first, last});
		});
	return [...found, ...nameRuns(tokens)].sort((a, b) => a.first - b.first);
};

/** A number says how much, not what: no footage shows "1969" or "40". */
export const isFigure = (t: Token): boolean => t.pos === 'NUM' || /\d/.test(t.text);
