// The bench's floor needs filters Remotion's minimal ffmpeg leaves out
// (xfade, drawtext, zoompan, eq, lavfi sources), so it uses the system's.
import {spawn} from 'node:child_process';

export const SYSTEM_FFMPEG = process.env.REEL_BENCH_FFMPEG ?? 'ffmpeg';

export const runSystemFfmpeg = (args: string[]): Promise<void> =>
	new Promise((resolve, reject) => {
		const child = spawn(SYSTEM_FFMPEG, ['-hide_banner', '-loglevel', 'error', ...args], {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', (e) =>
			reject(new Error(`${SYSTEM_FFMPEG}: ${e.message} — the bench needs a full ffmpeg (apt-get install ffmpeg) or REEL_BENCH_FFMPEG=<path>`)),
		);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${SYSTEM_FFMPEG} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`))));
	});
