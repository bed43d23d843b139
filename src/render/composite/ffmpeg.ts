// The compositing renderer (and the bench's floor) need filters Remotion's
// minimal ffmpeg leaves out (xfade, lut3d, lutyuv, overlay, untile), so they use a
// full ffmpeg: the system's (Debian: apt-get install ffmpeg) or REEL_FFMPEG.
import {spawn, spawnSync} from 'node:child_process';
import {appendFileSync} from 'node:fs';

export const SYSTEM_FFMPEG = process.env.REEL_FFMPEG ?? process.env.REEL_BENCH_FFMPEG ?? 'ffmpeg';

const NEEDED_FILTERS = ['xfade', 'lut3d', 'lutyuv', 'colorcorrect', 'overlay', 'untile', 'scale', 'crop', 'concat', 'trim', 'loop'];
const NEEDED_PROTOCOLS = ['http', 'tcp'];

let probed: {ok: true} | {ok: false; reason: string} | null = null;

/** Whether a full enough ffmpeg is here; the reason names what is missing. Probed once per process. */
export const probeSystemFfmpeg = (): {ok: true} | {ok: false; reason: string} => {
	if (probed) return probed;
	const run = (what: string) => spawnSync(SYSTEM_FFMPEG, ['-hide_banner', `-${what}`], {encoding: 'utf8', timeout: 10_000});
	const filters = run('filters');
	if (filters.error || filters.status !== 0) {
		probed = {ok: false, reason: `no full ffmpeg at "${SYSTEM_FFMPEG}" (apt-get install ffmpeg, or set REEL_FFMPEG=<path>)`};
		return probed;
	}
	const have = new Set(filters.stdout.split('\n').map((l) => l.trim().split(/\s+/)[1]));
	// Chrome's pictures reach ffmpeg over localhost HTTP (picture-server.ts); a build without
	// network protocols cannot read them.
	const inputProtocols = new Set((run('protocols').stdout ?? '').split(/Output:/)[0].split('\n').map((l) => l.trim()));
	const missing = [...NEEDED_FILTERS.filter((f) => !have.has(f)), ...NEEDED_PROTOCOLS.filter((p) => !inputProtocols.has(p)).map((p) => `${p} (protocol)`)];
	probed = missing.length === 0 ? {ok: true} : {ok: false, reason: `${SYSTEM_FFMPEG} lacks ${missing.join(', ')}`};
	return probed;
};

export type FfmpegRun = {
	args: string[];
	/** Called with each frame count ffmpeg reports. */
	onFrame?: (frame: number) => void;
	cwd?: string;
	/** Aborting kills ffmpeg; the run then rejects with the signal's reason. */
	signal?: AbortSignal;
};

export const runSystemFfmpeg = async (argsOrRun: string[] | FfmpegRun): Promise<void> => {
	await spawnFfmpeg(Array.isArray(argsOrRun) ? {args: argsOrRun} : argsOrRun);
};

/** ffmpeg reading `input` on stdin and writing to stdout: what it wrote. */
export const pipeSystemFfmpeg = ({args, input}: {args: string[]; input: Buffer}): Promise<Buffer> => spawnFfmpeg({args, input});

const spawnFfmpeg = ({args, onFrame, cwd, signal, input}: FfmpegRun & {input?: Buffer}): Promise<Buffer> => {
	const progress = onFrame ? ['-progress', 'pipe:1', '-nostats'] : [];
	// REEL_FFMPEG_LOG=file: every command, one JSON line each, to rerun or profile by hand.
	if (process.env.REEL_FFMPEG_LOG) appendFileSync(process.env.REEL_FFMPEG_LOG, JSON.stringify({cwd, args}) + '\n');
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(signal.reason);
		const child = spawn(SYSTEM_FFMPEG, ['-hide_banner', '-loglevel', 'error', ...progress, ...args], {stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], cwd});
		const kill = () => child.kill('SIGKILL');
		signal?.addEventListener('abort', kill, {once: true});
		let stderr = '';
		const out: Buffer[] = [];
		child.stderr?.on('data', (d) => (stderr += d));
		child.stdout?.on('data', (d: Buffer) => {
			if (onFrame) for (const m of d.toString().matchAll(/^frame=(\d+)/gm)) onFrame(Number(m[1]));
			else out.push(d);
		});
		// EPIPE when ffmpeg exits before reading all its input: its exit status says why.
		child.stdin?.on('error', () => undefined);
		child.stdin?.end(input);
		child.on('error', (e) => reject(new Error(`${SYSTEM_FFMPEG}: ${e.message} — needs a full ffmpeg (apt-get install ffmpeg) or REEL_FFMPEG=<path>`)));
		child.on('close', (code) => {
			signal?.removeEventListener('abort', kill);
			if (signal?.aborted) reject(signal.reason);
			else if (code === 0) resolve(Buffer.concat(out));
			else reject(new Error(`${SYSTEM_FFMPEG} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
		});
	});
};
