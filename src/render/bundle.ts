// One webpack bundle of src/index.ts per process. The public folder is
// symlinked, not copied: clips and narration are referenced in place.
import {bundle} from '@remotion/bundler';
import {mkdirSync} from 'node:fs';
import path from 'node:path';
import {PROJECT_ROOT, PUBLIC_DIR} from '../analysis/cache/dirs';

let cached: Promise<string> | null = null;

export const bundleProject = ({onProgress}: {onProgress?: (percent: number) => void} = {}): Promise<string> => {
	// The bundle links the public folder only if it exists when bundling; narration and clip
	// links are written into it later, so it must exist first (a fresh clone has none).
	mkdirSync(PUBLIC_DIR, {recursive: true});
	cached ??= bundle({
		entryPoint: path.join(PROJECT_ROOT, 'src', 'index.ts'),
		publicDir: PUBLIC_DIR,
		symlinkPublicDir: true,
		onProgress: (p) => onProgress?.(p),
	});
	return cached;
};
