// npm run eval:align [-- DIR] [--no-refine | --refine] [--no-voice-detector] [--no-fillers] [--no-long] [--dump] [--shifts]
// Word-boundary error of the aligner against reference TextGrids (default: the
// MFA development set in ../shared/data/align/mfa), per file and overall, with
// real-time factor; then a 5-minute take (the files repeated) for speed and memory.
// --dump lists every boundary off by more than 100 ms, with the reference's pause beside it.
// --shifts runs the files again started 1–9 ms later and prints how far the figures move over the ten.
import {readFileSync, readdirSync} from 'node:fs';
import {readFile, readdir} from 'node:fs/promises';
import {loadavg} from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {alignWords} from '../src/analysis/align/align-words';
import {loadAudioFile} from '../src/analysis/align/audio';
import {boundaryErrors, largeErrors, pairWords, summarize, type BoundaryStats, type TimedText} from '../src/analysis/align/evaluate';
import {parseTextGrid, wordIntervals} from '../src/analysis/align/textgrid';
import type {Pcm} from '../src/analysis/align/types';
import {PROJECT_ROOT} from '../src/analysis/cache/dirs';
import {peakRssMb} from '../src/analysis/report/stages';

const {values, positionals} = parseArgs({options: {'no-refine': {type: 'boolean'}, refine: {type: 'boolean'}, 'no-voice-detector': {type: 'boolean'}, dump: {type: 'boolean'}, 'no-fillers': {type: 'boolean'}, 'no-long': {type: 'boolean'}, shifts: {type: 'boolean'}}, allowPositionals: true});
const dir = positionals[0] ?? path.join(PROJECT_ROOT, '..', 'shared', 'data', 'align', 'mfa');
const FILLERS = /^(uh|um|erm|er|ah|hmm|mm)$/i;
const keepWord = (text: string) => !values['no-fillers'] || !FILLERS.test(text);

type Case = {name: string; pcm: Pcm; transcript: string; reference: TimedText[]};

const loadCase = async (name: string): Promise<Case> => {
	const base = path.join(dir, name);
	const transcript = (await readFile(`${base}.txt`, 'utf8')).split(/\s+/).filter(keepWord).join(' ');
	const reference = wordIntervals(parseTextGrid(await readFile(`${base}.TextGrid`, 'utf8'))).filter((w) => keepWord(w.text));
	return {name, pcm: await loadAudioFile(`${base}.wav`), transcript, reference};
};

const DUMP_OVER_MS = 100;
const ms = (x: number) => String(Math.round(x)).padStart(6);

const run = async ({pcm, transcript, reference}: Omit<Case, 'name'>, name = '') => {
	const cpu = process.cpuUsage();
	const started = performance.now();
	const options = {refineBoundaries: values['no-refine'] ? false : values.refine ? true : ('auto' as const), voiceDetector: !values['no-voice-detector']};
	const {words} = await alignWords({samples: pcm.samples, sampleRate: pcm.sampleRate, transcript, options});
	const wallMs = performance.now() - started;
	const {user, system} = process.cpuUsage(cpu);
	const pairs = pairWords(words, reference);
	if (values.dump && name) {
		for (const e of largeErrors(pairs, reference, DUMP_OVER_MS)) {
			console.log(`  ${name} ${e.text.padEnd(12)} ${e.edge.padEnd(5)} at ${ms(e.hypMs)} ref ${ms(e.refMs)} error ${ms(e.errorMs)} ms, pause ${e.pauseMs === null ? 'end' : `${Math.round(e.pauseMs)} ms`}`);
		}
	}
	return {errors: boundaryErrors(pairs), wallMs, cpuMs: (user + system) / 1000, audioMs: (pcm.samples.length * 1000) / pcm.sampleRate};
};

/**
 * CPU seconds per thread so far (Linux /proc; empty elsewhere). The busiest
 * thread bounds the wall time on an idle machine with a core per thread, which
 * a machine shared with others' test runs cannot show directly.
 */
const threadCpuS = (): Map<string, number> => {
	try {
		return new Map(readdirSync('/proc/self/task').map((tid) => {
			const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
			return [tid, (Number(fields[11]) + Number(fields[12])) / 100]; // utime + stime, in clock ticks (USER_HZ = 100)
		}));
	} catch {
		return new Map();
	}
};

