// What a clip is about: its sidecar/manifest description and tags, or else
// the words of its file name ("ocean-waves_sunset-4k.mp4" → "ocean waves sunset").
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {z} from 'zod';

export type ClipText = {description: string; tags: string[]};

const EntrySchema = z.object({description: z.string().default(''), tags: z.array(z.string()).default([])});
const ManifestSchema = z.object({clips: z.record(z.string(), EntrySchema)});

const NOISE = /^(\d+|\d+p|\d+k|\d+fps|hd|uhd|fhd|4k|8k|final|copy|clip|video|footage|stock|v\d+|take\d*)$/i;

export const wordsFromFileName = (file: string): string =>
	path
		.basename(file, path.extname(file))
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w && !NOISE.test(w))
		.join(' ')
		.toLowerCase();

const readJson = async (file: string, warn: (m: string) => void): Promise<unknown | null> => {
	const text = await readFile(file, 'utf8').catch(() => null);
	if (text === null) return null;
	try {
		return JSON.parse(text);
	} catch {
		warn(`${file}: not valid JSON; ignoring it`);
		return null;
	}
};

/** Reads `clips.json` (manifest) once per folder; keys are file names relative to the folder. */
export const readManifest = async (dir: string, warn: (m: string) => void): Promise<Map<string, ClipText>> => {
	const file = path.join(dir, 'clips.json');
	const json = await readJson(file, warn);
	if (json === null) return new Map();
	const parsed = ManifestSchema.safeParse(json);
	if (!parsed.success) {
		warn(`${file}: expected {"clips": {"<file>": {"description", "tags"}}}; ignoring it`);
		return new Map();
	}
	return new Map(Object.entries(parsed.data.clips));
};

export const sidecarPath = (file: string): string => file.slice(0, -path.extname(file).length) + '.json';

/** Sidecar `<clip>.json` next to the clip wins over the manifest; the file name is the fallback. */
export const describeClip = async ({
	file,
	manifestEntry,
	warn,
	sidecarExists = true,
}: {
	file: string;
	manifestEntry: ClipText | undefined;
	warn: (m: string) => void;
	/** False when the folder listing shows no sidecar: a failed open per clip was a fifth of a warm 500-clip plan. @default true */
	sidecarExists?: boolean;
}): Promise<ClipText> => {
	const sidecarFile = sidecarPath(file);
	const sidecar = sidecarExists ? await readJson(sidecarFile, warn) : null;
	if (sidecar !== null) {
		const parsed = EntrySchema.safeParse(sidecar);
		if (parsed.success) return parsed.data;
		warn(`${sidecarFile}: expected {"description", "tags"}; ignoring it`);
	}
	if (manifestEntry && (manifestEntry.description || manifestEntry.tags.length)) return manifestEntry;
	return {description: wordsFromFileName(file), tags: []};
};
