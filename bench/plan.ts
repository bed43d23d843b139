// The bench's fixed edit: a planned narration and captions (deterministic
// espeak), with the shot list pinned so that every clip, both transition kinds
// and hard cuts appear however the matcher evolves.
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {linkClip} from '../src/analysis/clips/link';
import {makePlan} from '../src/analysis/pipeline/make-plan';
import {parsePlan, type Plan, type Transition} from '../src/plan';
import {BENCH_CLIPS} from './clips';

const SCRIPT = [
	'The city never sleeps.',
	'Under the microscope, tiny cells divide and grow!',
	'A crowd gathers in the square.',
	'Then the sun climbs over the mountains, slow and golden.',
	'Every pattern repeats.',
].join(' ');

const TRANSITIONS: Transition[] = [
	{kind: 'cut', durationMs: 0, direction: null},
	{kind: 'fade', durationMs: 400, direction: null},
	{kind: 'slide', durationMs: 300, direction: 'from-right'},
	{kind: 'cut', durationMs: 0, direction: null},
	{kind: 'fade', durationMs: 500, direction: null},
];

export const makeBenchPlan = async ({clipsDir, workDir}: {clipsDir: string; workDir: string}): Promise<Plan> => {
	const scriptFile = path.join(workDir, 'bench-script.txt');
	await writeFile(scriptFile, SCRIPT + '\n');
	const planned = await makePlan({scriptFile, clipsDir, options: {aspect: '9:16'}});
	const clips = await Promise.all(
		BENCH_CLIPS.map(async (c) => {
			const probed = planned.clips.find((p) => p.id === c.id);
			const file = path.join(clipsDir, `${c.id}.mp4`);
			return probed ?? {id: c.id, src: await linkClip(file), path: file, description: c.description, durationMs: 10000, width: c.width, height: c.height, fps: 30};
		}),
	);
	// One shot per sentence, each on its own clip, so the floor and reel do the same work.
	const shots = planned.scenes.map((scene, i) => ({
		sceneId: scene.id,
		clipId: clips[i % clips.length].id,
		startMs: i === 0 ? 0 : planned.words[scene.wordStart].startMs,
		endMs: i + 1 < planned.scenes.length ? planned.words[planned.scenes[i + 1].wordStart].startMs : planned.durationMs,
		clipInMs: (i * 700) % 2000,
		framing: i % 2 ? ('close' as const) : ('wide' as const),
		zoomFrom: 1 + 0.04 * (i % 3),
		zoomTo: 1.12 + 0.04 * (i % 3),
		transitionIn: TRANSITIONS[i % TRANSITIONS.length],
		score: 1,
		reasons: ['bench'],
	}));
	return parsePlan({...planned, clips, shots});
};
