// Transcript + audio → when each transcript word is spoken. A short list of
// stages: read both, check there is something to align, look up
// pronunciations, decode (in windows when long), refine on the signal (for
// narrowband audio), and
// say how far to trust the result.
import {ReelError} from '../errors';
import {isSilent, isWideband, measureActivity, speechMask, type Activity} from './activity';
import {loadAudioFile, toAlignRate} from './audio';
import {distrustForced, extraSpeechWarnings, lowConfidenceWarnings, missingWarnings, wordConfidence} from './diagnose';
import {loadEngine, type DecodedWord} from './engine';
import {buildLexicon} from './lexicon';
import {decodeInHalves, warmDecodeWorker} from './parallel';
import {refineBoundaries} from './refine';
import {sentenceStarts} from './sentences';
import {reattachStranded} from './stranded';
import {classifyWord, wordsFromTranscript, type TranscriptWord} from './transcript';
import {defaultAlignOptions, type AlignOptions, type AlignResult, type AlignedWord, type Pcm} from './types';
import {detectQuiet} from './voice';
import {decodeInWindows} from './windows';

export type AlignInput = ({audioFile: string} | {samples: Float32Array; sampleRate: number}) &
	({transcript: string} | {words: string[]}) & {options?: Partial<AlignOptions>};

/** Sound this far above the floor counts when estimating the speaking rate, finding pauses, and judging whether a pause holds speech. */
const SPEECH_DB = 6;

const readInput = async (input: AlignInput): Promise<{pcm: Pcm; words: TranscriptWord[]; label: string}> => {
	const words = 'words' in input ? input.words.map(classifyWord) : wordsFromTranscript(input.transcript);
	if (!words.some((w) => w.kind !== 'none')) throw new ReelError('TRANSCRIPT_EMPTY', 'the transcript has no words to align');
	const label = 'audioFile' in input ? input.audioFile : 'audio';
	const pcm = 'audioFile' in input ? await loadAudioFile(input.audioFile) : toAlignRate(input, label);
	return {pcm, words, label};
};

/** Words the decoder could not place: spread over what is left, by length, with no confidence. */
const spreadWords = (count: number, fromMs: number, toMs: number): DecodedWord[] =>
	Array.from({length: count}, (_, i) => ({
		wordIndex: i,
		startMs: fromMs + ((toMs - fromMs) * i) / count,
		endMs: fromMs + ((toMs - fromMs) * (i + 1)) / count,
		probability: 0,
	}));

const decodeAll = async (engine: Awaited<ReturnType<typeof loadEngine>>, pcm: Pcm, {keys, starts, entries}: {keys: string[]; starts: number[]; entries: [string, string][]}, speech: Uint8Array, options: AlignOptions) => {
	const durationMs = (pcm.samples.length * 1000) / pcm.sampleRate;
	const request = {engine, samples: pcm.samples, sampleRate: pcm.sampleRate, keys, starts, speech, options};
	const result = (await decodeInHalves({...request, entries})) ?? decodeInWindows(request);
	if (result.failedFrom === null) return {decoded: result.words, failure: null};
	const rest = spreadWords(keys.length - result.failedFrom, result.failedAtMs, durationMs).map((w) => ({...w, wordIndex: w.wordIndex + result.failedFrom!}));
	return {decoded: [...result.words, ...rest], failure: {fromWord: result.failedFrom, atMs: result.failedAtMs}};
};