const busiestThreads = (before: Map<string, number>): string => {
	const used = [...threadCpuS()].map(([tid, s]) => ({main: tid === String(process.pid), s: s - (before.get(tid) ?? 0)}));
	const main = used.find((t) => t.main)?.s ?? NaN;
	const other = Math.max(0, ...used.filter((t) => !t.main).map((t) => t.s));
	return `cpu per thread: main ${main.toFixed(2)} s, busiest other ${other.toFixed(2)} s`;
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
const row = (label: string, s: BoundaryStats, timing: string) =>
	`${label.padEnd(18)} ${String(s.boundaries).padStart(4)}  median ${s.medianMs.toFixed(0).padStart(3)} ms  mean ${s.meanMs.toFixed(1).padStart(5)} ms  ≤20 ${pct(s.within20)}  ≤50 ${pct(s.within50)}  ≤100 ${pct(s.within100)}  ${timing}`;
const timing = ({audioMs, wallMs, cpuMs}: {audioMs: number; wallMs: number; cpuMs: number}) =>
	`audio ${(audioMs / 1000).toFixed(1)} s, time ${(wallMs / 1000).toFixed(2)} s (cpu ${(cpuMs / 1000).toFixed(2)} s), RTF ${(wallMs / audioMs).toFixed(3)}`;

/**
 * Five minutes of the cases, each repeated in a block (A A A A B B B B ...): long-audio
 * windows, speed and memory at the scale of a real voice-over. Blocks, because a window
 * straddling two different recordings (room, noise, level) aligns worse than any real take.
 */
const longCase = (cases: Case[], minutes: number): Omit<Case, 'name'> => {
	const totalMs = cases.reduce((ms, c) => ms + (c.pcm.samples.length * 1000) / c.pcm.sampleRate, 0);
	const repeats = Math.ceil((minutes * 60_000) / totalMs);
	const parts = cases.flatMap((c) => Array.from({length: repeats}, () => c));
	const samples = new Float32Array(parts.reduce((n, c) => n + c.pcm.samples.length, 0));
	const reference: TimedText[] = [];
	let offset = 0;
	for (const c of parts) {
		samples.set(c.pcm.samples, offset);
		const offsetMs = (offset * 1000) / c.pcm.sampleRate;
		reference.push(...c.reference.map((w) => ({...w, startMs: w.startMs + offsetMs, endMs: w.endMs + offsetMs})));
		offset += c.pcm.samples.length;
	}
	return {pcm: {samples, sampleRate: parts[0].pcm.sampleRate}, transcript: parts.map((c) => c.transcript).join('\n'), reference};
};

/** The recording `ms` later: its first `ms` repeated in front (room tone, as a take's start is), and the reference moved with it. */
const delayed = (c: Case, ms: number): Omit<Case, 'name'> => {
	const pad = Math.round((ms * c.pcm.sampleRate) / 1000);
	const samples = new Float32Array(c.pcm.samples.length + pad);
	samples.set(c.pcm.samples.subarray(0, pad));
	samples.set(c.pcm.samples, pad);
	return {pcm: {samples, sampleRate: c.pcm.sampleRate}, transcript: c.transcript, reference: c.reference.map((w) => ({...w, startMs: w.startMs + ms, endMs: w.endMs + ms}))};
};

/**
 * The same files started 1–9 ms later: below one 10 ms frame, so nothing a listener
 * could hear, yet the frames fall elsewhere on the speech. How far the figures move
 * says how much of a difference between two settings is noise.
 */
const shiftSpread = async (cases: Case[], unshifted: BoundaryStats) => {
	const rows: BoundaryStats[] = [unshifted];
	for (let ms = 1; ms <= 9; ms++) {
		const errors: number[] = [];
		for (const c of cases) errors.push(...(await run(delayed(c, ms))).errors);
		rows.push(summarize(errors));
		console.log(row(`overall +${ms} ms`, rows[ms], ''));
	}
	const spread = (pick: (s: BoundaryStats) => number, f: (x: number) => string) => {
		const values = rows.map(pick);
		return `${f(Math.min(...values))}–${f(Math.max(...values))} (average ${f(values.reduce((a, b) => a + b, 0) / values.length)})`;
	};
	console.log(`0–9 ms later: ≤100 ${spread((s) => s.within100, (x) => pct(x).trim())}, mean ${spread((s) => s.meanMs, (x) => `${x.toFixed(1)} ms`)}, median ${spread((s) => s.medianMs, (x) => `${x.toFixed(0)} ms`)}`);
};

const main = async () => {
	const names = (await readdir(dir)).filter((f) => f.endsWith('.TextGrid')).map((f) => f.replace(/\.TextGrid$/, '')).sort();
	if (names.length === 0) throw new Error(`${dir}: no .TextGrid files`);
	const cases = await Promise.all(names.map(loadCase));
	console.log(`eval:align on ${dir} (${names.length} files${values['no-refine'] ? ', no refinement' : values.refine ? ', refinement forced on' : ''}${values['no-voice-detector'] ? ', no voice detector' : ''}${values['no-fillers'] ? ', fillers removed from transcripts' : ''})`);
	await alignWords({samples: cases[0].pcm.samples.subarray(0, 32000), sampleRate: 16000, transcript: 'warm up'}).catch(() => undefined); // model load is not alignment time
	const all = {errors: [] as number[], wallMs: 0, cpuMs: 0, audioMs: 0};
	for (const c of cases) {
		const r = await run(c, c.name);
		console.log(row(c.name, summarize(r.errors), timing(r)));
		all.errors.push(...r.errors);
		all.wallMs += r.wallMs;
		all.cpuMs += r.cpuMs;
		all.audioMs += r.audioMs;
	}
	console.log(row('overall', summarize(all.errors), timing(all)));
	console.log(`peak RSS ${peakRssMb()} MB; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on this ${(await import('node:os')).cpus().length}-core machine`);
	if (values.shifts) await shiftSpread(cases, summarize(all.errors));
	if (values['no-long']) return;
	const threadsBefore = threadCpuS();
	const long = await run(longCase(cases, 5));
	console.log(row('5-minute take', summarize(long.errors), timing(long)));
	console.log(`peak RSS ${peakRssMb()} MB; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${busiestThreads(threadsBefore)}`);
};

main().catch((error: Error) => {
	process.stderr.write(`reel: eval:align: ${error.message}\n`);
	process.exit(1);
});
