// npm run prepare-models: builds the word-vector cache once (later runs find
// it) and prints what loading it costs, so the figures can be checked.
import {ensureVectorCache, readWordVectors} from '../src/analysis/embed/word-vectors';
import {openWordNet} from '../src/analysis/concepts/wordnet';

const main = async () => {
	const build = await ensureVectorCache();
	console.log(build.built ? `word vectors: built ${build.file} in ${build.ms} ms` : `word vectors: ${build.file} (already built)`);
	const rssBefore = process.memoryUsage().rss;
	const started = performance.now();
	const vectors = readWordVectors(build.file);
	const loadMs = performance.now() - started;
	const addedMb = (process.memoryUsage().rss - rssBefore) / 1e6;
	console.log(`word vectors: ${vectors.size} words × ${vectors.dims} dims, loaded in ${loadMs.toFixed(1)} ms, +${addedMb.toFixed(1)} MB RSS`);
	const wnStarted = performance.now();
	const wordnet = openWordNet();
	wordnet.senses('ocean', 'noun');
	wordnet.close();
	console.log(`WordNet: opened and first lookup in ${(performance.now() - wnStarted).toFixed(1)} ms (read in place, no conversion)`);
};

main().catch((error: Error) => {
	console.error(`error: ${error.message}`);
	process.exit(1);
});
