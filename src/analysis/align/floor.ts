// The noise floor a frame's level is measured against, per stretch of the
// take. One floor for the whole take fails wherever the room changes (a fan
// switches on, a take is spliced from two sessions, the gain is moved): in the
// quieter part every breath and hiss then counts as sound, and no pause edge
// can be found; in the louder part weak consonants fall below it. So the floor
// is the low percentile of the levels around each point, not of all of them.

/** Floor anchors every STEP_MS, each the percentile of the levels SPAN_MS either side: long enough to hold pauses, short enough to follow the room. */
const STEP_MS = 5_000;
const SPAN_MS = 15_000;

/** The `p` quantile of `values` (-120 dB for none). */
export const percentile = (values: Float32Array, p: number): number => {
	if (values.length === 0) return -120;
	const sorted = Float32Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};

/** Per frame: the `p` percentile of `db` near it, interpolated between anchors (a take shorter than 2 × SPAN_MS gets one floor, as a whole). */
export const localFloor = (db: Float32Array, hopMs: number, p: number): Float32Array => {
	const out = new Float32Array(db.length);
	const step = Math.round(STEP_MS / hopMs);
	const span = Math.round(SPAN_MS / hopMs);
	if (db.length <= 2 * span) return out.fill(percentile(db, p));
	const centres: number[] = [];
	for (let c = Math.floor(step / 2); c < db.length; c += step) centres.push(c);
	const floors = centres.map((c) => percentile(db.subarray(Math.max(0, c - span), Math.min(db.length, c + span)), p));
	let k = 0;
	for (let f = 0; f < db.length; f++) {
		while (k + 1 < centres.length && centres[k + 1] <= f) k++;
		if (f <= centres[0] || k + 1 >= centres.length) out[f] = floors[f <= centres[0] ? 0 : k];
		else out[f] = floors[k] + ((floors[k + 1] - floors[k]) * (f - centres[k])) / (centres[k + 1] - centres[k]);
	}
	return out;
};
