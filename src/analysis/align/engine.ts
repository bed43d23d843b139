// The acoustic side: soundswallower (PocketSphinx's successor, compiled to
// WebAssembly, MIT) with the US English model and CMUdict it ships. One decoder
// per process, loaded on first use; every call on it is synchronous, so
// concurrent alignments cannot interleave.
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Decoder, Segment as SsSegment} from 'soundswallower';
import {ALIGN_RATE} from './audio';
import {setPrefixGrammar, type FsgModule} from './fsg';

export type Beams = {beam: number; wbeam: number};

/**
 * Wide beams, wider where a window still fails: with PocketSphinx's defaults
 * (1e-48) real recordings often end in "final result does not match the
 * grammar". Scoring the frames dominates the cost, so a wide beam costs little.
 */
export const BEAM_SCHEDULE: Beams[] = [
	{beam: 1e-120, wbeam: 1e-100},
	{beam: 1e-200, wbeam: 1e-160},
];
/** Chance of a pause between two words; the default (0.005) lets words swallow real pauses. */
const SILENCE_PROBABILITY = 0.3;

/**
 * `wordIndex` counts the requested words (0-based); -1 is a pause or noise between them.
 * `key` is the dictionary word heard; `missing` marks a transcript word the audio was found not to hold (an instant, no sound).
 */
export type DecodedWord = {wordIndex: number; startMs: number; endMs: number; probability: number; key?: string; missing?: boolean};

type Engine = {decoder: Decoder; module: FsgModule; added: Set<string>; log: string[]};
let engine: Promise<Engine> | null = null;

const modelBase = (): string => {
	const entry = createRequire(import.meta.url).resolve('soundswallower');
	return path.join(path.dirname(entry), 'model') + path.sep; // the module joins names onto it: keep the slash
};

const start = async (): Promise<Engine> => {
	const log: string[] = [];
	const {default: createModule} = await import('soundswallower');
	// The module prints the decoder's complaints on stderr; keep them for our own error message instead.
	const keep = (line: string) => void (log.push(line) > 20 && log.shift());
	const module = await createModule({modelBase: modelBase(), print: keep, printErr: keep} as Parameters<typeof createModule>[0]);
	const decoder = new module.Decoder({loglevel: 'ERROR', silprob: SILENCE_PROBABILITY, ...toConfig(BEAM_SCHEDULE[0])});
	await decoder.initialize();
	decoder.set_config('samprate', ALIGN_RATE);
	await decoder.reinitialize_audio();
	return {decoder, module: module as unknown as FsgModule, added: new Set(), log};
};

const toConfig = ({beam, wbeam}: Beams) => ({beam, pbeam: beam, wbeam});

export const loadEngine = async (): Promise<Engine> => {
	engine ??= start().catch((error) => {
		engine = null;
		throw error;
	});
	return engine;
};

/** The dictionary's first pronunciation of `word`, or null when CMUdict lacks it. */
export const lookupWord = ({decoder}: Engine, word: string): string | null => decoder.lookup_word(word);

/** Adds `[word, "PHONES"]` entries once per process. */
export const addWords = (state: Engine, entries: [string, string][]): void => {
	const fresh = new Map(entries.filter(([word]) => !state.added.has(word)));
	if (fresh.size === 0) return;
	// Adding a word twice fails (and soundswallower's own message for that throws a ReferenceError).
	state.decoder.add_words(...fresh);
	for (const word of fresh.keys()) state.added.add(word);
};

const FILLER = /^(<.*>|\[.*\]|\(NULL\))$/;

/**
 * The first `minWords` words, then any prefix of the rest, so a window may end
 * anywhere in its tail (see fsg.ts for why it is not written as JSGF).
 */
const setPrefix = ({decoder, module}: Engine, keys: string[], minWords: number): void => {
	const core = Math.max(1, Math.min(minWords, keys.length));
	const pointer = (decoder as unknown as {cdecoder: number}).cdecoder;
	setPrefixGrammar({module, decoder: pointer, lw: Number(decoder.get_config('lw')), keys, core});
};

const toWords = (segments: SsSegment[], offsetMs: number): DecodedWord[] => {
	const ms = (seconds: number) => offsetMs + Math.round(seconds * 1000);
	let next = 0;
	return segments
		.filter((s) => s.t !== '(NULL)')
		.map((s) => ({
			wordIndex: FILLER.test(s.t) ? -1 : next++,
			key: s.t.replace(/\(\d+\)$/, ''), // "every(2)": the second pronunciation of "every"
			startMs: ms(s.b),
			endMs: ms(s.b + s.d),
			probability: s.p,
		}));
};

export type DecodeRequest = {
	samples: Float32Array;
	/** Where `samples` starts in the whole audio. */
	offsetMs: number;
	/** Dictionary words, in order. */
	keys: string[];
	/** Words that must be spoken; the rest of `keys` may be cut off (a window of long audio). @default keys.length */
	minWords?: number;
	/** A JSGF grammar over `keys` to use instead of the plain word sequence; `minWords` then counts the words that must be heard. */
	grammar?: string;
	beams: Beams;
};

/** Viterbi alignment of the words to the samples; null when the search finds no path. */
export const decode = (state: Engine, {samples, offsetMs, keys, minWords = keys.length, grammar, beams}: DecodeRequest): DecodedWord[] | null => {
	const {decoder} = state;
	for (const [key, value] of Object.entries(toConfig(beams))) decoder.set_config(key, value);
	try {
		if (grammar) decoder.set_grammar(grammar);
		else if (minWords < keys.length) setPrefix(state, keys, minWords);
		else decoder.set_align_text(keys.join(' '));
		decoder.start();
		decoder.process_audio(samples, false, true);
		decoder.stop();
		// Word level only: asking for phones runs a second, state-level alignment pass (~+100% time) that moves no word boundary.
		const words = toWords(decoder.get_alignment({align_level: 0}).w ?? [], offsetMs);
		// A failed search can still leave a partial path behind.
		const spoken = words.filter((w) => w.wordIndex >= 0).length;
		return spoken >= Math.min(minWords, keys.length) && spoken <= keys.length ? words : null;
	} catch {
		return null;
	}
};
