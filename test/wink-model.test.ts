import {isDeepStrictEqual} from 'node:util';
import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import packageModel from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import {loadCoreModel, winkModel} from '../src/analysis/script/wink-model';

const source = () => JSON.stringify(createRequire(import.meta.url)('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json'));

describe('wink model without the deep copy', () => {
	it('unpacks to what the package unpacks, and leaves the packed JSON as it was', () => {
		const before = source();
		const ours = loadCoreModel();
		const theirs = (packageModel as unknown as {core: () => unknown}).core();
		expect(isDeepStrictEqual(ours, theirs)).toBe(true);
		// wink-nlp appends words it has never seen to the lists: our copies, not the JSON's.
		let used = ours;
		const nlp = winkNLP({...winkModel, core: () => (used = loadCoreModel())});
		nlp.readDoc('Zorblax quoggled the flimberwick.').tokens().out();
		expect(used).not.toBe(ours);
		expect(used.features.lexeme.list.length).toBeGreaterThan(used.features.lexeme.intrinsicSize!);
		expect(source()).toBe(before);
		expect(isDeepStrictEqual(loadCoreModel(), theirs)).toBe(true);
	});

	it('reads a text as the package model does', () => {
		const text = "The storm didn't wait. Dr. Smith's crew, soaked at 3:45 p.m., ran for the boats!";
		const read = (model: typeof packageModel) => {
			const nlp = winkNLP(model);
			const its = nlp.its;
			const doc = nlp.readDoc(text);
			return [doc.sentences().out(), doc.tokens().out(its.pos), doc.tokens().out(its.normal), doc.tokens().out(its.type)];
		};
		expect(read(winkModel)).toEqual(read(packageModel));
	});
});
