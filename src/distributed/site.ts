// Puts what a worker needs to render a plan into the shared folder: the bundle
// (copied once per build, keyed by a hash of its code) and
// the plan's media under the bundle's own public/ folder. Narration is copied
// (small); clip folders are linked to where they are, so every worker must see
// the clips at the same path (docs/scaling.md).
import {createHash, randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {copyFile, cp, mkdir, readFile, readdir, readlink, rename, rm, symlink} from 'node:fs/promises';
import path from 'node:path';
import {PUBLIC_DIR} from '../analysis/cache/dirs';
import {tempNameFor, writeFileAtomic} from '../analysis/cache/files';
import type {Plan} from '../plan';

const COMPLETE_MARK = '.complete';

/**
 * Hash of the bundle's code: not its public folder, not source maps (they follow
 * the code), and not index.html's listing of the public files with their mtimes,
 * which changes with every run and would stop a restarted coordinator from
 * finding its finished chunks.
 */
const bundleKey = async (bundleDir: string): Promise<string> => {
	const hash = createHash('sha256');
	const names = (await readdir(bundleDir)).filter((n) => n !== 'public' && !n.endsWith('.map')).sort();
	for (const name of names) {
		const bytes = await readFile(path.join(bundleDir, name));
		hash.update(name).update(name === 'index.html' ? bytes.toString('utf8').replace(/window\.remotion_staticFiles = .*?<\/script>/, '') : bytes);
	}
	return hash.digest('hex').slice(0, 16);
};

/** The bundle's files, once per build; a second coordinator racing this one keeps the first copy. */
const copyBundle = async (bundleDir: string, siteDir: string): Promise<void> => {
	if (existsSync(path.join(siteDir, COMPLETE_MARK))) return;
	const temp = `${siteDir}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
	await cp(bundleDir, temp, {recursive: true, filter: (src) => src === bundleDir || path.basename(src) !== 'public'});
	await writeFileAtomic(path.join(temp, COMPLETE_MARK), '');
	await rm(siteDir, {recursive: true, force: true});
	await rename(temp, siteDir).catch(async (error: NodeJS.ErrnoException) => {
		await rm(temp, {recursive: true, force: true});
		if (!existsSync(path.join(siteDir, COMPLETE_MARK))) throw error;
	});
};

/** A file the plan names under public/: copied into `publicDir`, once. */
const copyMedia = async (publicDir: string, src: string): Promise<void> => {
	const target = path.join(publicDir, src);
	if (existsSync(target)) return;
	await mkdir(path.dirname(target), {recursive: true});
	const temp = tempNameFor(target);
	await copyFile(path.join(PUBLIC_DIR, src), temp);
	await rename(temp, target);
};

/** `reel/libs/<hash>/clip.mp4`: the `<hash>` link to the clip's folder, recreated with the same target. */
const linkClipFolder = async (publicDir: string, src: string): Promise<void> => {
	const folder = path.dirname(src);
	const link = path.join(publicDir, folder);
	const target = await readlink(path.join(PUBLIC_DIR, folder));
	if ((await readlink(link).catch(() => null)) === target) return;
	await mkdir(path.dirname(link), {recursive: true});
	const temp = tempNameFor(link);
	await symlink(target, temp, 'dir');
	await rename(temp, link);
};

/**
 * The plan's narration and clips under `publicDir`, at the paths the plan names.
 * Clips are linked where workers share the clip folders' paths, copied where the
 * folder is uploaded (Remotion Lambda's site).
 */
export const addPlanMedia = async ({plan, publicDir, clips}: {plan: Plan; publicDir: string; clips: 'link' | 'copy'}): Promise<void> => {
	await copyMedia(publicDir, plan.narration.src);
	for (const clip of plan.clips) await (clips === 'link' ? linkClipFolder(publicDir, clip.src) : copyMedia(publicDir, clip.src));
};

/** Returns the site's folder relative to the shared folder (the jobs' serveUrl). */
export const stageSite = async ({plan, bundleDir, sharedDir}: {plan: Plan; bundleDir: string; sharedDir: string}): Promise<string> => {
	const relative = path.join('sites', await bundleKey(bundleDir));
	const siteDir = path.join(sharedDir, relative);
	await mkdir(path.dirname(siteDir), {recursive: true});
	await copyBundle(bundleDir, siteDir);
	await addPlanMedia({plan, publicDir: path.join(siteDir, 'public'), clips: 'link'});
	return relative;
};
