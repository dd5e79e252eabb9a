// The worker thread that infers a schedule (src-shared/schedule/infer), so a fit over 100k points
// never holds the event loop. Bundled as out/cli/infer-worker.mjs beside the code that starts it
// (scripts/build.mjs); from the sources, src-main/services/infer-worker.mjs loads this file.
import { parentPort, workerData } from 'node:worker_threads';
import { inferSchedule, type InferOptions } from '../../src-shared/schedule/infer/index';

const { steps, values, options } = workerData as { steps: Float64Array; values: Float64Array; options: InferOptions };
parentPort!.postMessage(inferSchedule(steps, values, options));
