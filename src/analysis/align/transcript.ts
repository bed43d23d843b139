// Transcript text → the words to time, and what the decoder should listen for
// in each: dictionary spellings, or a noise event for "[laughs]" / "<cough>".

export type TranscriptWord = {
	/** As written, punctuation kept. */
	text: string;
	/** speech: say `parts`; noise: a non-speech sound; none: nothing to hear (punctuation). */
	kind: 'speech' | 'noise' | 'none';
	/** Lower-case spellings to look up, in order ("well-known" → well, known). */
	parts: string[];
};

const NOISE_TOKEN = /^(\[[^\]]*\]|<[^>]*>)$/;
/** Punctuation that never changes how a word sounds; `'` inside a word does. */
const EDGE_PUNCTUATION = /^[\s"“”‘’'«»„‚([{¿¡*_~`]+|[\s"“”‘’'«».,;:!?…)\]}*_~`]+$/gu;
const JOINERS = /[-‐‑‒–—/]+/u;

export const hasLetters = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** One caller word → what to listen for. */
export const classifyWord = (text: string): TranscriptWord => {
	const trimmed = text.trim();
	if (NOISE_TOKEN.test(trimmed)) return {text, kind: 'noise', parts: []};
	const clean = trimmed.normalize('NFC').replace(/[’‘ʼ]/gu, "'").replace(EDGE_PUNCTUATION, '').toLowerCase();
	const parts = clean.split(JOINERS).map((p) => p.replace(EDGE_PUNCTUATION, '')).filter(hasLetters);
	return parts.length ? {text, kind: 'speech', parts} : {text, kind: 'none', parts: []};
};

/** Whitespace-separated tokens that hold a letter or digit (a lone "—" or "..." is not a word). */
export const wordsFromTranscript = (transcript: string): TranscriptWord[] =>
	transcript
		.split(/\s+/u)
		.filter((token) => hasLetters(token) || NOISE_TOKEN.test(token))
		.map(classifyWord);
