// A recorded voice-over as the narration: the recording is converted once to
// a WAV the compositions can play, and the script's caption words are
// force-aligned to it, so shots and captions follow the speaker's real timing.
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {readFile, rename, rm} from 'node:fs/promises';
import path from 'node:path';
import {alignWords} from '../align/align-words';
import {cacheDir, publicMediaDir} from '../cache/dirs';
import {readJsonOrNull, tempNameFor, writeFileAtomic} from '../cache/files';
import {ReelError} from '../errors';
import type {ScriptScene} from '../script/scenes';
import {runFf, probeStreams} from '../../render/ff';
import type {Narration} from './narrate';

/** Bump when alignment changes its results, so cached timings are redone. */
const ALIGN_VERSION = 'soundswallower@0.6.3/1';

export const voiceOver = async ({file, scenes, warn}: {file: string; scenes: ScriptScene[]; warn: (m: string) => void}): Promise<Narration> => {
	const bytes = await readFile(file).catch(() => {
		throw new ReelError('AUDIO_UNREADABLE', `${file}: voice-over file not found or unreadable`);
	});
	const key = createHash('sha256')
		.update(bytes)
		.update(JSON.stringify([ALIGN_VERSION, scenes.map((s) => s.text)]))
		.digest('hex')
		.slice(0, 20);
	const src = `narration/vo-${key}.wav`;
	const wavFile = path.join(publicMediaDir(), src);
	const metaFile = path.join(cacheDir(), 'narration', `vo-${key}.json`);
	const meta = (await readJsonOrNull(metaFile)) as Pick<Narration, 'durationMs' | 'sceneWords'> | null;
	if (meta && existsSync(wavFile)) return {...meta, src: `reel/${src}`, cached: true};

	const {words, warnings} = await alignWords({audioFile: file, words: scenes.flatMap((s) => s.words.map((w) => w.text))});
	for (const w of warnings) warn(`${file}: ${w}`);
	// Browsers play 48 kHz PCM everywhere; the original file may be any format ffmpeg reads.
	const temp = tempNameFor(wavFile) + '.wav';
	try {
		await runFf({bin: 'ffmpeg', args: ['-y', '-v', 'error', '-i', file, '-vn', '-ar', '48000', '-c:a', 'pcm_s16le', temp]});
		await rename(temp, wavFile);
	} finally {
		await rm(temp, {force: true});
	}
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
	return {...result, src: `reel/${src}`, cached: false};
};

const round = (x: number) => Math.round(x * 10) / 10;
