// Aligned words → what `npm run align` prints: JSON (the words as they are),
// SRT (readable caption lines), or WebVTT (the same lines, each word stamped
// inside its cue, so players can highlight the word being spoken).
import type {AlignedWord} from '../analysis/align/types';

export const ALIGN_FORMATS = ['json', 'srt', 'vtt'] as const;
export type AlignFormat = (typeof ALIGN_FORMATS)[number];

/** A caption line ends at a pause this long, at sentence punctuation, or at this many characters. */
const LINE_BREAK_PAUSE_MS = 600;
const LINE_MAX_CHARS = 42;

/** Words grouped into caption lines, as a viewer reads them. */
export const captionLines = (words: AlignedWord[]): AlignedWord[][] => {
	const lines: AlignedWord[][] = [];
	let line: AlignedWord[] = [];
	words.forEach((word, i) => {
		const length = line.reduce((n, w) => n + w.text.length + 1, 0) + word.text.length;
		if (line.length && length > LINE_MAX_CHARS) {
			lines.push(line);
			line = [];
		}
		line.push(word);
		const next = words[i + 1];
		if (!next || /[.!?…]["”’)]*$/.test(word.text) || next.startMs - word.endMs >= LINE_BREAK_PAUSE_MS) {
			lines.push(line);
			line = [];
		}
	});
	return lines;
};

const clock = (ms: number, separator: ',' | '.'): string => {
	const t = Math.max(0, Math.round(ms));
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(Math.floor(t / 3_600_000))}:${pad(Math.floor(t / 60_000) % 60)}:${pad(Math.floor(t / 1000) % 60)}${separator}${pad(t % 1000, 3)}`;
};

const text = (line: AlignedWord[]) => line.map((w) => w.text).join(' ');
const span = (line: AlignedWord[], separator: ',' | '.') => `${clock(line[0].startMs, separator)} --> ${clock(line[line.length - 1].endMs, separator)}`;

export const toSrt = (words: AlignedWord[]): string =>
	captionLines(words)
		.map((line, i) => `${i + 1}\n${span(line, ',')}\n${text(line)}\n`)
		.join('\n');

export const toVtt = (words: AlignedWord[]): string =>
	'WEBVTT\n\n' +
	captionLines(words)
		.map((line) => `${span(line, '.')}\n${line.map((w, i) => (i === 0 ? w.text : `<${clock(w.startMs, '.')}>${w.text}`)).join(' ')}\n`)
		.join('\n');

/** `{"words":[...]}`, one word a line: small, and still easy to read and diff. */
export const toJson = (words: AlignedWord[]): string =>
	`{"words":[\n${words.map(({text: t, startMs, endMs, confidence}) => JSON.stringify({text: t, startMs, endMs, confidence})).join(',\n')}\n]}\n`;

export const formatAlignment = ({words, format}: {words: AlignedWord[]; format: AlignFormat}): string =>
	format === 'srt' ? toSrt(words) : format === 'vtt' ? toVtt(words) : toJson(words);