/** Decoded segments → one timed word per transcript word (words with nothing to hear, or not in the audio, get an instant). */
const toAlignedWords = ({words, spokenIndex, phoneCounts, decoded, activity, refine}: {
	words: TranscriptWord[];
	spokenIndex: number[];
	phoneCounts: number[];
	decoded: DecodedWord[];
	activity: Activity;
	refine: boolean;
}): AlignedWord[] => {
	const spoken = decoded.filter((w) => w.wordIndex >= 0);
	const silent = (w: DecodedWord | undefined) => !w || w.wordIndex < 0 || w.missing === true;
	const heard = spoken.filter((w) => !w.missing);
	const placed = heard.map((w) => {
		const at = decoded.indexOf(w);
		const before = decoded[at - 1];
		const after = decoded[at + 1];
		return {startMs: w.startMs, endMs: w.endMs, pauseBefore: silent(before) || before.endMs < w.startMs, pauseAfter: silent(after) || after.startMs > w.endMs};
	});
	const refined = refine ? refineBoundaries({words: placed, activity}) : placed;
	const times = new Map(heard.map((w, i) => [w, refined[i]]));
	const out: AlignedWord[] = [];
	let cursor = 0;
	let next = 0;
	words.forEach((word, i) => {
		const t = spokenIndex[next] === i ? times.get(spoken[next]) : undefined;
		if (!t) {
			const at = spokenIndex[next] === i ? Math.max(cursor, Math.round(spoken[next++].startMs)) : cursor;
			out.push({text: word.text, startMs: at, endMs: at, confidence: 0});
			cursor = at;
			return;
		}
		const startMs = Math.max(cursor, Math.round(t.startMs));
		const endMs = Math.max(startMs + 1, Math.round(t.endMs));
		out.push({text: word.text, startMs, endMs, confidence: wordConfidence(spoken[next], phoneCounts[i])});
		cursor = endMs;
		next++;
	});
	return out;
};

export const alignWords = async (input: AlignInput): Promise<AlignResult> => {
	const options = {...defaultAlignOptions, ...input.options};
	const {pcm, words, label} = await readInput(input);
	const durationMs = (pcm.samples.length * 1000) / pcm.sampleRate;
	const engine = await loadEngine().catch((error: Error) => {
		throw new ReelError('ALIGN_FAILED', `cannot load the acoustic model (soundswallower): ${error.message.split('\n')[0]}`);
	});
	if (durationMs >= options.parallelMinMs) warmDecodeWorker(); // it loads its model while this thread measures the audio
	// espeak-ng pronounces unknown words on its own thread meanwhile, too.
	const pending = buildLexicon(engine, words);
	pending.catch(() => undefined); // awaited below, unless the audio turns out silent
	const measured = measureActivity(pcm);
	if (isSilent(measured)) throw new ReelError('AUDIO_SILENT', `${label}: no speech found: the audio is silent or steady noise`);
	// The voice detector runs whenever this thread waits (on espeak, on the other half of a long take); the search itself does not need it.
	const quiet = options.voiceDetector ? detectQuiet(pcm, measured.levelDb.length) : Promise.resolve(null);
	const lexicon = await pending;
	const spokenIndex = words.flatMap((w, i) => (w.kind === 'none' ? [] : [i]));
	const keys = spokenIndex.map((i) => lexicon.keys[i]!);
	const starts = sentenceStarts(spokenIndex.map((i) => words[i].text));
	const speech = speechMask(measured, SPEECH_DB);
	const {decoded: raw, failure} = await decodeAll(engine, pcm, {keys, starts, entries: lexicon.entries}, speech, options);
	const activity = {...measured, quiet: (await quiet) ?? undefined};
	const decoded = failure ? raw : reattachStranded({decoded: distrustForced({decoded: raw, starts, speech}), activity, starts});
	const refine = options.refineBoundaries === 'auto' ? !isWideband(pcm) : options.refineBoundaries;
	const aligned = toAlignedWords({words, spokenIndex, phoneCounts: lexicon.phoneCounts, decoded, activity, refine});
	const limitMs = Math.floor(durationMs);
	for (const w of aligned) {
		w.startMs = Math.min(w.startMs, limitMs);
		w.endMs = Math.min(w.endMs, limitMs);
	}
	const warnings = [
		...(failure ? [`could not match the transcript to the audio from word ${spokenIndex[failure.fromWord] + 1} ("${words[spokenIndex[failure.fromWord]].text}") at ${(failure.atMs / 1000).toFixed(1)} s on: those times are estimates`] : []),
		...missingWarnings({words: aligned, decoded, spokenIndex}),
		...lowConfidenceWarnings(aligned),
		...extraSpeechWarnings({words: aligned, activity, durationMs}),
		...(lexicon.guessed.length ? [`not in the dictionary, pronounced by espeak-ng: ${lexicon.guessed.slice(0, 8).join(', ')}${lexicon.guessed.length > 8 ? ', …' : ''}`] : []),
	];
	return {words: aligned, warnings};
};
