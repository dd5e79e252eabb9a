// The y range of a chart: TensorBoard's "ignore outliers" domain (vz-chart-helpers.ts,
// computeDomain): the 5th–95th percentile of the finite values shown, padded by 20 % of that
// span, down to a little under zero when zero is near; so one diverged 2.9e29 does not flatten a
// healthy curve onto the axis. Also the ticks of a log axis, thinned so their labels never overlap.

export interface DomainOptions {
  ignoreOutliers: boolean;
  log: boolean;
}

/** d3.quantile: linear interpolation between the order statistics at (n − 1)·p. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const i = (n - 1) * p;
  const lo = Math.floor(i);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

function finiteSorted(columns: readonly ArrayLike<number | null | undefined>[], positiveOnly: boolean): Float64Array {
  let n = 0;
  for (const c of columns) n += c.length;
  const out = new Float64Array(n);
  let k = 0;
  for (const c of columns) {
    for (let i = 0; i < c.length; i++) {
      const v = c[i];
      if (typeof v === 'number' && Number.isFinite(v) && (!positiveOnly || v > 0)) out[k++] = positiveOnly ? Math.log10(v) : v;
    }
  }
  return out.subarray(0, k).sort();
}

/** [low, high] for the y scale, or null when no finite value is shown (the chart keeps its default). */
export function yDomain(columns: readonly ArrayLike<number | null | undefined>[], o: DomainOptions): [number, number] | null {
  const sorted = finiteSorted(columns, o.log);
  if (sorted.length === 0) return null;
  const a = o.ignoreOutliers ? quantileSorted(sorted, 0.05) : sorted[0]!;
  const b = o.ignoreOutliers ? quantileSorted(sorted, 0.95) : sorted[sorted.length - 1]!;
  const span = b - a;
  if (o.log) {
    // In decades: at least half a decade either side of a flat line.
    const pad = span === 0 ? 0.5 : span * 0.2;
    return [10 ** (a - pad), 10 ** (b + pad)];
  }
  const padding = span === 0 ? Math.abs(a) * 1.1 + 1.1 : span * 0.2;
  const lower = a >= 0 && a < span ? -0.1 * b : a - padding;
  return [lower, b + padding];
}

/** Minimum distance between two tick labels of a log axis, in CSS pixels. */
const LOG_TICK_GAP = 24;

/**
 * Ticks of a log axis from `min` to `max` drawn over `px` CSS pixels: every decade, or every k-th
 * decade when decades are closer than a label's height (a 1e-3 … 3e29 range on 300 px would
 * otherwise print 33 labels on top of each other); 1, 2, 5 multiples when there is room.
 */
export function logSplits(min: number, max: number, px: number): number[] {
  if (!(min > 0) || !(max > min) || !(px > 0)) return [];
  const lo = Math.log10(min);
  const hi = Math.log10(max);
  const perDecade = px / (hi - lo);
  const multiples = perDecade >= LOG_TICK_GAP * 4 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil(LOG_TICK_GAP / perDecade));
  const out: number[] = [];
  const first = Math.floor(lo);
  for (let d = Math.ceil(first / every) * every; d <= Math.ceil(hi); d += every) {
    for (const m of multiples) {
      const v = Number(`${m}e${d}`); // exact decimal: 1e-3, not 0.0010000000000000002
      if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) out.push(v);
    }
  }
  return out;
}
