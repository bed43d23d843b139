// The plan options' voice, rate and pitch → the engine and settings that
// speak the narration. Resolved (and a Piper voice's config read) before any
// work starts, so a wrong voice fails first, with the fix in the message.
import path from 'node:path';
import type {NarrationVoice} from './narrate';
import {readPiperConfig} from './piper-config';
import {parseVoiceSpec, resolvePiperModel} from './voices';

/** The rate at which a Piper voice speaks as trained (its length_scale unchanged); espeak's default too. */
export const NOMINAL_RATE_WPM = 165;

export const narrationVoice = async ({voice, rate, pitch, noiseScale, noiseW}: {voice: string; rate: number; pitch: number; noiseScale?: number; noiseW?: number}): Promise<NarrationVoice> => {
	const spec = parseVoiceSpec(voice);
	if (spec.engine === 'espeak') return {engine: 'espeak', options: {voice: spec.voice, rateWpm: rate, pitch}};
	const model = await resolvePiperModel(spec.ref);
	await readPiperConfig(`${model}.json`);
	// --rate scales the voice's own pace; Piper has no pitch control, so --pitch does not apply.
	return {engine: 'piper', options: {model, lengthFactor: NOMINAL_RATE_WPM / rate, noiseScale, noiseW, speaker: 0}};
};

/** What the plan records as the voice: the espeak voice name, or the Piper voice's file name. */
export const voiceLabel = (voice: NarrationVoice): string =>
	voice.engine === 'espeak' ? voice.options.voice : path.basename(voice.options.model, '.onnx');
