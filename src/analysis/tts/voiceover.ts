// A recorded voice-over as the narration: the recording is converted once to
// a WAV the compositions can play, and the script's caption words are
// force-aligned to it, so shots and captions follow the speaker's real timing.
import {createHash} from 'node:crypto';
import {readFile, writeFile} from 'node:fs/promises';
import {alignWords} from '../align/align-words';
import {finishLoudness} from '../audio/finish';
import {decodeWav, encodeWav} from '../audio/wav';
import {produceFileAtomic, writeFileAtomic} from '../cache/files';
import {ReelError} from '../errors';
import type {ScriptScene} from '../script/scenes';
import {runFf, probeStreams} from '../../render/ff';
import {cachedNarration, narrationFiles, type Narration} from './narrate';

/** Bump when alignment changes its results, so cached timings are redone. */
const ALIGN_VERSION = 'soundswallower@0.6.3/1+finish/1';

export const voiceOver = async ({file, scenes, warn}: {file: string; scenes: ScriptScene[]; warn: (m: string) => void}): Promise<Narration> => {
	const bytes = await readFile(file).catch(() => {
		throw new ReelError('AUDIO_UNREADABLE', `${file}: voice-over file not found or unreadable`);
	});
	const key = createHash('sha256')
		.update(bytes)
		.update(JSON.stringify([ALIGN_VERSION, scenes.map((s) => s.text)]))
		.digest('hex')
		.slice(0, 20);
	const entry = narrationFiles(`vo-${key}`);
	const cached = await cachedNarration(entry);
	if (cached) return cached;

	const {words, warnings} = await alignWords({audioFile: file, words: scenes.flatMap((s) => s.words.map((w) => w.text))});
	for (const w of warnings) warn(`${file}: ${w}`);
	// Browsers play 48 kHz PCM everywhere; the original file may be any format ffmpeg reads.
	const {wavFile, metaFile, src} = entry;
	await produceFileAtomic(wavFile, async (temp) => {
		await runFf({bin: 'ffmpeg', args: ['-y', '-v', 'error', '-i', file, '-vn', '-ac', '1', '-ar', '48000', '-c:a', 'pcm_s16le', temp]});
		// Recordings arrive at any level: finish them like synthesised narration (gain only, so timings stay put).
		await writeFile(temp, encodeWav({samples: finishLoudness(decodeWav(await readFile(temp))).samples, sampleRate: 48000}));
	});
	const {durationMs} = await probeStreams(wavFile);
	let next = 0;
	const sceneWords = scenes.map((s) =>
		s.words.map(() => {
			const w = words[next++];
			return {startMs: round(w.startMs), endMs: round(Math.max(w.endMs, w.startMs))};
		}),
	);
	const result = {durationMs: round(durationMs), sceneWords};
	await writeFileAtomic(metaFile, JSON.stringify(result));
	return {...result, src, cached: false};
};

const round = (x: number) => Math.round(x * 10) / 10;
