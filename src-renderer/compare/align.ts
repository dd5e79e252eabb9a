// Putting runs of different lengths on one x axis: by step, by epoch (interpolated from the
// run's logged epoch metric), by fraction of the run's training (0–100 %), or by the run's logged
// clock (relative or wall time: charts/x-axis.ts maps the steps).
import type { Series } from '../../src-shared/api/series-types';
import type { ComparisonSettings } from '../../src-shared/api/types';

export type Align = ComparisonSettings['align'];

export const ALIGN_LABEL: Record<Align, string> = {
  step: 'step',
  epoch: 'epoch',
  fraction: 'training (%)',
  relative: 'relative time',
  wall: 'wall time',
};

/** Maps a run's steps to x. Must not decrease: x arrays stay sorted. */
export type StepToX = (step: number) => number;

export interface StepRange {
  from: number;
  to: number;
}

/**
 * The mapping for one run, or null when the run cannot be aligned that way (no epoch or clock logged).
 * `range` is the run's step range over the compared metric: its first step is 0 %, its last 100 %.
 * `byClock`: the run's step → relative or wall time (charts/axis-data), for those alignments.
 */
export function stepToX(align: Align, range: StepRange, epoch: Series | null, byClock: StepToX | null = null): StepToX | null {
  if (align === 'step') return (s) => s;
  if (align === 'relative' || align === 'wall') return byClock;
  if (align === 'fraction') {
    const span = range.to - range.from;
    return span > 0 ? (s) => ((s - range.from) / span) * 100 : () => 0;
  }
  return epoch ? epochInterpolator(epoch) : null;
}

/**
 * Step → epoch by linear interpolation between the logged (step, epoch) points; before the first
 * and after the last logged point the epoch is extended at the nearest segment's rate, so the loss
 * logged at the very end of a run still lands after the last epoch value rather than on it.
 */
export function epochInterpolator(epoch: Series): StepToX | null {
  const steps: number[] = [];
  const epochs: number[] = [];
  for (let i = 0; i < epoch.steps.length; i++) {
    const s = epoch.steps[i]!;
    const e = epoch.values[i]!;
    if (!Number.isFinite(e)) continue;
    // A repeated step (an epoch-end row beside the last batch row) keeps the later, larger epoch.
    if (steps.length && steps[steps.length - 1] === s) epochs[epochs.length - 1] = Math.max(epochs[epochs.length - 1]!, e);
    else {
      steps.push(s);
      epochs.push(e);
    }
  }
  const n = steps.length;
  if (n === 0) return null;
  if (n === 1) return () => epochs[0]!;
  const rate = (a: number, b: number) => (epochs[b]! - epochs[a]!) / (steps[b]! - steps[a]!);
  return (s) => {
    if (s <= steps[0]!) return Math.max(0, epochs[0]! + (s - steps[0]!) * rate(0, 1));
    if (s >= steps[n - 1]!) return epochs[n - 1]! + (s - steps[n - 1]!) * rate(n - 2, n - 1);
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (steps[mid]! <= s) lo = mid;
      else hi = mid;
    }
    return epochs[lo]! + (s - steps[lo]!) * rate(lo, hi);
  };
}

export function mapSteps(steps: ArrayLike<number>, toX: StepToX): Float64Array {
  const out = new Float64Array(steps.length);
  for (let i = 0; i < steps.length; i++) out[i] = toX(steps[i]!);
  return out;
}

/**
 * The first whole step of `range` whose x is at least `x` (x grows with the step): turns a zoomed
 * x range back into each run's own steps, whatever the alignment. Clamped to the range.
 */
export function stepAtX(toX: StepToX, range: StepRange, x: number): number {
  let lo = Math.floor(range.from);
  let hi = Math.ceil(range.to);
  if (toX(lo) >= x) return lo;
  if (toX(hi) < x) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (toX(mid) >= x) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Each run's steps under a zoomed x range: one step of margin each side, so lines reach the edges. */
export function stepsUnder(toX: StepToX, range: StepRange, zoom: { from: number; to: number }): StepRange {
  const from = Math.max(range.from, stepAtX(toX, range, zoom.from) - 1);
  const to = Math.min(range.to, stepAtX(toX, range, zoom.to) + 1);
  return { from, to: Math.max(from, to) };
}

/** The last whole step of `range` whose x is at most `x`; null when `x` is left of the range. */
export function stepAtOrBefore(toX: StepToX, range: StepRange, x: number): number | null {
  if (toX(range.from) > x) return null;
  const s = stepAtX(toX, range, x); // the first step with toX(s) >= x
  return toX(s) > x ? s - 1 : s;
}
