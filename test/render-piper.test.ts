// End to end with a Piper voice: the CLI renders a small video narrated by
// Piper's test voice (silent by design) with background music under it. The
// video must carry the music, the captions must follow the estimated word
// times, and the run must say that those times are estimates.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, test} from 'vitest';
import {decodeWav, encodeWav} from '../src/analysis/audio/wav';
import {integratedLoudness} from '../src/analysis/audio/loudness';
import {parsePlan, type Plan} from '../src/plan';
import {checkPlanCaptionSync} from '../src/compositions/captions/check-sync';
import {probeStreams, runFfBytes} from '../src/render/ff';
import {runCli} from './helpers/cli';
import {makeTestClip} from './helpers/media';
import {TEST_VOICE} from './helpers/piper-voice';

const dir = mkdtempSync(path.join(tmpdir(), 'reel-render-piper-'));
const out = path.join(dir, 'out', 'piper.mp4');
let plan: Plan;
let cli: ReturnType<typeof runCli>;

beforeAll(async () => {
	const clips = path.join(dir, 'clips');
	mkdirSync(clips);
	await makeTestClip({file: path.join(clips, 'sea-waves.mp4'), color: [30, 60, 190], seconds: 3});
	const music = path.join(dir, 'music.wav');
	writeFileSync(music, encodeWav({samples: Float32Array.from({length: 44100}, (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / 44100)), sampleRate: 44100}));
	const script = path.join(dir, 'piper.txt');
	writeFileSync(script, 'The sea is calm. Waves roll in.');
	cli = runCli(['make', script, '--clips', clips, '--out', out, '--voice', `piper:${TEST_VOICE}`, '--music', music, '--scale', '0.25'], {REEL_CACHE_DIR: path.join(dir, 'cache')});
	if (cli.status === 0) plan = parsePlan(JSON.parse(readFileSync(path.join(dir, 'out', 'piper.plan.json'), 'utf8')));
}, 300_000);

describe('make with a Piper voice and music', () => {
	test('renders, records the voice, and warns that word times are estimates', () => {
		expect(cli.stderr).not.toMatch(/reel:/);
		expect(cli.status).toBe(0);
		expect(plan.narration).toMatchObject({engine: 'piper', voice: 'test_voice', src: expect.stringMatching(/^reel\/narration\/mix-/)});
		expect(cli.stderr).toMatch(/warning: piper voice .*test_voice\.onnx.*estimated from phoneme counts/);
		// Two one-second sentences, the lead, the pause between them and the tail.
		expect(plan.durationMs).toBeCloseTo(250 + 1000 + 180 + 1000 + 500, -1);
	});

	test('the video is as long as the narration and its sound is the music (the test voice is silent)', async () => {
		const {streams} = await probeStreams(out);
		const video = streams.find((s) => s.codec_type === 'video')!;
		expect([video.width, video.height]).toEqual([270, 480]);
		expect(Math.abs(Number(video.duration) * 1000 - plan.narration.durationMs)).toBeLessThanOrEqual(1000 / plan.fps);
		const sound = decodeWav(await runFfBytes({args: ['-v', 'error', '-i', out, '-vn', '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'wav', '-']}));
		// No speech, so no ducking: the bed plays 8 LU under -16 LUFS, less its fades.
		expect(integratedLoudness(sound)).toBeGreaterThan(-30);
		expect(integratedLoudness(sound)).toBeLessThan(-20);
	});

	test('the caption on screen at every word midpoint is that word', () => {
		const {checkedWords, errors} = checkPlanCaptionSync(plan);
		expect(checkedWords).toBe(plan.words.length);
		expect(errors).toEqual([]);
	});
});
