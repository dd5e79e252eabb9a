// Float32 arithmetic as TensorFlow does it when the learning rate is a Python float.
//
// Every TensorFlow op on a float32 scalar rounds its result to float32. In TypeScript that is
// Math.fround after every operation, in TensorFlow's order. +, -, *, / and sqrt of float32
// operands computed in float64 and rounded once are exactly the float32 results (float64 has
// more than 2·24+2 bits). cos, exp, log and pow on a scalar tensor go through Eigen's scalar
// path to the C library's cosf/expf/logf/powf (glibc, correctly rounded in practice); we take
// the float64 result of Math.cos etc. and round it, which gives the same float32 unless the
// float64 value lies within its own error of a float32 rounding midpoint (never seen in the
// golden tests; see README.md, "Limits").

export type Round = (x: number) => number;
export const f32: Round = Math.fround;
export const f64: Round = (x) => x;
export const rounder = (dtype: 'float32' | 'float64'): Round => (dtype === 'float32' ? f32 : f64);

/** `constant_op.constant(math.pi)`: a float32 tensor. */
export const PI32 = Math.fround(Math.PI);

/**
 * Math.fround(Math.pow(x, y)) for float32 x > 0, y, without Math.pow's cost (about 50 ns
 * here against 5 ns for Math.exp). exp(y·ln x) in float64 is within
 * (|y·ln x| + 2)·2^-52 of the true value; when that whole interval rounds to one float32, so
 * does Math.pow's result, and the answer is exact. Otherwise (about one step in 10^7) fall
 * back to Math.pow. Tested against Math.fround(Math.pow) over millions of steps.
 */
export function powf(x: number, y: number, lnx: number): number {
  const t = y * lnx;
  const v = Math.exp(t);
  const f = Math.fround(v);
  const e = (Math.abs(t) + 2) * 4.5e-16;
  if (Math.fround(v * (1 + e)) === f && Math.fround(v * (1 - e)) === f && f !== 0 && f !== Infinity) return f;
  return Math.fround(Math.pow(x, y));
}

/**
 * The smallest step s in [lo, hi] with index(s) >= target, for an index that never decreases
 * with the step (floor of a float32 division, a restart count…); hi + 1 when there is none.
 * `guess` is where exact arithmetic puts it: float32 rounding moves it by a few steps at most,
 * so this costs a handful of index evaluations (a gallop then a bisection when it is far off).
 * NaN counts as +Infinity, so a schedule that turns NaN ends its events there.
 */
export function firstStepAtLeast(index: (s: number) => number, target: number, guess: number, lo: number, hi: number): number {
  if (lo > hi) return hi + 1;
  // reached(s) is inlined as reached(index, target, s) rather than a closure: events() calls this
  // once per event, and a closure per call costs more than the search (tsx names each one).
  const g = Math.min(hi, Math.max(lo, Number.isFinite(guess) ? Math.round(guess) : hi));
  let a: number; // reached(a) is false
  let b: number; // reached(b) is true
  if (reached(index, target, g)) {
    b = g;
    let d = 1;
    for (;;) {
      const c = g - d;
      if (c < lo) {
        if (reached(index, target, lo)) return lo;
        a = lo;
        break;
      }
      if (!reached(index, target, c)) { a = c; break; }
      b = c;
      d *= 2;
    }
  } else {
    a = g;
    let d = 1;
    for (;;) {
      const c = g + d;
      if (c > hi) {
        if (!reached(index, target, hi)) return hi + 1;
        b = hi;
        break;
      }
      if (reached(index, target, c)) { b = c; break; }
      a = c;
      d *= 2;
    }
  }
  while (b - a > 1) {
    const m = Math.floor((a + b) / 2);
    if (reached(index, target, m)) b = m;
    else a = m;
  }
  return b;
}

function reached(index: (s: number) => number, target: number, s: number): boolean {
  const i = index(s);
  return i >= target || Number.isNaN(i);
}
