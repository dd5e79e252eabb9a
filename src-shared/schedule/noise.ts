// The noise of noisy_linear_cosine_decay. TensorFlow draws it from its stateful random_normal
// op, whose stream depends on the graph's seeds and op counters and cannot be replayed here; we
// draw the same distribution (standard normal scaled by TensorFlow's std) from a counter-based
// generator, so noise(seed, step) is the same for any evaluation order or range. The normal is
// an inverse-CDF table with linear interpolation, truncated at ±3.7 standard deviations.

const BITS = 12;
const SIZE = 1 << BITS;
const QUANTILES = buildQuantiles();

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const t = q * q;
  return ((((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * q) / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1);
}

function buildQuantiles(): Float64Array {
  const q = new Float64Array(SIZE + 1);
  for (let k = 0; k <= SIZE; k++) q[k] = normalQuantile((k + 0.5) / (SIZE + 1));
  return q;
}

/** A well-mixed 32-bit hash of (seed, step) (murmur3's finalizer over both words). */
function hash(seed: number, step: number): number {
  const hi = Math.floor(step / 4294967296);
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ (step >>> 0);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ Math.imul(hi, 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A standard normal sample for (seed, step), as a float32 (random_normal's dtype). */
export function normalNoise(seed: number, step: number): number {
  const h = hash(seed, step);
  const i = h >>> (32 - BITS);
  const frac = (h & ((1 << (32 - BITS)) - 1)) / (1 << (32 - BITS));
  return Math.fround(QUANTILES[i] + (QUANTILES[i + 1] - QUANTILES[i]) * frac);
}
