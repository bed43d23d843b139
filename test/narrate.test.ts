// The narration stage's edges: nothing to say, and a caller that stops it
// (a plan whose clip folder turned out wrong stops its narration).
import {existsSync, mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ReelError} from '../src/analysis/errors';
import {entryFile} from '../src/analysis/cache/store';
import {scriptToScenes} from '../src/analysis/script/scenes';
import {defaultEspeakOptions} from '../src/analysis/tts/espeak';
import {narrate} from '../src/analysis/tts/narrate';
import {SPEECH_STAGE} from '../src/analysis/tts/speech-cache';

process.env.REEL_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'reel-narrate-'));
const voice = {engine: 'espeak', options: defaultEspeakOptions} as const;
const spokenSentences = () => {
	const dir = path.dirname(entryFile(SPEECH_STAGE, 'x'));
	return existsSync(dir) ? readdirSync(dir).length : 0;
};

describe('narrate', {timeout: 60_000}, () => {
	it('refuses a script with no sentences in one clear error', async () => {
		await expect(narrate({scenes: [], voice})).rejects.toThrow(ReelError);
	});

	it('stopped before it starts, it asks the engine for nothing', async () => {
		const scenes = scriptToScenes('The rain came early. The town was quiet. Nobody went out.');
		await expect(narrate({scenes, voice, signal: AbortSignal.abort()})).rejects.toThrow(/abort/i);
		expect(spokenSentences()).toBe(0);
		// The same narration, not stopped, speaks and stores every sentence.
		const narration = await narrate({scenes, voice});
		expect(narration.sceneWords).toHaveLength(3);
		expect(spokenSentences()).toBe(3);
	});
});
