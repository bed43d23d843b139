// Scenes (sentence split, caption words) cached by the script's text: the
// NLP pass is the one piece of analysis before narration that costs time.
import {existsSync} from 'node:fs';
import {codeVersion} from '../cache/code-version';
import {entryFile, hashKey, type CacheStore} from '../cache/store';
import {scriptToScenes, type ScriptScene} from '../script/scenes';

export const SCENES_STAGE = 'scenes';

const scenesKey = (script: string): string => hashKey(['scenes', codeVersion(['src/analysis/script'], ['wink-nlp', 'wink-eng-lite-web-model']), script]);

/** Whether this script's scenes are stored: a cheap look, before the NLP pass. */
export const scenesCached = (script: string): boolean => existsSync(entryFile(SCENES_STAGE, scenesKey(script)));

export const cachedScenes = async (cache: CacheStore, script: string): Promise<ScriptScene[]> => {
	const key = scenesKey(script);
	const hit = await cache.getJson<ScriptScene[]>(SCENES_STAGE, key, (v): v is ScriptScene[] => Array.isArray(v) && v.length > 0);
	if (hit) return hit;
	const scenes = scriptToScenes(script);
	await cache.putJson(SCENES_STAGE, key, scenes);
	return scenes;
};
