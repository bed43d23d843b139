// Chooses a clip for every shot, in order. A clip already shown pays a
// penalty, so a fresh clip that matches wins, but a clearly better match may
// come back (the storm clip for "lightning" rather than a campfire at night).
// Never the same clip twice in a row: back to back it reads as a jump cut.
// When nothing matches, the clip later shots want least is spent.
import type {Scored} from './keywords';

/** Score a repeated clip gives up; higher means more variety, less relevance. */
export const REPEAT_PENALTY = 0.25;

export type Assignment = {clipId: string; score: number; reasons: string[]};

export const assignClips = ({shotScores, clipIds}: {shotScores: Scored[][]; clipIds: string[]}): Assignment[] => {
	const lastUsed = new Map<string, number>();
	const demandAfter = futureDemand(shotScores);
	const order = new Map(clipIds.map((id, i) => [id, i]));
	return shotScores.map((scores, shot) => {
		const allowed = scores.filter((s) => lastUsed.get(s.clipId) !== shot - 1 || clipIds.length === 1);
		const effective = (s: Scored) => (s.score > 0 ? s.score - (lastUsed.has(s.clipId) ? REPEAT_PENALTY : 0) : 0);
		const best = [...allowed].sort((a, b) => effective(b) - effective(a) || order.get(a.clipId)! - order.get(b.clipId)!)[0];
		let choice = best;
		if (effective(best) <= 0) {
			const demand = demandAfter[shot];
			choice = [...allowed].sort(
				(a, b) =>
					(demand.get(a.clipId) ?? 0) - (demand.get(b.clipId) ?? 0) ||
					(lastUsed.get(a.clipId) ?? -1) - (lastUsed.get(b.clipId) ?? -1) ||
					order.get(a.clipId)! - order.get(b.clipId)!,
			)[0];
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
