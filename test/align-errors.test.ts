// Bad input to the aligner: a clear error naming the file and the problem, or
// a correct result; never a crash. The CLI adds one line on stderr, a non-zero
// exit, and no output file.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {alignWords} from '../src/analysis/align/align-words';
import {encodeWav} from '../src/analysis/audio/wav';
import {ReelError} from '../src/analysis/errors';
import {ROOT} from './helpers/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-align-bad-'));
const file = (name: string, data: string | Uint8Array) => {
	const p = path.join(dir, name);
	writeFileSync(p, data);
	return p;
};
const tone = (seconds: number, rate: number, level: number) => Float32Array.from({length: seconds * rate}, (_, i) => level * Math.sin((2 * Math.PI * 220 * i) / rate) * (Math.floor(i / (rate / 4)) % 2));

const rejects = async (input: Parameters<typeof alignWords>[0], code: string, message: RegExp) => {
	const error = await alignWords(input).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(ReelError);
	expect((error as ReelError).code).toBe(code);
	expect((error as ReelError).message).toMatch(message);
};

describe('alignWords refuses what it cannot align', () => {
	it('a missing, empty, or unreadable audio file', async () => {
		await rejects({audioFile: path.join(dir, 'nope.wav'), transcript: 'hi'}, 'AUDIO_UNREADABLE', /nope\.wav: audio file not found/);
		await rejects({audioFile: file('empty.wav', ''), transcript: 'hi'}, 'AUDIO_EMPTY', /empty\.wav: the audio file is empty/);
		await rejects({audioFile: file('junk.mp3', Buffer.alloc(4000, 7)), transcript: 'hi'}, 'AUDIO_UNREADABLE', /junk\.mp3: is not a readable audio file/);
		await rejects({audioFile: dir, transcript: 'hi'}, 'AUDIO_UNREADABLE', /is a folder/);
	});

	it('audio with no samples, or silence only, at 8 and 96 kHz', async () => {
		await rejects({audioFile: file('header.wav', encodeWav({samples: new Float32Array(0), sampleRate: 16000})), transcript: 'hi'}, 'AUDIO_EMPTY', /header\.wav: the audio is empty/);
		for (const rate of [8000, 96000]) {
			const silent = file(`silent-${rate}.wav`, encodeWav({samples: new Float32Array(rate * 2), sampleRate: rate}));
			await rejects({audioFile: silent, transcript: 'hello there'}, 'AUDIO_SILENT', /no speech found/);
		}
		await rejects({samples: new Float32Array(16000).fill(0.2), sampleRate: 16000, transcript: 'hi'}, 'AUDIO_SILENT', /^audio: no speech found/);
	});

	it('a transcript with no words, and a nonsense sample rate', async () => {
		await rejects({samples: tone(1, 16000, 0.3), sampleRate: 16000, transcript: ' ... — !! '}, 'TRANSCRIPT_EMPTY', /no words/);
		await rejects({samples: tone(1, 16000, 0.3), sampleRate: 0, transcript: 'hi'}, 'AUDIO_UNREADABLE', /sample rate/);
	});

	it('more words than the audio can hold: an estimate and a warning, not a crash', async () => {
		const transcript = Array.from({length: 25}, (_, i) => (i % 2 ? 'world' : 'hello')).join(' ');
		const {words, warnings} = await alignWords({samples: tone(1, 16000, 0.3), sampleRate: 16000, transcript});
		expect(words).toHaveLength(25);
		expect(words.every((w) => w.endMs <= 1000 && w.startMs >= 0)).toBe(true);
		expect(warnings.join('\n')).toMatch(/could not match the transcript|fit the audio poorly/);
	});
});

describe('npm run align', () => {
	const align = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'align.ts'), ...args], {cwd: ROOT, encoding: 'utf8', timeout: 60_000});
	const transcript = file('t.txt', 'hello there');

	it('gives one line naming the file, a non-zero exit, and no output file', () => {
		const out = path.join(dir, 'out', 'words.json');
		for (const [audio, pattern] of [
			[file('broken.wav', 'RIFF....WAVEjunk'), /^reel: .*broken\.wav: is not a readable audio file/],
			[path.join(dir, 'missing.m4a'), /^reel: .*missing\.m4a: audio file not found/],
		] as const) {
			const r = align([audio, transcript, '--out', out]);
			expect(r.status).toBe(1);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
			expect(r.stderr.trim()).toMatch(pattern);
			expect(existsSync(out)).toBe(false);
		}
		const r = align([file('ok.wav', encodeWav({samples: tone(1, 16000, 0.3), sampleRate: 16000})), file('empty.txt', '\n'), '--format', 'srt']);
		expect(r.stderr.trim()).toMatch(/^reel: .*empty\.txt: the transcript has no words$/);
		expect(align(['a.wav', 'b.txt', '--format', 'xml']).stderr.trim()).toBe('reel: --format must be one of json, srt, vtt, got "xml"');
	});

	it('writes JSON words to --out', () => {
		const out = path.join(dir, 'ok.json');
		const r = align([file('beeps.wav', encodeWav({samples: tone(2, 16000, 0.3), sampleRate: 16000})), transcript, '--out', out]);
		expect(r.status).toBe(0);
		const {words} = JSON.parse(readFileSync(out, 'utf8'));
		expect(words.map((w: {text: string}) => w.text)).toEqual(['hello', 'there']);
		expect(Object.keys(words[0])).toEqual(['text', 'startMs', 'endMs', 'confidence']);
	});
});
