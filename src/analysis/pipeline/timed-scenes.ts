// Narration timings + scenes → the plan's words and timed scenes with their mood.
import type {Scene, Word} from '../../plan';
import {sceneMood} from '../director/mood';
import {tokenize} from '../script/nlp';

type ScriptScene = {id: number; paragraph: number; text: string; words: {text: string}[]};
type WordTiming = {startMs: number; endMs: number};

export const timeScenes = ({scenes, sceneWords}: {scenes: ScriptScene[]; sceneWords: WordTiming[][]}): {words: Word[]; timed: Scene[]} => {
	const words: Word[] = [];
	const timed: Scene[] = scenes.map((scene, i) => {
		const wordStart = words.length;
		scene.words.forEach((w, j) => {
			const t = sceneWords[i][j];
			words.push({text: (words.length ? ' ' : '') + w.text, startMs: t.startMs, endMs: t.endMs, timestampMs: t.startMs, confidence: 1});
		});
		return {
			id: scene.id,
			paragraph: scene.paragraph,
			text: scene.text,
			wordStart,
			wordEnd: words.length,
			startMs: words[wordStart].startMs,
			endMs: words[words.length - 1].endMs,
			mood: sceneMood({text: scene.text, tokens: tokenize(scene.text)}),
		};
	});
	return {words, timed};
};
