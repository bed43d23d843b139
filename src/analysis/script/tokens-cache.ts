// A warm plan reads the same texts as the run before it (scene and shot
// texts, WordNet definitions, mood words), and loading wink's model to read
// them again was about a fifth of a warm 500-clip plan's CPU time. The texts a
// run reads and their tokens are stored per script; the next run primes
// tokenize() with them, so wink loads only when a text is new.
import {codeVersion} from '../cache/code-version';
import {hashKey, type CacheStore} from '../cache/store';
import {primeTokens, startTokenLog, stopTokenLog, tokenize, type Token} from './nlp';

export const TOKENS_STAGE = 'tokens';

type Stored = [string, Token[]][];

const isStored = (v: unknown): v is Stored => Array.isArray(v) && v.every((e) => Array.isArray(e) && typeof e[0] === 'string' && Array.isArray(e[1]));

/** Primes tokenize() from the entry for these scene texts; `save` stores what the run read if wink read any of it. */
export const primeTokenCache = async ({cache, sceneTexts}: {cache: CacheStore; sceneTexts: string[]}): Promise<{save: () => Promise<void>}> => {
	const key = hashKey([TOKENS_STAGE, codeVersion(['src/analysis/script/nlp.ts', 'src/analysis/script/wink-model.ts'], ['wink-nlp', 'wink-eng-lite-web-model', 'wink-lemmatizer']), sceneTexts]);
	const stored = await cache.getJson<Stored>(TOKENS_STAGE, key, isStored);
	if (stored) primeTokens(stored);
	const log = startTokenLog();
	return {
		save: async () => {
			stopTokenLog();
			if (log.fresh > 0) await cache.putJson(TOKENS_STAGE, key, [...log.texts].map((t): [string, Token[]] => [t, tokenize(t)]));
		},
	};
};
