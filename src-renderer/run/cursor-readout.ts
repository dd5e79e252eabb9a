// What the run view says about the step under the cursor: every charted metric's stored value at
// that step (or at the last step it was logged before it, named), the epoch, the scheduled rate
// (exact, from the engine), the logged one, their relative difference, and where in the schedule
// the step is ("cycle 3 of 5, 42 % through", "stair 4"). Values come from stored points only: an
// exact fetched series where it holds every point, else the `series.at` query (cursor-points.svelte.ts).
import type { Series } from '../../src-shared/api/series-types';
import { describeStep, evaluateAt, type ScheduleSpec } from '../../src-shared/schedule';

/** A stored point: the step it was logged at and its value (NaN as logged). */
export interface StoredPoint {
  step: number;
  value: number;
}

/** Each metric's point at (or last before) the readout's step; null = nothing logged by then. */
export type PointsAt = ReadonlyMap<string, StoredPoint | null>;

export interface ReadValue {
  name: string;
  point: StoredPoint | null;
}

export interface Readout {
  step: number;
  epoch: StoredPoint | null;
  values: ReadValue[];
  scheduledLr: number | null;
  loggedLr: StoredPoint | null;
  /** (scheduled − logged) / scheduled at the readout's step, when both exist there. */
  residual: number | null;
  position: string | null;
}

/** The last point of `series` at or before `step`; null before the first point. */
export function pointAt(series: Series | undefined, step: number): StoredPoint | null {
  if (!series || series.steps.length === 0 || series.steps[0]! > step) return null;
  let lo = 0;
  let hi = series.steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (series.steps[mid]! <= step) lo = mid;
    else hi = mid - 1;
  }
  return { step: series.steps[lo]!, value: series.values[lo]! };
}

/**
 * The points at `step` from the fetched series, when they are certainly the stored ones: each
 * series exact (every point of its range, not buckets) and, unless it covers the whole run, with
 * a point at or before `step` inside its range. Null when any metric needs the store.
 */
export function localPoints(step: number, names: readonly string[], series: Record<string, Series | undefined>, range: { from: number; to: number } | null): PointsAt | null {
  const out = new Map<string, StoredPoint | null>();
  for (const name of names) {
    const s = series[name];
    if (!s || !s.exact) return null;
    if (range && (step > range.to || step < range.from)) return null;
    const p = pointAt(s, step);
    if (!p && range) return null; // logged before the zoomed range, perhaps: ask the store
    out.set(name, p);
  }
  return out;
}

/** Relative difference of the scheduled and the logged rate; null where it means nothing. */
export function relativeResidual(scheduled: number | null, logged: number | null): number | null {
  if (scheduled === null || logged === null || scheduled === 0 || !Number.isFinite(scheduled) || !Number.isFinite(logged)) return null;
  return (scheduled - logged) / scheduled;
}

export function readout(
  step: number,
  points: PointsAt,
  input: { metrics: readonly string[]; epoch: string | null; loggedLr: string | null; spec: ScheduleSpec | null },
): Readout {
  const whole = Math.max(0, Math.round(step));
  const get = (name: string | null) => (name === null ? null : (points.get(name) ?? null));
  const scheduledLr = input.spec ? evaluateAt(input.spec, [whole])[0]! : null;
  const loggedLr = get(input.loggedLr);
  return {
    step,
    epoch: get(input.epoch),
    values: input.metrics.map((name) => ({ name, point: get(name) })),
    scheduledLr,
    loggedLr,
    // Only where the logged rate is from this very step: a rate from an earlier step is no residual.
    residual: loggedLr && loggedLr.step === step ? relativeResidual(scheduledLr, loggedLr.value) : null,
    position: input.spec ? describeStep(input.spec, whole).label : null,
  };
}

/** The readout as text with full precision, one value a line: what "Copy" puts on the clipboard. */
export function readoutText(r: Readout): string {
  const lines = [`step\t${r.step}`];
  if (r.epoch) lines.push(`epoch\t${r.epoch.value}\t(step ${r.epoch.step})`);
  for (const v of r.values) lines.push(`${v.name}\t${v.point ? `${v.point.value}\t(step ${v.point.step})` : '–'}`);
  if (r.scheduledLr !== null) lines.push(`scheduled lr\t${r.scheduledLr}`);
  if (r.loggedLr) lines.push(`logged lr\t${r.loggedLr.value}\t(step ${r.loggedLr.step})`);
  if (r.residual !== null) lines.push(`(scheduled − logged) / scheduled\t${r.residual}`);
  return lines.join('\n');
}

/** Points as the readout reads them, from [metric, point] pairs (immutable once built). */
export function pointsOf(entries: Iterable<readonly [string, StoredPoint | null]>): PointsAt {
  return new Map(entries);
}
