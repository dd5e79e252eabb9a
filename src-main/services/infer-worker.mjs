// The worker thread that infers a schedule (src-shared/schedule/infer), so a fit over 100k
// points never holds the server's event loop. Plain JS that registers tsx, as bin/lrscope.mjs
// does, so the TypeScript engine loads the same way in the CLI, browser mode and tests.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { inferSchedule } = await import('../../src-shared/schedule/infer/index.ts');
const { steps, values, options } = workerData;
parentPort.postMessage(inferSchedule(steps, values, options));
