// Matcher v0: lemma overlap between a scene and each clip's description, tags
// and file name, weighted by how rare the lemma is in the library (IDF).
import {keywords, tokenize} from '../script/nlp';

export type ClipTerms = {id: string; terms: Set<string>};
export type Scored = {clipId: string; score: number; reasons: string[]};

export const clipTerms = ({id, description, tags}: {id: string; description: string; tags: string[]}): ClipTerms => ({
	id,
	terms: new Set([...keywords(tokenize(description)), ...tags.flatMap((t) => keywords(tokenize(t))), ...tags.map((t) => t.toLowerCase())]),
});

export const inverseDocumentFrequency = (clips: ClipTerms[]): Map<string, number> => {
	const counts = new Map<string, number>();
	for (const c of clips) for (const t of c.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
	const idf = new Map<string, number>();
	for (const [t, n] of counts) idf.set(t, Math.log(1 + clips.length / n));
	return idf;
};

/**
 * Share of the scene's keyword weight that the clip covers, in [0, 1]. A scene
 * word absent from the whole library still counts in the denominator, so a
 * clip matching one word of ten scores lower than one matching one of two.
 */
export const scoreClips = ({sceneTerms, clips, idf}: {sceneTerms: string[]; clips: ClipTerms[]; idf: Map<string, number>}): Scored[] => {
	const unique = [...new Set(sceneTerms)];
	const fallbackWeight = Math.log(1 + clips.length);
	const weight = (t: string) => idf.get(t) ?? fallbackWeight;
	const total = unique.reduce((sum, t) => sum + weight(t), 0);
	return clips.map((clip) => {
		const reasons = unique.filter((t) => clip.terms.has(t));
		const covered = reasons.reduce((sum, t) => sum + weight(t), 0);
		// Square root: one strong shared word in a long sentence is still a real match.
		const score = total > 0 ? Math.sqrt(covered / total) : 0;
		return {clipId: clip.id, score: Math.round(score * 1000) / 1000, reasons};
	});
};
