// Entry of the decode worker: the worker code is TypeScript, and a worker
// thread does not inherit the tsx loader reliably (`--import` in execArgv left
// ".ts" unknown here), so register it in this thread, then load the code.
import {register} from 'tsx/esm/api';

register();
await import('./decode-worker.ts');
