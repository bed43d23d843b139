// Clips are referenced in place: a symlink under public/reel/libs points at
// the folder holding the user's clip, so Studio serves it and the bundle
// forwards the link instead of copying gigabytes of footage. The folder is
// linked, not the file: Remotion's render server refuses to serve a file that
// is itself a symlink, but follows linked folders above it.
import {createHash} from 'node:crypto';
import {mkdir, readlink, realpath, rename, symlink} from 'node:fs/promises';
import path from 'node:path';
import {publicMediaDir} from '../cache/dirs';
import {tempNameFor} from '../cache/files';

/** Returns the clip's path relative to the public folder, for `staticFile()`. */
export const linkClip = async (file: string): Promise<string> => {
	const real = await realpath(file);
	const folder = path.dirname(real);
	const name = createHash('sha1').update(folder).digest('hex').slice(0, 16);
	const link = path.join(publicMediaDir(), 'libs', name);
	const current = await readlink(link).catch(() => null);
	if (current !== folder) {
		await mkdir(path.dirname(link), {recursive: true});
		const temp = tempNameFor(link);
		await symlink(folder, temp, 'dir');
		await rename(temp, link);
	}
	return `reel/libs/${name}/${path.basename(real)}`;
};
