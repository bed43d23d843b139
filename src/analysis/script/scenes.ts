// Script text → scenes (one per sentence, long sentences split at clauses) and
// caption words with exact character spans, which TTS and alignment key on.
import {splitSentences} from './nlp';

export type ScriptWord = {text: string; charStart: number; charEnd: number};
export type ScriptScene = {id: number; paragraph: number; text: string; words: ScriptWord[]};

/** Sentences longer than this are cut at commas/semicolons into several scenes. */
const MAX_SCENE_WORDS = 24;
const MIN_CLAUSE_WORDS = 6;

const HAS_WORD = /[\p{L}\p{N}]/u;

/** Whitespace-separated chunks; punctuation-only chunks ride on a neighbour. */
export const captionWords = (text: string): ScriptWord[] => {
	const words: ScriptWord[] = [];
	let pendingStart: number | null = null;
	for (const m of text.matchAll(/\S+/g)) {
		const start = m.index ?? 0;
		const end = start + m[0].length;
		if (!HAS_WORD.test(m[0])) {
			const last = words[words.length - 1];
			if (last) last.charEnd = end;
			else pendingStart ??= start;
			continue;
		}
		const charStart = pendingStart ?? start;
		pendingStart = null;
		words.push({text: '', charStart, charEnd: end});
	}
	for (const w of words) w.text = text.slice(w.charStart, w.charEnd);
	return words;
};

const splitClauses = (words: ScriptWord[]): ScriptWord[][] => {
	if (words.length <= MAX_SCENE_WORDS) return [words];
	const parts: ScriptWord[][] = [];
	let current: ScriptWord[] = [];
	words.forEach((w, i) => {
		current.push(w);
		const left = words.length - i - 1;
		const atClause = /[,;:]$|-$/.test(w.text) || words[i + 1]?.text === '-';
		if ((atClause && current.length >= MIN_CLAUSE_WORDS && left >= MIN_CLAUSE_WORDS) || current.length >= MAX_SCENE_WORDS * 1.5) {
			parts.push(current);
			current = [];
		}
	});
	if (current.length) parts.push(current);
	return parts;
};

/**
 * wink ends a sentence at a quoted question or exclamation (`"Really?" she
 * asked.`); a "sentence" that starts in lower case continues the one before.
 */
const joinContinuations = (paragraph: string, sentences: string[]): string[] => {
	const spans: {start: number; end: number}[] = [];
	let cursor = 0;
	for (const sentence of sentences) {
		const found = paragraph.indexOf(sentence, cursor);
		const start = found >= 0 ? found : cursor;
		cursor = start + sentence.length;
		const last = spans[spans.length - 1];
		if (last && /^\p{Ll}/u.test(sentence.trimStart())) last.end = cursor;
		else spans.push({start, end: cursor});
	}
	return spans.map(({start, end}) => paragraph.slice(start, end));
};

export const scriptToScenes = (script: string): ScriptScene[] => {
	const scenes: ScriptScene[] = [];
	script
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\n/g, ' ').trim())
		.filter((p) => HAS_WORD.test(p))
		.forEach((paragraph, paragraphIndex) => {
			for (const sentence of joinContinuations(paragraph, splitSentences(paragraph))) {
				for (const clause of splitClauses(captionWords(sentence))) {
					const start = clause[0].charStart;
					const text = sentence.slice(start, clause[clause.length - 1].charEnd);
					const words = clause.map((w) => ({text: w.text, charStart: w.charStart - start, charEnd: w.charEnd - start}));
					scenes.push({id: scenes.length, paragraph: paragraphIndex, text, words});
				}
			}
		});
	return scenes;
};
