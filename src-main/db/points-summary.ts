// Summaries of consecutive points: what a zoomed-out chart needs from a bucket (its first point,
// extremes and NaN count) without the points themselves. Pure arithmetic, no SQL.

/** Points per summary entry: fine enough that a 2,000-bucket view of 10M points merges ~20 entries a bucket. */
export const SUMMARY_SPAN = 256;
/**
 * Points per fine summary entry (metric_chunk_fine_summaries): a query whose buckets are
 * 32–255 points wide merges these instead of decoding every point (issue 15's query cliff).
 */
export const FINE_SPAN = 32;

/**
 * Points per wide summary entry (metric_chunk_wide_summaries): the third level of the pyramid, every
 * ×8 like the others, so a query merges at most 8 entries a bucket at any size (issue 15).
 */
export const WIDE_SPAN = 2048;

/** Layout of one entry, in Float64 slots. */
export const E = { stepFirst: 0, stepLast: 1, count: 2, first: 3, min: 4, max: 5, nans: 6 } as const;
export const ENTRY_SIZE = 7;

/**
 * One entry per `span` points. min/max skip NaN but keep ±Infinity (an exploding loss is a
 * spike to show); an all-NaN run of points has NaN min and max and a full NaN count.
 */
export function summarize(steps: Float64Array, vals: Float64Array, count: number, span = SUMMARY_SPAN): Float64Array {
  const entries = new Float64Array(Math.ceil(count / span) * ENTRY_SIZE);
  for (let start = 0, e = 0; start < count; start += span, e += ENTRY_SIZE) {
    const end = Math.min(start + span, count);
    let min = Infinity;
    let max = -Infinity;
    let nans = 0;
    for (let i = start; i < end; i++) {
      const v = vals[i]!;
      if (v !== v) nans++;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    entries[e + E.stepFirst] = steps[start]!;
    entries[e + E.stepLast] = steps[end - 1]!;
    entries[e + E.count] = end - start;
    entries[e + E.first] = vals[start]!;
    entries[e + E.min] = nans === end - start ? NaN : min;
    entries[e + E.max] = nans === end - start ? NaN : max;
    entries[e + E.nans] = nans;
  }
  return entries;
}

/**
 * Entries of `factor` consecutive entries merged into one: what summarize gives at span × factor
 * when the entries start at the chunk's first point (chunks are summarised from their start, so
 * the 256-point entries are the 32-point ones merged 8 at a time, and the 2,048-point ones the
 * 256-point ones). Reads the entries, not the points: a level costs 1/32 of a pass over them.
 */
export function coarsen(entries: Float64Array, factor: number): Float64Array {
  const n = entries.length / ENTRY_SIZE;
  const out = new Float64Array(Math.ceil(n / factor) * ENTRY_SIZE);
  for (let start = 0, o = 0; start < n; start += factor, o += ENTRY_SIZE) {
    const end = Math.min(start + factor, n);
    const a = start * ENTRY_SIZE;
    let min = NaN;
    let max = NaN;
    let count = 0;
    let nans = 0;
    for (let e = a; e < end * ENTRY_SIZE; e += ENTRY_SIZE) {
      const lo = entries[e + E.min]!;
      const hi = entries[e + E.max]!;
      // NaN = the entry held only NaN; `!(min <= lo)` also replaces the NaN placeholder.
      if (lo === lo && !(min <= lo)) min = lo;
      if (hi === hi && !(max >= hi)) max = hi;
      count += entries[e + E.count]!;
      nans += entries[e + E.nans]!;
    }
    out[o + E.stepFirst] = entries[a + E.stepFirst]!;
    out[o + E.stepLast] = entries[(end - 1) * ENTRY_SIZE + E.stepLast]!;
    out[o + E.count] = count;
    out[o + E.first] = entries[a + E.first]!;
    out[o + E.min] = min;
    out[o + E.max] = max;
    out[o + E.nans] = nans;
  }
  return out;
}

/** Buckets being filled: columnar output of a thinned series. */
export class BucketWriter {
  readonly steps: Float64Array;
  readonly values: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly nanCounts: Float64Array;
  length = 0;
  private open = false;

  constructor(capacity: number) {
    this.steps = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.min = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
    this.nanCounts = new Float64Array(capacity);
  }

  /** Starts a bucket at its first point. */
  start(step: number, first: number): void {
    const i = this.length++;
    this.steps[i] = step;
    this.values[i] = first;
    this.min[i] = NaN;
    this.max[i] = NaN;
    this.nanCounts[i] = 0;
    this.open = true;
  }

  /** Adds extremes (NaN = none) and a NaN count to the open bucket. */
  add(min: number, max: number, nans: number): void {
    if (!this.open) throw new Error('BucketWriter.add before start');
    const i = this.length - 1;
    // NaN compares false both ways, so `!(cur <= min)` also replaces a NaN placeholder.
    if (min === min && !(this.min[i]! <= min)) this.min[i] = min;
    if (max === max && !(this.max[i]! >= max)) this.max[i] = max;
    this.nanCounts[i] = this.nanCounts[i]! + nans;
  }

  result() {
    const n = this.length;
    return {
      steps: this.steps.slice(0, n),
      values: this.values.slice(0, n),
      min: this.min.slice(0, n),
      max: this.max.slice(0, n),
      nanCounts: this.nanCounts.slice(0, n),
      exact: false,
    };
  }
}
