// Chooses a clip for every shot, in order: the best-scoring clip not used yet;
// a matching clip repeats only when no unused clip matches, and not within a
// few shots of its last use; otherwise the least recently used clip.
import type {Scored} from './keywords';

/** Shots that must pass before a clip may come back (fewer in a tiny library). */
const REPEAT_GAP = 3;

export type Assignment = {clipId: string; score: number; reasons: string[]};

export const assignClips = ({shotScores, clipIds}: {shotScores: Scored[][]; clipIds: string[]}): Assignment[] => {
	const lastUsed = new Map<string, number>();
	return shotScores.map((scores, shot) => {
		const gap = Math.min(REPEAT_GAP, clipIds.length - 1);
		const rested = (id: string) => shot - (lastUsed.get(id) ?? -Infinity) > gap;
		const unused = scores.filter((s) => !lastUsed.has(s.clipId));
		const byScore = (a: Scored, b: Scored) => b.score - a.score || clipIds.indexOf(a.clipId) - clipIds.indexOf(b.clipId);
		const bestUnused = [...unused].sort(byScore)[0];
		const bestRepeat = scores.filter((s) => rested(s.clipId) && s.score > 0).sort(byScore)[0];
		let choice: Scored | undefined;
		if (bestUnused && bestUnused.score > 0) choice = bestUnused;
		else if (bestRepeat) choice = bestRepeat;
		else if (bestUnused) choice = bestUnused;
		else {
			// Nothing fits and every clip was used: the least recently used one.
			choice = scores
				.filter((s) => rested(s.clipId))
				.sort((a, b) => (lastUsed.get(a.clipId) ?? -1) - (lastUsed.get(b.clipId) ?? -1))[0];
		}
		lastUsed.set(choice.clipId, shot);
		return {clipId: choice.clipId, score: choice.score, reasons: choice.reasons};
	});
};
