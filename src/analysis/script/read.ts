// Reading the user's script: UTF-8 only, normalised so that every later stage
// (tokens, TTS, captions) sees the same characters.
import {readFile, stat} from 'node:fs/promises';
import {ReelError} from '../errors';

/** About 30 minutes of narration; beyond that the render would take hours. */
export const MAX_SCRIPT_WORDS = 5000;
const MAX_SCRIPT_BYTES = 200_000;

export const normaliseScript = (raw: string): string =>
	raw
		.replace(/^\uFEFF/, '')
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		// Typographic quotes and dashes read the same to espeak; keep captions tidy.
		.replace(/[\u2018\u2019\u02BC]/g, "'")
		.replace(/[\u201C\u201D]/g, '"')
		.replace(/[\u2013\u2014]/g, ' - ')
		.replace(/\u2026/g, '...')
		.replace(/[\t\u00A0\u2000-\u200B\u3000]/g, ' ')
		.replace(/[^\S\n]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();

/** Validates text already in memory; `source` names it in errors. */
export const checkScript = ({text, source}: {text: string; source: string}): string => {
	const normalised = normaliseScript(text);
	if (normalised.length === 0) {
		throw new ReelError('SCRIPT_EMPTY', `${source}: the script is empty; write a few sentences to narrate`);
	}
	if (!/[\p{L}\p{N}]/u.test(normalised)) {
		throw new ReelError('SCRIPT_EMPTY', `${source}: the script has no words to narrate (only punctuation or symbols)`);
	}
	const words = normalised.split(/\s+/).length;
	if (words > MAX_SCRIPT_WORDS) {
		throw new ReelError(
			'SCRIPT_TOO_LONG',
			`${source}: the script has ${words} words; the limit is ${MAX_SCRIPT_WORDS} (split it into several videos)`,
		);
	}
	return normalised;
};

export const readScript = async (file: string): Promise<string> => {
	const info = await stat(file).catch(() => null);
	if (!info?.isFile()) throw new ReelError('SCRIPT_MISSING', `${file}: script file not found`);
	if (info.size > MAX_SCRIPT_BYTES) {
		throw new ReelError('SCRIPT_TOO_LONG', `${file}: the script is ${info.size} bytes; the limit is ${MAX_SCRIPT_BYTES}`);
	}
	const bytes = await readFile(file);
	let text: string;
	try {
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		throw new ReelError('SCRIPT_ENCODING', `${file}: the script is not valid UTF-8 text (save it as UTF-8)`);
	}
	return checkScript({text, source: file});
};
