// Bench footage made by the system ffmpeg from its built-in sources, cached in
// the cache dir. Shaped like stock footage: long GOP, mixed sizes and aspects,
// so the render has to scale, crop and seek as it does for a user's clips.
import {existsSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {produceFileAtomic} from '../src/analysis/cache/files';
import {runSystemFfmpeg} from '../src/render/composite/ffmpeg';

type BenchClip = {id: string; source: string; width: number; height: number; description: string};

// Longer than any bench shot: the floor's graph does not loop footage (reel's does).
const SECONDS = 10;
const FPS = 30;

export const BENCH_CLIPS: BenchClip[] = [
	{id: 'city', source: 'testsrc2', width: 1920, height: 1080, description: 'busy city street at night with traffic'},
	{id: 'fractal', source: 'mandelbrot', width: 1080, height: 1920, description: 'swirling colourful abstract pattern'},
	{id: 'cells', source: 'cellauto=rule=110', width: 1920, height: 1080, description: 'cells growing under a microscope'},
	{id: 'life', source: 'gradients=speed=0.02', width: 1080, height: 1920, description: 'crowd of people moving in a square'},
	{id: 'bars', source: 'testsrc', width: 2560, height: 1440, description: 'sunrise over the mountains'},
];

// Options follow the source name after "=", or after ":" when it already has some.
const sourceGraph = (c: BenchClip) => `${c.source}${c.source.includes('=') ? ':' : '='}s=${c.width}x${c.height}:r=${FPS},format=yuv420p`;

/** Writes the clips (once) with sidecar descriptions; returns the folder. */
export const ensureBenchClips = async (dir: string): Promise<string> => {
	await mkdir(dir, {recursive: true});
	for (const clip of BENCH_CLIPS) {
		const file = path.join(dir, `${clip.id}.mp4`);
		if (existsSync(file)) continue;
		const graph = sourceGraph(clip);
		await produceFileAtomic(file, (temp) =>
			runSystemFfmpeg(['-y', '-f', 'lavfi', '-i', graph, '-t', String(SECONDS), '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-g', '250', '-pix_fmt', 'yuv420p', '-f', 'mp4', temp]),
		);
		await writeFile(path.join(dir, `${clip.id}.json`), JSON.stringify({description: clip.description}));
	}
	return dir;
};
