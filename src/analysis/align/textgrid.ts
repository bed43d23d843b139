// Praat TextGrid interval tiers (the reference format of MFA and most phonetic
// corpora), in either of Praat's text layouts: the long one with "xmin = 0"
// labels and the short one with bare values. Point tiers are skipped.

export type Interval = {startMs: number; endMs: number; text: string};
export type Tier = {name: string; intervals: Interval[]};

/** Values in order: numbers, quoted strings ("" escapes a quote), and the <exists> flag. */
const tokens = (source: string): string[] => {
	const out: string[] = [];
	const re = /"((?:[^"]|"")*)"|([-+]?\d*\.?\d+(?:[eE][-+]?\d+)?)|<exists>/g;
	for (const line of source.split(/\r?\n/)) {
		if (/^\s*(item\s*\[\]|intervals\s*\[\d*\]|points\s*\[\d*\]|item\s*\[\d+\])\s*:?\s*$/.test(line)) continue; // headers; their indices are not values
		for (const m of line.replace(/^\s*[A-Za-z_ ]+\s*(\[\d+\])?\s*=\s*/, '').matchAll(re)) {
			out.push(m[1] !== undefined ? `"${m[1].replace(/""/g, '"')}` : m[2] ?? '<exists>');
		}
	}
	return out;
};

export const parseTextGrid = (source: string): Tier[] => {
	const t = tokens(source.replace(/^\uFEFF/, ''));
	let i = 0;
	const take = (): string => {
		if (i >= t.length) throw new Error('TextGrid ends early');
		return t[i++];
	};
	const num = (): number => {
		const v = Number(take());
		if (!Number.isFinite(v)) throw new Error(`TextGrid: expected a number at value ${i}`);
		return v;
	};
	const str = (): string => {
		const v = take();
		if (!v.startsWith('"')) throw new Error(`TextGrid: expected a quoted string at value ${i}`);
		return v.slice(1);
	};
	if (t[0] !== '"ooTextFile' || t[1] !== '"TextGrid') throw new Error('not a TextGrid (expected "ooTextFile" / "TextGrid")');
	i = 2;
	num();
	num();
	if (take() !== '<exists>') return [];
	const count = num();
	const tiers: Tier[] = [];
	for (let k = 0; k < count; k++) {
		const kind = str();
		const name = str();
		num();
		num();
		const n = num();
		const intervals: Interval[] = [];
		for (let j = 0; j < n; j++) {
			if (kind === 'IntervalTier') intervals.push({startMs: num() * 1000, endMs: num() * 1000, text: str()});
			else (num(), str()); // a point: time and mark
		}
		if (kind === 'IntervalTier') tiers.push({name, intervals});
	}
	return tiers;
};

/** The non-empty intervals of the tier named `name` (or the first tier): the words of a word tier. */
export const wordIntervals = (tiers: Tier[], name = 'words'): Interval[] =>
	(tiers.find((tier) => tier.name === name) ?? tiers[0])?.intervals.filter((iv) => iv.text.trim() !== '') ?? [];
