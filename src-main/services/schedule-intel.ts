// Schedule intelligence over a stored run: infer the schedule behind its logged learning rate
// (in a worker thread) and measure where training left the attached schedule (drift). The UI
// (contract 'schedules.infer', 'schedules.drift') and the CLI (lrscope infer, lrscope drift) call these.
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../src-shared/api/errors';
import type { DriftResponse, InferResponse } from '../../src-shared/api/intel-types';
import { inferSchedule, type InferOptions, type InferResult } from '../../src-shared/schedule/infer/index';
import { driftReport, DEFAULT_TOLERANCE } from '../../src-shared/schedule/drift/index';
import type { Db } from '../db/database';
import { pointChunks } from '../db/points';
import type { RunService } from './runs';

const WORKER_URL = new URL('./infer-worker.mjs', import.meta.url);
const INFER_TIMEOUT_MS = 60_000;

/** Runs inferSchedule in a worker; inline when a worker cannot start (a bundle without the worker file). */
export function inferInWorker(steps: Float64Array, values: Float64Array, options: InferOptions = {}): Promise<InferResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, { workerData: { steps, values, options } });
    } catch {
      resolve(inferSchedule(steps, values, options));
      return;
    }
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ApiError('internal', `inferring the schedule took longer than ${INFER_TIMEOUT_MS / 1000} s`));
    }, INFER_TIMEOUT_MS);
    worker.once('message', (result: InferResult) => { clearTimeout(timer); resolve(result); void worker.terminate(); });
    // A worker that cannot load (a bundle without the worker file) or fails: the same work inline,
    // which either answers or throws the engine's own error.
    worker.once('error', () => {
      clearTimeout(timer);
      try { resolve(inferSchedule(steps, values, options)); } catch (err) { reject(err); }
    });
  });
}

export class ScheduleIntelService {
  constructor(
    private readonly db: Db,
    private readonly runs: RunService,
  ) {}

  /** Every stored point of the run's logged learning rate (`metric`, else the metric with role lr). */
  lrPoints(runId: number, metric?: string): { metric: string; steps: Float64Array; values: Float64Array } {
    const run = this.runs.get(runId);
    const name = metric ?? run.metrics.find((m) => m.role === 'lr')?.name;
    if (!name) throw new ApiError('not_found', `run ${runId} ("${run.name}") has no learning-rate metric: import a log with a logged lr, or name one with --metric`);
    const id = this.runs.metricId(runId, name);
    const steps: number[] = [], values: number[] = [];
    for (const chunk of pointChunks(this.db, id)) {
      for (let i = 0; i < chunk.count; i++) { steps.push(chunk.steps[i]); values.push(chunk.vals[i]); }
    }
    return { metric: name, steps: Float64Array.from(steps), values: Float64Array.from(values) };
  }

  async infer(runId: number, options: { metric?: string; threshold?: number } = {}): Promise<InferResponse> {
    const { metric, steps, values } = this.lrPoints(runId, options.metric);
    const result = await inferInWorker(steps, values, options.threshold === undefined ? {} : { threshold: options.threshold });
    return { runId, metric, ...result };
  }

  drift(runId: number, options: { metric?: string; tolerance?: number } = {}): DriftResponse {
    const run = this.runs.get(runId);
    if (!run.schedule) throw new ApiError('not_found', `run ${runId} ("${run.name}") has no schedule attached: attach one to see where training left it`);
    const { spec, specError } = run.schedule;
    if (!spec) throw new ApiError('invalid_input', specError!);
    const { metric, steps, values } = this.lrPoints(runId, options.metric);
    const report = driftReport(spec, steps, values, { tolerance: options.tolerance ?? DEFAULT_TOLERANCE });
    return { runId, metric, scheduleId: run.schedule.id, scheduleName: run.schedule.name, ...report };
  }
}
