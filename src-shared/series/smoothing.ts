/**
 * TensorBoard's "classic" smoothing: a debiased exponential moving average (a first-order IIR
 * low-pass filter). Same formula, clipping and edge cases as TensorBoard's
 * tensorboard/webapp/widgets/line_chart_v2/data_transformer.ts `classicSmoothing`:
 * - the weight is clipped to [0, 1] (NaN and ±Infinity become 0);
 * - a constant series is returned as is (no floating-point noise);
 * - non-finite values pass through and are left out of the average;
 * - the average starts at 0 and is divided by (1 − w^n), n = finite points so far.
 */
export const DEFAULT_SMOOTHING = 0.6;

export function smooth(values: ArrayLike<number>, weight: number, out = new Float64Array(values.length)): Float64Array {
  const w = Number.isFinite(weight) ? Math.max(0, Math.min(weight, 1)) : 0;
  const n = values.length;
  let constant = true;
  for (let i = 1; i < n && constant; i++) constant = values[i] == values[0];
  if (constant) {
    for (let i = 0; i < n; i++) out[i] = values[i]!;
    return out;
  }
  let last = 0;
  let decay = 1; // w^n for the n finite points so far, kept incrementally instead of Math.pow per point
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    last = last * w + (1 - w) * v;
    decay *= w;
    out[i] = w === 1 ? last : last / (1 - decay);
  }
  return out;
}
