// What the compare view says at the cursor: each run's value of the compared metric (the drawn
// line: smoothed when smoothing is on) at the x under the cursor, or the last one before it.
import type { ChartSeries } from '../charts/types';

export interface CursorValue {
  label: string;
  color: string;
  value: number | null;
}

/** Index of the last x at or before `at`; -1 when `at` is before the first. */
function indexAtOrBefore(x: ArrayLike<number>, at: number): number {
  let lo = 0;
  let hi = x.length - 1;
  if (hi < 0 || x[0]! > at) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (x[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function cursorValues(chart: { x: ArrayLike<number>; series: readonly ChartSeries[] }, at: number): CursorValue[] {
  const i = indexAtOrBefore(chart.x, at);
  return chart.series
    .filter((s) => !s.faint)
    .map((s) => {
      // Other runs' steps sit between this run's points (undefined there): look back to its own.
      let j = i;
      while (j >= 0 && s.values[j] === undefined) j--;
      const v = j >= 0 ? s.values[j] : null;
      return { label: s.label, color: s.color, value: v ?? null };
    });
}
