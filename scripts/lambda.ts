// `npm run lambda -- out/x.plan.json --region us-east-1 --function NAME --bucket NAME [--out out/x.mp4]`:
// renders a plan that `npm run plan` wrote on Remotion Lambda (docs/scaling.md
// has the one-time AWS set-up). It needs the network and AWS credentials, so it
// is type-checked in CI but never run there.
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import {parseArgs} from 'node:util';
import type {AwsRegion} from '@remotion/lambda';
import {ReelError} from '../src/analysis/errors';
import {number} from '../src/cli/args';
import {exitWithError} from '../src/cli/exit';
import {sidecarPath} from '../src/cli/outputs';
import {deployPlanSite, renderPlanOnLambda} from '../src/distributed/lambda';
import {parsePlan} from '../src/plan';
import {createProgress} from '../src/render/progress';

const main = async () => {
	const {positionals, values} = parseArgs({
		allowPositionals: true,
		options: {region: {type: 'string'}, function: {type: 'string'}, bucket: {type: 'string'}, out: {type: 'string'}, 'frames-per-lambda': {type: 'string'}, scale: {type: 'string'}},
	});
	const [planFile] = positionals;
	if (!planFile || !values.region || !values.function || !values.bucket) {
		throw new ReelError('BAD_OPTION', 'usage: npm run lambda -- <x.plan.json> --region R --function NAME --bucket NAME [--out x.mp4] [--frames-per-lambda N] [--scale F]');
	}
	const text = await readFile(planFile, 'utf8').catch(() => {
		throw new ReelError('BAD_OPTION', `${planFile}: plan file not found`);
	});
	const plan = parsePlan(JSON.parse(text), planFile);
	const target = {region: values.region as AwsRegion, functionName: values.function, bucketName: values.bucket};
	const {report: _report, ...content} = plan;
	const siteName = `reel-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12)}`;
	const serveUrl = await deployPlanSite({plan, target, siteName});
	const out = values.out ?? sidecarPath(planFile.replace(/\.plan\.json$/, '.json'), '.mp4');
	const progress = createProgress('render on Lambda');
	await renderPlanOnLambda({plan, out, serveUrl, target, options: {scale: number('scale', values.scale)}, framesPerLambda: number('frames-per-lambda', values['frames-per-lambda']), onProgress: (f) => progress.update(f)});
	progress.done(`→ ${out}`);
};

main().catch(exitWithError);
