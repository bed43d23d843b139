// The acoustic side: soundswallower (PocketSphinx's successor, compiled to
// WebAssembly, MIT) with CMU Sphinx's 16 kHz US English model (vendored: the
// package ships the 8 kHz one, which hears nothing above 3.7 kHz) and the
// CMUdict the package ships. One decoder per process, loaded on first use;
// every call on it is synchronous, so concurrent alignments cannot interleave.
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Decoder, Segment as SsSegment} from 'soundswallower';
import {ALIGN_RATE} from './audio';
import {setPrefixGrammar, setSentenceGrammar, type FsgModule} from './fsg';

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

/** vendor/cmusphinx-en-us-16k: see its README for where it comes from and what was measured. */
const ACOUSTIC_MODEL = fileURLToPath(new URL('../../../vendor/cmusphinx-en-us-16k/', import.meta.url));

/**
 * One dictionary word per phone: a free phone loop, the stand-in for speech
 * the transcript lacks (see setSentenceGrammar). CMU Sphinx's 39 phones.
 */
const PHONE_LOOP: [string, string][] = 'AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH T TH UH UW V W Y Z ZH'
	.split(' ')
	.map((phone) => [`phone_loop_${phone.toLowerCase()}`, phone]);
/**
 * What each phone of the loop costs (natural log, before the language
 * weight). Measured on espeak takes with a sentence added or cut: from -3 to
 * -10 every case came out right (at -3 and -5 the loop also took 40-80 ms
 * from sentence edges); at -15 silence won over the loop and the sentences
 * around the extra speech were dropped instead. The development recordings
 * gave the same boundaries with the loop as without it.
 */
const PHONE_LOOP_LOGP = -8;

const start = async (): Promise<Engine> => {
	const log: string[] = [];
	const {default: createModule} = await import('soundswallower');
	// The module prints the decoder's complaints on stderr; keep them for our own error message instead.
	const keep = (line: string) => void (log.push(line) > 20 && log.shift());
	const module = await createModule({modelBase: modelBase(), print: keep, printErr: keep} as Parameters<typeof createModule>[0]);
	// Name the dictionary: finding no dict.txt in the model folder, the decoder would start with an empty one, without a word of warning.
	const model = {hmm: ACOUSTIC_MODEL, dict: `${modelBase()}en-us/dict.txt`};
	const decoder = new module.Decoder({loglevel: 'ERROR', silprob: SILENCE_PROBABILITY, ...model, ...toConfig(BEAM_SCHEDULE[0])});
	await decoder.initialize();
	decoder.set_config('samprate', ALIGN_RATE);
	await decoder.reinitialize_audio();
	const state: Engine = {decoder, module: module as unknown as FsgModule, added: new Set(), log};
	addWords(state, PHONE_LOOP);
	return state;
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

const FILLER = /^(<.*>|\[.*\]|\(NULL\)|phone_loop_.*)$/;

/**
 * The first `minWords` words, then any prefix of the rest, so a window may end
 * anywhere in its tail (see fsg.ts for why it is not written as JSGF).
 */
const setPrefix = ({decoder, module}: Engine, keys: string[], minWords: number): void => {
	const core = Math.max(1, Math.min(minWords, keys.length));
	const pointer = (decoder as unknown as {cdecoder: number}).cdecoder;
	setPrefixGrammar({module, decoder: pointer, lw: Number(decoder.get_config('lw')), keys, core});
};

const setSentences = ({decoder, module}: Engine, keys: string[], starts: number[], phoneLoop: boolean): void => {
	const pointer = (decoder as unknown as {cdecoder: number}).cdecoder;
	const garbage = phoneLoop ? PHONE_LOOP.map(([word]) => word) : [];
	setSentenceGrammar({module, decoder: pointer, lw: Number(decoder.get_config('lw')), keys, starts, garbage, garbageLogp: PHONE_LOOP_LOGP});
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
	/**
	 * Where sentences start in `keys`: decode them each optional (with a phone
	 * loop between them for speech the text lacks, if asked) instead of the
	 * plain word sequence; `minWords` then counts the words that must be heard.
	 */
	sentences?: {starts: number[]; phoneLoop: boolean};
	beams: Beams;
};

/** Viterbi alignment of the words to the samples; null when the search finds no path. */
export const decode = (state: Engine, {samples, offsetMs, keys, minWords = keys.length, sentences, beams}: DecodeRequest): DecodedWord[] | null => {
	const {decoder} = state;
	for (const [key, value] of Object.entries(toConfig(beams))) decoder.set_config(key, value);
	try {
		if (sentences) setSentences(state, keys, sentences.starts, sentences.phoneLoop);
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
