// The same composition and props on Remotion Lambda, for users on AWS: a site
// (the bundle plus only this plan's narration and clips, uploaded to S3), then
// renderMediaOnLambda, which chunks the render across Lambda functions and
// joins it, as reel's own workers do. Type-checked in CI, never run there (it
// needs AWS credentials and the network); docs/scaling.md has the set-up.
import {deploySite, downloadMedia, getRenderProgress, renderMediaOnLambda, type AwsRegion} from '@remotion/lambda';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PROJECT_ROOT} from '../analysis/cache/dirs';
import {produceFileAtomic} from '../analysis/cache/files';
import {ReelError} from '../analysis/errors';
import {ASPECTS, type Plan} from '../plan';
import {renderSettings, type RenderSettingsInput} from '../render/settings';
import {addPlanMedia} from './site';

export type LambdaTarget = {region: AwsRegion; bucketName: string; functionName: string};

/** Uploads the bundle and this plan's media; S3 keeps files already there (Remotion diffs the upload). */
export const deployPlanSite = async ({plan, target, siteName}: {plan: Plan; target: LambdaTarget; siteName: string}): Promise<string> => {
	const publicDir = await mkdtemp(path.join(tmpdir(), 'reel-lambda-public-'));
	try {
		await addPlanMedia({plan, publicDir, clips: 'copy'});
		const {serveUrl} = await deploySite({entryPoint: path.join(PROJECT_ROOT, 'src', 'index.ts'), bucketName: target.bucketName, region: target.region, siteName, options: {publicDir}});
		return serveUrl;
	} finally {
		await rm(publicDir, {recursive: true, force: true});
	}
};

export const renderPlanOnLambda = async ({plan, out, serveUrl, target, options = {}, framesPerLambda, onProgress}: {
	plan: Plan;
	out: string;
	serveUrl: string;
	target: LambdaTarget;
	options?: RenderSettingsInput;
	framesPerLambda?: number;
	onProgress?: (fraction: number) => void;
}): Promise<void> => {
	const settings = renderSettings({plan, options});
	const {renderId, bucketName} = await renderMediaOnLambda({
		region: target.region,
		functionName: target.functionName,
		serveUrl,
		composition: ASPECTS[plan.aspect].compositionId,
		inputProps: plan as unknown as Record<string, unknown>,
		codec: 'h264',
		audioCodec: 'aac',
		imageFormat: 'jpeg',
		jpegQuality: settings.jpegQuality,
		crf: settings.crf,
		x264Preset: settings.x264Preset,
		pixelFormat: 'yuv420p',
		colorSpace: 'bt709',
		scale: settings.scale,
		framesPerLambda,
		privacy: 'private',
	});
	for (;;) {
		const progress = await getRenderProgress({renderId, bucketName, functionName: target.functionName, region: target.region});
		if (progress.fatalErrorEncountered) throw new ReelError('RENDER_FAILED', `${out}: Lambda render ${renderId} failed: ${progress.errors[0]?.message ?? 'no message'}`);
		onProgress?.(progress.overallProgress);
		if (progress.done) break;
		await new Promise((r) => setTimeout(r, 2000));
	}
	await produceFileAtomic(out, (temp) => downloadMedia({region: target.region, bucketName, renderId, outPath: temp}));
};
