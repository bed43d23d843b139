// Runs webpack for bundle.ts in a process of its own: the bundler leaves
// ~400 MB behind in the process that ran it (live webpack state and output
// buffers), which would otherwise stay for the whole render. Protocol on
// stdout, one JSON object per line: {progress} as it goes, then {serveUrl} or {error}.
// argv[2]: the folder to write the bundle into (else a new temporary one).
import {bundle} from '@remotion/bundler';
import path from 'node:path';
import {PROJECT_ROOT, PUBLIC_DIR} from '../analysis/cache/dirs';

const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

bundle({
	entryPoint: path.join(PROJECT_ROOT, 'src', 'index.ts'),
	publicDir: PUBLIC_DIR,
	symlinkPublicDir: true,
	outDir: process.argv[2],
	onProgress: (progress) => say({progress}),
})
	.then((serveUrl) => say({serveUrl}))
	.catch((error: unknown) => {
		say({error: error instanceof Error ? error.message : String(error)});
		process.exit(1);
	});
