// The logged learning rate made ready for fitting: one value per step (a resumed run logs a
// stretch twice; the later rows count), in step order, non-finite values dropped; the logging
// precision (rounded to 6 significant digits by Lightning and Keras' CSV loggers, float32 by
// TensorFlow); an evenly spread subsample that the fits iterate on.

export interface LrLog {
  steps: Float64Array;
  values: Float64Array;
  /** Relative precision of the logged numbers: half a unit in their last printed digit, or float32's. */
  precision: number;
  /** The fitting subsample (all points when there are few). */
  sub: { steps: Float64Array; values: Float64Array };
  /** Median gap between logged steps (1 when every step is logged). */
  stride: number;
}

const SUBSAMPLE = 1200;

export function prepareLog(steps: ArrayLike<number>, values: ArrayLike<number>): LrLog {
  // The common case, steps strictly increasing and every value finite, needs no map.
  let clean = true;
  for (let i = 0; i < steps.length && clean; i++) clean = Number.isSafeInteger(steps[i]) && steps[i] >= 0 && (i === 0 || steps[i] > steps[i - 1]) && Number.isFinite(values[i]);
  if (clean) {
    const st = Float64Array.from(steps), vs = Float64Array.from(values);
    return { steps: st, values: vs, precision: precisionOf(vs), sub: subsample(st, vs, SUBSAMPLE), stride: medianGap(st) };
  }
  const last = new Map<number, number>();
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i], v = values[i];
    if (Number.isSafeInteger(s) && s >= 0 && Number.isFinite(v)) last.set(s, v);
    else if (Number.isSafeInteger(s)) last.delete(s); // a later non-finite row replaces an earlier value too
  }
  const order = [...last.keys()].sort((a, b) => a - b);
  const st = Float64Array.from(order);
  const vs = Float64Array.from(order, (s) => last.get(s)!);
  return { steps: st, values: vs, precision: precisionOf(vs), sub: subsample(st, vs, SUBSAMPLE), stride: medianGap(st) };
}

/** Evenly spread by index, always keeping the first and last points and both sides of every jump. */
export function subsample(steps: Float64Array, values: Float64Array, size: number): { steps: Float64Array; values: Float64Array } {
  const n = steps.length;
  if (n <= size) return { steps, values };
  const keep = new Set<number>();
  for (let i = 0; i < size; i++) keep.add(Math.round((i * (n - 1)) / (size - 1)));
  // Jumps (restarts, drops) decide the structure: keep their sides, up to another `size` points.
  let extra = 0;
  for (let i = 1; i < n && extra < size; i++) {
    if (Math.abs(values[i] - values[i - 1]) > 0.01 * Math.abs(values[i - 1])) { keep.add(i - 1); keep.add(i); extra += 2; }
  }
  const idx = [...keep].sort((a, b) => a - b);
  return { steps: Float64Array.from(idx, (i) => steps[i]), values: Float64Array.from(idx, (i) => values[i]) };
}

function medianGap(steps: Float64Array): number {
  if (steps.length < 2) return 1;
  const gaps: number[] = [];
  const every = Math.max(1, Math.floor(steps.length / 2000));
  for (let i = 1; i < steps.length; i += every) gaps.push(steps[i] - steps[i - 1]);
  gaps.sort((a, b) => a - b);
  return gaps[gaps.length >> 1];
}

/**
 * Half a unit in the last printed digit, relative, when every value has at most 8 significant
 * digits (a rounding logger); float32's half ulp when every value is a float32; else float64's.
 */
export function precisionOf(values: Float64Array): number {
  let digits = 0;
  const every = Math.max(1, Math.floor(values.length / 1000));
  for (let i = 0; i < values.length && digits <= 8; i += every) {
    const v = values[i];
    if (v === 0) continue;
    let d = 1;
    while (d <= 17 && Number(v.toPrecision(d)) !== v) d++;
    digits = Math.max(digits, d);
  }
  // Short exact values (0.1, 0.05, 0.025) are not a rounding logger: it shows at 5 digits or more.
  if (digits >= 5 && digits <= 8) return 5 / 10 ** digits;
  let allF32 = true;
  for (let i = 0; i < values.length && allF32; i += every) allF32 = Math.fround(values[i]) === values[i];
  return allF32 ? 2 ** -24 : 2 ** -53;
}
