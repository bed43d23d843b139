// Builds the word-vector cache once before the test workers start (about 10 s
// the first time on a machine, nothing after), so two workers never convert
// the 300 MB JSON at the same time.
import {ensureVectorCache} from '../src/analysis/embed/word-vectors';

export default async function setup(): Promise<void> {
	const {built, ms, file} = await ensureVectorCache();
	if (built) console.log(`built word-vector cache ${file} in ${ms} ms`);
}
