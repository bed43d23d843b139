// A window's "these words, then any prefix of the rest" as a finite-state
// grammar built state by state, through the C functions soundswallower's module
// exports. Written as JSGF (`a b [c [d [e]]]`) the same language costs far more:
// the JSGF compiler closes the chain of nested optionals over null transitions,
// n² of them for n optional words, and the search follows them at every frame
// a word ends. Built directly, each optional word's state gets one null
// transition to the final state: n of them. Measured on a 27 s recording with
// 99 optional words: 1.13–1.23 s of CPU as JSGF, 0.70–0.72 s built directly,
// the same words at the same times (plain alignment of the text: 0.67–0.75 s).

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

/**
 * Sets on `decoder` (its C pointer) the grammar: `keys[0..core)` in order, then
 * any prefix of the rest. Every transition has probability 1 (log 0), as the
 * JSGF compiler gives an unweighted sequence and optional; the search adds
 * silence and alternative pronunciations to it as to any grammar.
 */
export const setPrefixGrammar = ({module, decoder, lw, keys, core}: {module: FsgModule; decoder: number; lw: number; keys: string[]; core: number}): void => {
	const logmath = module._decoder_logmath(decoder);
	const final = keys.length;
	const fsg = withString(module, 'prefix', (name) => module._fsg_model_init(name, logmath, lw, final + 1));
	if (!fsg) throw new Error('cannot create the window grammar');
	keys.forEach((key, i) => {
		const wordId = withString(module, key, (word) => module._fsg_model_word_add(fsg, word));
		module._fsg_model_trans_add(fsg, i, i + 1, 0, wordId);
	});
	for (let state = Math.max(1, core); state < final; state++) module._fsg_model_null_trans_add(fsg, state, final, 0);
	module._fsg_set_states(fsg, 0, final);
	// The decoder's search takes the grammar over (soundswallower's own set_grammar hands it over the same way).
	if (module._decoder_set_fsg(decoder, fsg) < 0) throw new Error('the decoder refused the window grammar');
};
