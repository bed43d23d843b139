// Which narration voice a user means. `espeak:en-us` (or a bare `en-us`) is
// an espeak-ng voice; `piper:<name>` is a Piper voice registered with
// `npm run voices -- add|install`, and `piper:<path>.onnx` one used in place.
// The registry is one JSON file in the voices folder: name → model path.
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {z} from 'zod';
import {cacheDir} from '../cache/dirs';
import {writeFileAtomic} from '../cache/files';
import {ReelError} from '../errors';
import {readPiperConfig} from './piper-config';

export type VoiceSpec = {engine: 'espeak'; voice: string} | {engine: 'piper'; ref: string};

const RegistrySchema = z.object({voices: z.record(z.string(), z.object({model: z.string(), source: z.enum(['added', 'installed'])}))});
type Registry = z.infer<typeof RegistrySchema>;
export type VoiceEntry = {name: string; model: string; source: 'added' | 'installed'};

/** `REEL_VOICES_DIR` moves installed voices (they are large) out of the cache. */
export const voicesDir = (): string => path.resolve(process.env.REEL_VOICES_DIR ?? path.join(cacheDir(), 'voices'));
const registryFile = () => path.join(voicesDir(), 'voices.json');

export const parseVoiceSpec = (raw: string): VoiceSpec => {
	const match = /^(espeak|piper):(.*)$/.exec(raw.trim());
	if (!match) {
		if (/^[a-z]+:/i.test(raw)) throw new ReelError('BAD_OPTION', `--voice "${raw}": unknown engine; use espeak:<language> (e.g. espeak:en-us) or piper:<name or .onnx path>`);
		return {engine: 'espeak', voice: raw.trim()};
	}
	const rest = match[2].trim();
	if (rest === '') throw new ReelError('BAD_OPTION', `--voice "${raw}" names no voice; e.g. espeak:en-us or piper:en_US-lessac-medium`);
	return match[1] === 'espeak' ? {engine: 'espeak', voice: rest} : {engine: 'piper', ref: rest};
};

const readRegistry = async (): Promise<Registry> => {
	const text = await readFile(registryFile(), 'utf8').catch(() => null);
	if (text === null) return {voices: {}};
	const parsed = RegistrySchema.safeParse((() => {
		try {
			return JSON.parse(text);
		} catch {
			return null;
		}
	})());
	if (!parsed.success) throw new ReelError('VOICE_BROKEN', `${registryFile()}: voice registry is damaged; delete it and add the voices again`);
	return parsed.data;
};

export const registerVoice = async (entry: VoiceEntry): Promise<void> => {
	const registry = await readRegistry();
	registry.voices[entry.name] = {model: entry.model, source: entry.source};
	await writeFileAtomic(registryFile(), JSON.stringify(registry, null, 2) + '\n');
};

export const listRegisteredVoices = async (): Promise<VoiceEntry[]> =>
	Object.entries((await readRegistry()).voices)
		.map(([name, v]) => ({name, ...v}))
		.sort((a, b) => a.name.localeCompare(b.name));

/** Checks a local voice (both files, a readable config) and registers it under its file name. */
export const addVoice = async (file: string): Promise<VoiceEntry> => {
	const model = path.resolve(file.endsWith('.onnx.json') ? file.slice(0, -'.json'.length) : file);
	if (!model.endsWith('.onnx')) throw new ReelError('BAD_OPTION', `${file}: a Piper voice is a .onnx file with its .onnx.json next to it`);
	if (!existsSync(model)) throw new ReelError('VOICE_MISSING', `${model}: file not found`);
	await readPiperConfig(`${model}.json`);
	const entry: VoiceEntry = {name: path.basename(model, '.onnx'), model, source: 'added'};
	await registerVoice(entry);
	return entry;
};

/** The `.onnx` file a `piper:` reference means: a path as given, else a registered name. */
export const resolvePiperModel = async (ref: string): Promise<string> => {
	if (ref.endsWith('.onnx') || ref.includes('/') || ref.includes(path.sep)) {
		const model = path.resolve(ref);
		if (!existsSync(model)) throw new ReelError('VOICE_MISSING', `${model}: Piper voice not found (check the path, or register one with: npm run voices -- add <file.onnx>)`);
		return model;
	}
	const entry = (await readRegistry()).voices[ref];
	if (!entry) {
		throw new ReelError('VOICE_MISSING', `no Piper voice named "${ref}": npm run voices -- list shows the installed ones; add one with npm run voices -- add <file.onnx> or npm run voices -- install ${ref} --allow-network`);
	}
	if (!existsSync(entry.model)) throw new ReelError('VOICE_MISSING', `${entry.model}: the file of Piper voice "${ref}" is gone; add or install it again`);
	return entry.model;
};
