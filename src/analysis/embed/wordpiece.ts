// BERT-style WordPiece tokenisation (lower-cased, accents stripped, greedy
// longest match with "##" continuations), enough for the sentence encoders
// exported to ONNX (MiniLM, MPNet) that ship a vocab.txt.
export type WordPiece = {encode: (text: string, maxTokens: number) => number[]};

const splitBasic = (text: string): string[] =>
	text
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.split(/\s+/)
		.flatMap((w) => w.split(/([\p{P}\p{S}])/u))
		.filter((w) => w.length > 0);

export const createWordPiece = (vocabText: string): WordPiece => {
	const vocab = new Map<string, number>();
	vocabText.split(/\r?\n/).forEach((token, i) => token && !vocab.has(token) && vocab.set(token, i));
	const id = (token: string) => {
		const found = vocab.get(token);
		if (found === undefined) throw new Error(`vocab.txt has no "${token}" token`);
		return found;
	};
	const [cls, sep, unk] = [id('[CLS]'), id('[SEP]'), id('[UNK]')];
	const pieces = (word: string): number[] => {
		const out: number[] = [];
		for (let start = 0; start < word.length; ) {
			let end = word.length;
			let found = -1;
			for (; end > start; end--) {
				found = vocab.get((start > 0 ? '##' : '') + word.slice(start, end)) ?? -1;
				if (found >= 0) break;
			}
			if (found < 0) return [unk];
			out.push(found);
			start = end;
		}
		return out;
	};
	return {encode: (text, maxTokens) => [cls, ...splitBasic(text).flatMap(pieces).slice(0, maxTokens - 2), sep]};
};
