// What schedule intelligence answers across the contract (schedules.infer, schedules.drift).
import type { InferResult } from '../schedule/infer/index';
import type { DriftReport } from '../schedule/drift/index';

export interface InferResponse extends InferResult {
  runId: number;
  /** The logged learning-rate metric the schedule was inferred from. */
  metric: string;
}

export interface DriftResponse extends DriftReport {
  runId: number;
  metric: string;
  scheduleId: number;
  scheduleName: string;
}
