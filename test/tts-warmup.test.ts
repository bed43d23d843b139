// The engine warms up on a throwaway sentence and restores its memory after
// (espeak carries state between utterances). Warmed or cold, the same
// sentence must give the same audio and timings, byte for byte.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {synthesize} from '../src/analysis/tts/espeak';
import {warmUp} from '../src/analysis/tts/espeak-engine';
import {ROOT} from './helpers/cli';
import {SENTENCE, WORDS} from './fixtures/warmup-sentence';

describe('espeak warm-up', () => {
	test('changes nothing in what the engine says', async () => {
		const cold = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'fixtures', 'speak-cold.ts')], {cwd: ROOT, encoding: 'utf8', timeout: 60_000});
		expect(cold.status).toBe(0);
		warmUp('en-us');
		const speech = await synthesize({text: SENTENCE, words: WORDS, options: {voice: 'en-us', rateWpm: 165, pitch: 50}});
		const digest = createHash('sha256').update(Buffer.from(speech.samples.buffer)).update(JSON.stringify(speech.words)).digest('hex');
		expect(digest).toBe(cold.stdout.trim());
	}, 90_000);
});
