// Silero VAD against the silences of MFA's reference TextGrids: the share of
// reference pauses of 300 ms or more that the detector finds, and how much of
// the reference's words it wrongly calls pause. Two of the 22 reference
// "silences" hold loud non-word sound (noise at -5 dBFS in cold_corpus at
// 5.6 s, bursts in cold_corpus3 at 17 s), which a speech detector rightly
// keeps, so the bar is set below 100 %.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {decodeWav} from '../src/analysis/audio/wav';
import {detectSpeech, pausesBetween, speechProbabilities, speechSegments, type Span} from '../src/analysis/audio/vad';
import {parseTextGrid} from '../src/analysis/align/textgrid';
import {ROOT} from './helpers/cli';

const MFA = path.resolve(ROOT, '..', 'shared', 'data', 'align', 'mfa');
const overlapMs = (a: Span, spans: Span[]) => spans.reduce((s, p) => s + Math.max(0, Math.min(a.endMs, p.endMs) - Math.max(a.startMs, p.startMs)), 0);

describe('voice activity (Silero VAD v5 through onnxruntime-node)', () => {
	// The development data lives beside the repository; a clone elsewhere (CI) has none.
	it.skipIf(!existsSync(MFA))('finds the reference silences of 300 ms and more in the MFA recordings', async () => {
		let silences = 0;
		let found = 0;
		let speechMs = 0;
		let speechCalledPauseMs = 0;
		for (const name of ['acoustic_corpus', 'cold_corpus', 'cold_corpus3']) {
			const pcm = decodeWav(readFileSync(path.join(MFA, `${name}.wav`)));
			const durationMs = (pcm.samples.length * 1000) / pcm.sampleRate;
			const pauses = pausesBetween(await detectSpeech(pcm), durationMs, 100);
			const words = parseTextGrid(readFileSync(path.join(MFA, `${name}.TextGrid`), 'utf8')).find((t) => t.name === 'words')!.intervals;
			const reference = words.filter((w) => w.text === '' && w.endMs - w.startMs >= 300);
			silences += reference.length;
			// Found: at least 100 ms of it detected as pause (Silero's decision lags the end of speech by a few frames).
			found += reference.filter((r) => overlapMs(r, pauses) >= 100).length;
			for (const w of words.filter((w) => w.text !== '')) {
				speechMs += w.endMs - w.startMs;
				speechCalledPauseMs += overlapMs(w, pauses);
			}
		}
		const share = found / silences;
		const wrong = speechCalledPauseMs / speechMs;
		console.log(`VAD: ${found}/${silences} reference silences ≥ 300 ms found (${(share * 100).toFixed(0)} %); ${(wrong * 100).toFixed(1)} % of word time called pause`);
		expect(share).toBeGreaterThanOrEqual(0.85);
		expect(wrong).toBeLessThan(0.06);
	}, 60_000);

	// Long audio runs as parts side by side (speed); each part starts from a blank state a few seconds early.
	it.skipIf(!existsSync(MFA))('decides as one pass does on long audio run in parts', async () => {
		const parts = ['acoustic_corpus', 'cold_corpus', 'cold_corpus3'].map((name) => decodeWav(readFileSync(path.join(MFA, `${name}.wav`))).samples);
		const samples = new Float32Array(parts.reduce((n, p) => n + p.length, 0) * 2);
		let offset = 0;
		for (const p of [...parts, ...parts]) {
			samples.set(p, offset);
			offset += p.length;
		}
		const onePass = await speechProbabilities({samples, sampleRate: 16_000}, {maxStreams: 1});
		const inParts = await speechProbabilities({samples, sampleRate: 16_000});
		expect(inParts).toHaveLength(onePass.length);
		const agree = onePass.filter((p, f) => p >= 0.5 === inParts[f] >= 0.5).length / onePass.length;
		// Measured: 94–96 %; the disagreements sit where the probability hovers near 0.5 (a hoarse voice in noise).
		console.log(`VAD in parts: ${(agree * 100).toFixed(1)} % of frames decided as in one pass`);
		expect(agree).toBeGreaterThanOrEqual(0.9);
		// The first part is the one pass itself, frame for frame.
		expect(Array.from(inParts.subarray(0, 500))).toEqual(Array.from(onePass.subarray(0, 500)));
	}, 120_000);

	it('hears no speech in silence', async () => {
		expect(await detectSpeech({samples: new Float32Array(16_000), sampleRate: 16_000})).toEqual([]);
	});

	it('turns probabilities into padded segments with hysteresis, dropping blips', () => {
		const p = Float32Array.from([0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.4, 0.9, 0.9, 0, 0, 0, 0, 0.95, 0, 0, 0, 0]);
		// 0.4 is above the closing level (0.35): one segment; the lone 0.95 frame (32 ms) is too short to count.
		expect(speechSegments(p, 576, {threshold: 0.5, minSpeechMs: 60, minSilenceMs: 100, padMs: 10})).toEqual([{startMs: 22, endMs: 298}]);
		expect(pausesBetween([{startMs: 100, endMs: 200}, {startMs: 250, endMs: 400}], 1000, 100)).toEqual([
			{startMs: 0, endMs: 100},
			{startMs: 400, endMs: 1000},
		]);
	});
});
