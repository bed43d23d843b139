// How every CLI ends on an error: a ReelError is one line for the user (exit 2
// for bad usage, 1 otherwise); anything else is a bug and keeps its stack.
import {ReelError} from '../analysis/errors';

export const exitWithError = (error: unknown): never => {
	if (error instanceof ReelError) {
		process.stderr.write(`reel: ${error.message}\n`);
		process.exit(error.code === 'BAD_OPTION' ? 2 : 1);
	}
	process.stderr.write(`reel: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
	process.exit(1);
};
