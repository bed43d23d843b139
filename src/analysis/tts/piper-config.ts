// A Piper voice is two files: `name.onnx` (the VITS model) and
// `name.onnx.json` (how to feed it). This reads and checks the config once,
// at the edge, so a broken voice fails with its file named and not halfway
// through a narration.
import {readFile} from 'node:fs/promises';
import {z} from 'zod';
import {ReelError} from '../errors';

const PiperConfigSchema = z.object({
	audio: z.object({sample_rate: z.number().int().min(8000).max(96000)}),
	espeak: z.object({voice: z.string().min(1)}),
	inference: z
		.object({noise_scale: z.number().default(0.667), length_scale: z.number().positive().default(1), noise_w: z.number().default(0.8)})
		.default({noise_scale: 0.667, length_scale: 1, noise_w: 0.8}),
	phoneme_type: z.string().default('espeak'),
	phoneme_id_map: z.record(z.string(), z.array(z.number().int().min(0)).min(1)),
	/** piper1 voices may list vowel clusters ("a", "ɪ") that the model reads as one phoneme ("aɪ"). */
	vowel_clusters: z.array(z.array(z.string())).optional(),
	num_speakers: z.number().int().min(1).default(1),
	/** Audio samples per model frame: turns a duration output (frames per id) into samples. */
	hop_length: z.number().int().positive().default(256),
	language: z.object({code: z.string()}).partial().optional(),
	dataset: z.string().optional(),
});

export type PiperConfig = {
	sampleRate: number;
	espeakVoice: string;
	scales: {noise: number; length: number; noiseW: number};
	idMap: Map<string, number[]>;
	vowelClusters: string[][];
	numSpeakers: number;
	hopLength: number;
	/** e.g. "en_US", or the espeak voice when the config names no language. */
	language: string;
};

/** Ids every Piper model is trained with around and between phonemes. */
export const PAD = '_';
export const BOS = '^';
export const EOS = '$';

export const parsePiperConfig = (json: unknown, file: string): PiperConfig => {
	const parsed = PiperConfigSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new ReelError('VOICE_BROKEN', `${file}: not a Piper voice config: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
	}
	const c = parsed.data;
	if (c.phoneme_type !== 'espeak') {
		throw new ReelError('VOICE_BROKEN', `${file}: phoneme_type "${c.phoneme_type}" is not supported (reel phonemises with espeak-ng); pick an espeak-based Piper voice`);
	}
	for (const symbol of [PAD, BOS, EOS]) {
		if (!c.phoneme_id_map[symbol]) throw new ReelError('VOICE_BROKEN', `${file}: phoneme_id_map has no "${symbol}" (pad/bos/eos); the config is incomplete`);
	}
	return {
		sampleRate: c.audio.sample_rate,
		espeakVoice: c.espeak.voice,
		scales: {noise: c.inference.noise_scale, length: c.inference.length_scale, noiseW: c.inference.noise_w},
		idMap: new Map(Object.entries(c.phoneme_id_map)),
		vowelClusters: c.vowel_clusters ?? [],
		numSpeakers: c.num_speakers,
		hopLength: c.hop_length,
		language: c.language?.code ?? c.espeak.voice,
	};
};

export const readPiperConfig = async (file: string): Promise<PiperConfig> => {
	const text = await readFile(file, 'utf8').catch(() => {
		throw new ReelError('VOICE_MISSING', `${file}: Piper voice config not found; a voice needs both name.onnx and name.onnx.json side by side`);
	});
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		throw new ReelError('VOICE_BROKEN', `${file}: not valid JSON (${(error as Error).message}); download the voice's .onnx.json again`);
	}
	return parsePiperConfig(json, file);
};
