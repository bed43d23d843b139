// A window's "these words, then any prefix of the rest" as a finite-state
// grammar built state by state, through the C functions soundswallower's module
// exports. Written as JSGF (`a b [c [d [e]]]`) the same language costs far more:
// the JSGF compiler closes the chain of nested optionals over null transitions,
// n² of them for n optional words, and the search follows them at every frame
// a word ends. Built directly, each optional word's state gets one null
// transition to the final state: n of them. Measured on a 27 s recording with
// 99 optional words: 1.13–1.23 s of CPU as JSGF, 0.70–0.72 s built directly,
// the same words at the same times (plain alignment of the text: 0.67–0.75 s).
// The sentence grammar below is built the same way: JSGF has no way to put a
// cost on each pass through a loop.

/** The part of the Emscripten module this file calls (C signatures in soundswallower's fsg_model.h). */
export type FsgModule = {
	HEAPU8: Uint8Array;
	_malloc: (bytes: number) => number;
	_free: (pointer: number) => void;
	_decoder_logmath: (decoder: number) => number;
	_fsg_model_init: (name: number, logmath: number, lw: number, states: number) => number;
	_fsg_model_word_add: (fsg: number, word: number) => number;
	_fsg_model_trans_add: (fsg: number, from: number, to: number, logp: number, wordId: number) => void;
	_fsg_model_null_trans_add: (fsg: number, from: number, to: number, logp: number) => number;
	_fsg_set_states: (fsg: number, start: number, final: number) => void;
	_decoder_set_fsg: (decoder: number, fsg: number) => number;
	/** logmath_log(lmath, p): p in the decoder's integer log units. */
	_logmath_log: (logmath: number, p: number) => number;
};

const withString = <T>(module: FsgModule, text: string, use: (pointer: number) => T): T => {
	const bytes = new TextEncoder().encode(`${text}\0`);
	const pointer = module._malloc(bytes.length);
	module.HEAPU8.set(bytes, pointer); // HEAPU8 read after _malloc: memory growth replaces the view
	try {
		return use(pointer);
	} finally {
		module._free(pointer);
	}
};

type Chain = {fsg: number; logmath: number; final: number; wordId: (key: string) => number};

/**
 * Builds a grammar whose states 0..keys.length carry `keys` in order, lets
 * `extend` add its own transitions, and hands it to `decoder` (its C pointer):
 * the decoder's search takes it over, as soundswallower's own set_grammar hands
 * one over. `label` names it in errors.
 */
const setWordChain = ({module, decoder, lw, keys, label}: {module: FsgModule; decoder: number; lw: number; keys: string[]; label: string}, extend: (chain: Chain) => void): void => {
	const logmath = module._decoder_logmath(decoder);
	const final = keys.length;
	const fsg = withString(module, label, (name) => module._fsg_model_init(name, logmath, lw, final + 1));
	if (!fsg) throw new Error(`cannot create the ${label} grammar`);
	const wordId = (key: string) => withString(module, key, (word) => module._fsg_model_word_add(fsg, word));
	keys.forEach((key, i) => module._fsg_model_trans_add(fsg, i, i + 1, 0, wordId(key)));
	extend({fsg, logmath, final, wordId});
	module._fsg_set_states(fsg, 0, final);
	if (module._decoder_set_fsg(decoder, fsg) < 0) throw new Error(`the decoder refused the ${label} grammar`);
};

/**
 * Sets on `decoder` the grammar: `keys[0..core)` in order, then any prefix of
 * the rest. Every transition has probability 1 (log 0), as the JSGF compiler
 * gives an unweighted sequence and optional; the search adds silence and
 * alternative pronunciations to it as to any grammar.
 */
export const setPrefixGrammar = ({core, ...request}: {module: FsgModule; decoder: number; lw: number; keys: string[]; core: number}): void =>
	setWordChain({...request, label: 'window'}, ({fsg, final}) => {
		for (let state = Math.max(1, core); state < final; state++) request.module._fsg_model_null_trans_add(fsg, state, final, 0);
	});

/**
 * Sets the grammar for text that may not match the take: each sentence
 * (`keys[starts[k]..starts[k+1])`) may be left out, and between sentences any
 * run of `garbage` words (one per phone: a free phone loop) may stand for
 * speech the text lacks. Every garbage word costs `garbageLogp` (natural log,
 * scaled by the language weight as JSGF weights are), so the text's own words
 * win wherever they fit and the loop takes only sound no sentence explains.
 */
export const setSentenceGrammar = ({starts, garbage, garbageLogp, ...request}: {module: FsgModule; decoder: number; lw: number; keys: string[]; starts: number[]; garbage: string[]; garbageLogp: number}): void => {
	const {module, lw} = request;
	setWordChain({...request, label: 'sentence'}, ({fsg, logmath, final, wordId}) => {
		const boundaries = [...new Set([0, ...starts.filter((s) => s > 0 && s < final), final])].sort((a, b) => a - b);
		// Leaving sentences out: a null transition from each boundary to every later one (the search does not chain them).
		boundaries.forEach((from, i) => {
			for (const to of boundaries.slice(i + 1)) module._fsg_model_null_trans_add(fsg, from, to, 0);
		});
		const cost = Math.round(module._logmath_log(logmath, Math.exp(garbageLogp)) * lw);
		const garbageIds = garbage.map(wordId);
		for (const state of boundaries) for (const id of garbageIds) module._fsg_model_trans_add(fsg, state, state, cost, id);
	});
};
