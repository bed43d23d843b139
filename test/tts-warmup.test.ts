// The engine warms up on a throwaway sentence and restores its memory after
// (espeak carries state between utterances). Warmed or cold, the same
// sentence must give the same audio and timings, byte for byte. A warm-up
// asked for when a sentence is already waiting is skipped (it would only
// delay that sentence).
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import path from 'node:path';
import {describe, expect, test} from 'vitest';
import {synthesize} from '../src/analysis/tts/espeak';
import {warmUp} from '../src/analysis/tts/espeak-engine';
import {ROOT} from './helpers/cli';
import {SENTENCE, WORDS} from './fixtures/warmup-sentence';

describe('espeak warm-up', () => {
	test('changes nothing in what the engine says, and is skipped when a sentence is waiting', async () => {
		const cold = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'fixtures', 'speak-cold.ts')], {cwd: ROOT, encoding: 'utf8', timeout: 60_000});
		expect(cold.status).toBe(0);
		const [coldDigest, coldWarmUp] = cold.stdout.trim().split('\n');
		expect(coldWarmUp).toBe('warm-up ran: false');
		// Here nothing else is asked of the engine until the warm-up is over, so it runs.
		expect(await warmUp('en-us')).toBe(true);
		const speech = await synthesize({text: SENTENCE, words: WORDS, options: {voice: 'en-us', rateWpm: 165, pitch: 50}});
		const digest = createHash('sha256').update(Buffer.from(speech.samples.buffer)).update(JSON.stringify(speech.words)).digest('hex');
		expect(digest).toBe(coldDigest);
	}, 90_000);
});
