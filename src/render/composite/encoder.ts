// The compositor's H.264 encoder. NVENC is several times faster than x264 where
// an NVIDIA GPU and driver exist, but an ffmpeg built with h264_nvenc lists it
// everywhere (Remotion's `if-possible` trusts that list and fails on machines
// without CUDA), so the only honest check is a real two-frame encode.
import {spawnSync} from 'node:child_process';
import type {Encoder, X264Preset} from '../settings';
import {SYSTEM_FFMPEG} from './ffmpeg';

export type EncoderProbe = () => {ok: true} | {ok: false; reason: string};

let nvencProbe: ReturnType<EncoderProbe> | null = null;

/** Encodes two black frames with h264_nvenc; the result is kept for the process. */
export const probeNvenc: EncoderProbe = () => {
	if (nvencProbe) return nvencProbe;
	const run = spawnSync(
		SYSTEM_FFMPEG,
		['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=black:s=256x256:r=30', '-frames:v', '2', '-c:v', 'h264_nvenc', '-f', 'null', '-'],
		{encoding: 'utf8', timeout: 15_000},
	);
	// The encoder's own line ("Cannot load libcuda.so.1") says more than ffmpeg's summary after it.
	const lines = (run.stderr ?? '').trim().split('\n').filter(Boolean);
	const why = run.error?.message ?? (lines.find((l) => l.includes('h264_nvenc')) ?? lines.at(-1) ?? '').replace(/^\[h264_nvenc @ \w+\]\s*/, '');
	nvencProbe = run.status === 0 ? {ok: true} : {ok: false, reason: why || `exit ${run.status}`};
	return nvencProbe;
};

export type EncoderChoice = {name: 'x264' | 'nvenc'; args: string[]};

export const chooseEncoder = ({wanted = 'auto', x264Preset, crf, draft, probe = probeNvenc, onWarning}: {
	wanted?: Encoder;
	x264Preset: X264Preset;
	crf: number;
	draft: boolean;
	probe?: EncoderProbe;
	onWarning?: (message: string) => void;
}): EncoderChoice => {
	const x264: EncoderChoice = {name: 'x264', args: ['-c:v', 'libx264', '-preset', x264Preset, '-crf', String(crf)]};
	if (wanted === 'x264') return x264;
	const result = probe();
	if (!result.ok) {
		if (wanted === 'nvenc') onWarning?.(`--encoder nvenc: h264_nvenc cannot encode here (${result.reason}); encoding with x264`);
		return x264;
	}
	// Constant quality near x264's CRF; p5 (p2 for drafts) trades speed for size as veryfast does.
	return {name: 'nvenc', args: ['-c:v', 'h264_nvenc', '-preset', draft ? 'p2' : 'p5', '-rc', 'vbr', '-cq', String(crf + 1), '-b:v', '0']};
};
