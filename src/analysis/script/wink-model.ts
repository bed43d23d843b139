// wink-eng-lite-web-model with a cheaper core(). The package's core() deep-
// copies its 3 MB JSON model (JSON.parse(JSON.stringify(…))) before unpacking
// it: ~80 ms of a cold plan here, plus the garbage. The copy only keeps the
// JSON pristine for a later core() call; this copies just what the unpacking
// and wink-nlp change (the top-level objects it assigns into, and the feature
// lists that out-of-vocabulary words are appended to), and unpacks as the
// package does (dist/read-core-model.js and dist/load-core-model.js, 1.8.1).
import {createRequire} from 'node:module';
import packageModel from 'wink-eng-lite-web-model';

type Feature = {list: unknown[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number};
/** [word offset, mask, shift, 0 = its values are listed in features, 1 = extended feature, …] */
type Layout = Record<string, number[]>;
type CoreModel = {
	packing: {layout: Layout; efList?: string[]};
	features: Record<string, Feature>;
	pos: {hash: Record<string, number>};
	lexicon: string | Uint32Array;
	xpansions: string | Uint32Array;
	[key: string]: unknown;
};

const require = createRequire(import.meta.url);

const uint32FromBase64 = (data: string): Uint32Array => {
	const bytes = Buffer.from(data, 'base64');
	// A fresh, aligned copy (Buffer pools small ones at arbitrary offsets).
	return new Uint32Array(new Uint8Array(bytes).buffer);
};

const hashOf = (list: unknown[]): Record<string, number> => {
	const hash: Record<string, number> = Object.create(null);
	for (let k = 0; k < list.length; k++) hash[list[k] as string] = k;
	return hash;
};

/** The unpacked core model, equal to the package's core() (checked in test/wink-model.test.ts). */
export const loadCoreModel = (): CoreModel => {
	const source = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as CoreModel;
	const features = Object.fromEntries(Object.entries(source.features).map(([name, f]) => [name, {...f, list: f.list.slice()}]));
	const model: CoreModel = {...source, packing: {...source.packing}, features};
	model.lexicon = uint32FromBase64(source.lexicon as string);
	model.xpansions = uint32FromBase64(source.xpansions as string);
	const {layout} = model.packing;
	for (const f in layout) if (layout[f][3] === 0) features[f].hash = hashOf(features[f].list);
	features.lexeme.hash = hashOf(features.lexeme.list);
	features.posClusters.list = features.posClusters.list.map((cluster) => new Set((cluster as string).split('_').map((tag) => model.pos.hash[tag] || 0)));
	// load-core-model.js
	const efList: string[] = [];
	for (const f in layout) {
		if (layout[f][3] === 0) {
			features[f].intrinsicSize = features[f].list.length;
			features[f].index = features[f].list.length;
			features[f].maxIndex = layout[f][1] >>> layout[f][2];
		}
		if (layout[f][4] === 1) efList.push(f);
	}
	model.packing.efList = efList;
	features.lexeme.intrinsicSize = features.lexeme.list.length;
	features.lexeme.index = features.lexeme.list.length;
	return model;
};

/** The package's model with loadCoreModel as its core(). */
export const winkModel = {...(packageModel as object), core: loadCoreModel} as typeof packageModel;
