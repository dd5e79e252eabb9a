// What the run view says about the step under the cursor: every charted metric's value there,
// the epoch, the scheduled rate (exact, from the engine) and the logged one, and where in the
// schedule the step is ("cycle 3 of 5, 42 % through", "stair 4").
import type { Series } from '../../src-shared/api/import-types';
import { describeStep, evaluateAt, type ScheduleSpec } from '../../src-shared/schedule';

export interface Readout {
  step: number;
  epoch: number | null;
  values: { name: string; value: number | null }[];
  scheduledLr: number | null;
  loggedLr: number | null;
  position: string | null;
}

/** The value logged at `step`, or the last one before it; null before the first point. */
export function valueAt(series: Series | undefined, step: number): number | null {
  if (!series || series.steps.length === 0) return null;
  let lo = 0;
  let hi = series.steps.length - 1;
  if (series.steps[0]! > step) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (series.steps[mid]! <= step) lo = mid;
    else hi = mid - 1;
  }
  return series.values[lo]!;
}

export function readout(
  step: number,
  input: { metrics: { name: string; series: Series | undefined }[]; epoch?: Series; loggedLr?: Series; spec: ScheduleSpec | null },
): Readout {
  const whole = Math.max(0, Math.round(step));
  return {
    step,
    epoch: valueAt(input.epoch, step),
    values: input.metrics.map((m) => ({ name: m.name, value: valueAt(m.series, step) })),
    scheduledLr: input.spec ? evaluateAt(input.spec, [whole])[0]! : null,
    loggedLr: valueAt(input.loggedLr, step),
    position: input.spec ? describeStep(input.spec, whole).label : null,
  };
}
