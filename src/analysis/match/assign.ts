// Chooses a clip for every shot, in order: the best-scoring clip not used yet;
// a matching clip repeats only when no unused clip matches, and not in the next
// shot of its last use (back to back it reads as a jump cut); otherwise the
// clip later shots want least.
import type {Scored} from './keywords';

/** Shots that must pass before a clip may come back. */
const REPEAT_GAP = 1;

export type Assignment = {clipId: string; score: number; reasons: string[]};

export const assignClips = ({shotScores, clipIds}: {shotScores: Scored[][]; clipIds: string[]}): Assignment[] => {
	const lastUsed = new Map<string, number>();
	const demandAfter = futureDemand(shotScores);
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
		else {
			// Nothing fits: spend the clip the rest of the script wants least, least recently used first.
			const demand = demandAfter[shot];
			choice = scores
				.filter((s) => rested(s.clipId))
				.sort((a, b) => (demand.get(a.clipId) ?? 0) - (demand.get(b.clipId) ?? 0) || (lastUsed.get(a.clipId) ?? -1) - (lastUsed.get(b.clipId) ?? -1))[0];
		}
		lastUsed.set(choice.clipId, shot);
		return {clipId: choice.clipId, score: choice.score, reasons: choice.reasons};
	});
};

/** For each shot, the best score each clip could still earn in the shots after it. */
const futureDemand = (shotScores: Scored[][]): Map<string, number>[] => {
	const out: Map<string, number>[] = new Array(shotScores.length);
	let demand = new Map<string, number>();
	for (let i = shotScores.length - 1; i >= 0; i--) {
		out[i] = demand;
		demand = new Map(demand);
		for (const s of shotScores[i]) demand.set(s.clipId, Math.max(demand.get(s.clipId) ?? 0, s.score));
	}
	return out;
};
