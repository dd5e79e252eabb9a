// Math.fround(Math.pow(b, y)) for consecutive integers b: noisy_linear_cosine_decay needs
// pow(1 + step, variance_decay) at every step, and powf's log + exp (f32.ts) is most of its cost.
//
// Over a span b0 … b0 + n - 1 with n <= b0 / 256: (b0 + j)^y = b0^y · (1 + u)^y, u = j / b0 <= 2^-8,
// and (1 + u)^y = Σ C(y, k) u^k. Five terms leave |C(y, 5)| u^5 / (1 - ρu) (ρ bounds the ratio
// of the next terms), under 2^-40 for |y| <= 64; the float64 rounding of the sum and of
// Math.pow(b0, y) adds a few 2^-53. As in powf, a value is kept only when everything within
// that bound (and Math.pow's own error) rounds to one float32, which is then what
// fround(Math.pow) gives; otherwise (about one step in a million) powf computes it.
import { powf } from './f32';

/** Longest span of steps the series serves. */
export const POW_SPAN = 1024;

/**
 * out[j] = powf(b0 + j, y) for 0 <= j < m, m = the returned count <= n: 0 when b0 is too small
 * (< 256) or |y| > 64 for the series. b0 + j must be exact (float32 integers, b0 + n <= 2^24).
 */
export function powfSpan(b0: number, n: number, y: number, out: Float64Array): number {
  const m = Math.min(n, POW_SPAN, Math.floor(b0 / 256));
  if (m <= 0 || !(Math.abs(y) <= 64)) return 0;
  const c1 = y, c2 = (c1 * (y - 1)) / 2, c3 = (c2 * (y - 2)) / 3, c4 = (c3 * (y - 3)) / 4, c5 = (c4 * (y - 4)) / 5;
  const inv = 1 / b0;
  const uMax = (m - 1) * inv;
  const rho = Math.max(1, (Math.abs(y) + 5) / 6);
  // Truncation relative to (1 + u)^y >= e^-0.25 (hence the 2), plus 2^-45 for every rounding.
  const u2 = uMax * uMax;
  const err = (2 * Math.abs(c5) * u2 * u2 * uMax) / (1 - rho * uMax) + 2 ** -45;
  const p0 = Math.pow(b0, y);
  // Nothing to serve when b0^y is NaN or the bound decides no step; neither happens for b0 >= 256
  // and |y| <= 64 (err < 2^-15), but the test is there for speed: using p0 and err before the loop
  // keeps TurboFan from scheduling Math.pow, the coefficients' divisions and err inside it. Without
  // it, the code V8 compiled before any step had needed powf's fallback recomputed them at every j
  // (two pow calls: ~105 ns a step against ~4 ns, noisy_linear_cosine_decay at 7.5 M steps/s over
  // steps 0..1M) until a first fallback recompiled the function.
  if (!(p0 >= 0 && err < 0.5)) return 0;
  for (let j = 0; j < m; j++) {
    const u = j * inv;
    const v = p0 * (1 + u * (c1 + u * (c2 + u * (c3 + u * c4))));
    const f = Math.fround(v);
    if (Math.fround(v * (1 + err)) === f && Math.fround(v * (1 - err)) === f && f !== 0 && f !== Infinity) out[j] = f;
    else out[j] = powf(b0 + j, y, Math.log(b0 + j));
  }
  return m;
}

/**
 * out[j] = powf(b0 + j, y) for 0 <= j < m, m = the returned count, 1 <= m <= min(n, POW_SPAN)
 * for n >= 1: by the series where powfSpan serves, else one powf a step (up to b0 = 256, where
 * the series starts to serve, or POW_SPAN steps when it never does).
 */
export function powfSteps(b0: number, n: number, y: number, out: Float64Array): number {
  const m = powfSpan(b0, n, y, out);
  if (m > 0) return m;
  const k = Math.min(n, b0 < 256 ? 256 - b0 : POW_SPAN);
  for (let j = 0; j < k; j++) out[j] = powf(b0 + j, y, Math.log(b0 + j));
  return k;
}
