// Audio in: any file ffmpeg reads (WAV, MP3, M4A, FLAC, Ogg, a video's sound
// track) or samples at any rate, out as 16 kHz mono, the acoustic model's rate.
// 16-bit WAV is read in-process; everything else goes through Remotion's ffmpeg.
import {readFile} from 'node:fs/promises';
import {decodeWav} from '../audio/wav';
import {ReelError} from '../errors';
import {resample} from './resample';
import type {Pcm} from './types';

export const ALIGN_RATE = 16_000;

/** Below this an audio file holds no word worth aligning. */
const MIN_DURATION_MS = 100;

const readBytes = async (file: string): Promise<Buffer> => {
	try {
		return await readFile(file);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const problem = code === 'ENOENT' ? 'audio file not found' : code === 'EISDIR' ? 'is a folder, not an audio file' : `cannot read the audio file (${code ?? (error as Error).message})`;
		throw new ReelError('AUDIO_UNREADABLE', `${file}: ${problem}`);
	}
};

const wavOrNull = (bytes: Buffer): Pcm | null => {
	try {
		return decodeWav(bytes);
	} catch {
		return null; // not 16-bit PCM WAV: ffmpeg decides
	}
};

/** ffmpeg's own words, minus its banner noise: the first line that says what went wrong. */
const ffmpegProblem = (error: unknown): string => {
	const stderr = String((error as {stderr?: unknown}).stderr ?? '');
	const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
	const line = lines.find((l) => /invalid data|does not contain any stream|could not find|no such file|unknown|error|not supported/i.test(l)) ?? lines[0];
	if (!line) return (error as Error).message.split('\n')[0];
	if (/does not contain any stream|matches no streams/i.test(line)) return 'has no audio stream';
	if (/invalid data found/i.test(line)) return 'is not a readable audio file (ffmpeg: invalid data)';
	return `is not a readable audio file (ffmpeg: ${line.replace(/^.*?: /, '')})`;
};

const decodeWithFfmpeg = async (file: string): Promise<Pcm> => {
	const {runFfBytes} = await import('../../render/ff');
	try {
		const wav = await runFfBytes({args: ['-v', 'error', '-nostdin', '-i', file, '-vn', '-ac', '1', '-ar', String(ALIGN_RATE), '-f', 'wav', '-']});
		return decodeWav(wav);
	} catch (error) {
		throw new ReelError('AUDIO_UNREADABLE', `${file}: ${ffmpegProblem(error)}`);
	}
};

/** Mono at ALIGN_RATE; refuses audio too short to hold a word. `label` names the source in errors. */
export const toAlignRate = (pcm: Pcm, label = 'audio'): Pcm => {
	if (!(pcm.sampleRate > 0) || !Number.isFinite(pcm.sampleRate)) {
		throw new ReelError('AUDIO_UNREADABLE', `${label}: sample rate must be a positive number, got ${pcm.sampleRate}`);
	}
	const durationMs = (pcm.samples.length * 1000) / pcm.sampleRate;
	if (durationMs < MIN_DURATION_MS) {
		throw new ReelError('AUDIO_EMPTY', `${label}: the audio is empty (${Math.round(durationMs)} ms of sound)`);
	}
	const samples = pcm.samples.map((s) => (Number.isFinite(s) ? s : 0));
	return resample({samples, sampleRate: pcm.sampleRate}, ALIGN_RATE);
};

export const loadAudioFile = async (file: string): Promise<Pcm> => {
	const bytes = await readBytes(file);
	if (bytes.length === 0) throw new ReelError('AUDIO_EMPTY', `${file}: the audio file is empty (0 bytes)`);
	const pcm = wavOrNull(bytes) ?? (await decodeWithFfmpeg(file));
	return toAlignRate(pcm, file);
};
