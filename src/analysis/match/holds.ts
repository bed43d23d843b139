// A held shot (the search let the clip of the shot before run on through a
// cut the director offered) becomes part of that shot: one longer shot of the
// clip, so the plan never shows the same clip twice in a row.
import type {ShotSlot} from '../director/cuts';
import type {Assignment} from './match-shots';

export type MergedCut = {
	slots: ShotSlot[];
	cut: Assignment[];
	/** For each merged shot, the slot it starts at (its style is that slot's). */
	firstSlot: number[];
};

export const mergeHolds = ({slots, cut}: {slots: ShotSlot[]; cut: Assignment[]}): MergedCut => {
	const out: MergedCut = {slots: [], cut: [], firstSlot: []};
	cut.forEach((a, i) => {
		const last = out.cut.length - 1;
		if (a.kind === 'clip' && a.held && last >= 0) {
			out.slots[last] = {...out.slots[last], endMs: slots[i].endMs};
			out.cut[last] = {...out.cut[last], reasons: [...out.cut[last].reasons, ...a.reasons]};
			return;
		}
		out.slots.push(slots[i]);
		out.cut.push(a);
		out.firstSlot.push(i);
	});
	return out;
};
