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

/**
 * Math.fround(Math.pow(x, i)) for a float32 x > 0 and integers i >= 0, cheapest when asked for
 * i, i + 1, i + 2… in turn, as events walk periods: x^(i+1) is then x^i · x in float64 (one
 * multiplication against powf's exp), and the bound on its relative error grows by one rounding
 * per multiplication (restarting from powf's exp once it passes 2^-42). As in powf, a value is
 * kept only when everything within that bound and Math.pow's own error (2 ulps, 2^-51) rounds
 * to one float32, which is then Math.pow's rounded too; otherwise Math.pow decides.
 */
export class PowersOf32 {
  private readonly lnx: number;
  private last = NaN; // v = x^last within err, relative
  private v = NaN;
  private err = 0;

  constructor(private readonly x: number) {
    this.lnx = Math.log(x);
  }

  // at() keeps the common path small (the first power and the fall back are methods of their
  // own): V8 inlines at() into events' loops only while the loop's inlined code stays small.
  at(i: number): number {
    if (i === this.last + 1 && this.err < ERR_RESTART) {
      this.v *= this.x;
      this.err += ROUNDING_ERR;
    } else this.restart(i);
    this.last = i;
    const v = this.v, e = this.err + POW_ERR;
    const f = Math.fround(v);
    if (Math.fround(v * (1 + e)) === f && Math.fround(v * (1 - e)) === f && f !== 0 && f !== Infinity) return f;
    return this.exact(i);
  }

  private restart(i: number): void {
    const t = i * this.lnx;
    this.v = Math.exp(t);
    this.err = (Math.abs(t) + 2) * POW_ERR;
  }

  private exact(i: number): number {
    return Math.fround(Math.pow(this.x, i));
  }
}

/** PowersOf32's error bounds, relative: past ERR_RESTART, start again from exp; one multiplication adds ROUNDING_ERR; exp and Math.pow are within POW_ERR (2 ulps). */
const ERR_RESTART = 2 ** -42, ROUNDING_ERR = 2 ** -52, POW_ERR = 2 ** -51;

// cos(x) = Σ (-1)^k x^2k / (2k)! through k = 7: for |x| <= 0.8 the next term is under 1.4e-15,
// 2e-15 of cos(x) >= 0.69.
const C1 = -1 / 2, C2 = 1 / 24, C3 = -1 / 720, C4 = 1 / 40_320, C5 = -1 / 3_628_800, C6 = 1 / 479_001_600, C7 = -1 / 87_178_291_200;
/** π - Math.PI. */
const PI_LO = 1.2246467991473532e-16;
/** The truncation, the roundings of the series (a few 2^-53) and Math.cos's own ulp, relative, with room to spare. */
const COS_ERR = 8e-15;

/**
 * Math.fround(Math.cos(x)) without the call for |x| within 0.8 of 0 or of π (a schedule's rate
 * at the start and at the end of a cosine period, where events need it): the series above, at
 * π - |x| near π (computed exactly: Math.PI - |x| is exact there, then π's next 53 bits). As in
 * powf, the value is kept when everything within its error bound and Math.cos's rounds to one
 * float32, which is then Math.cos's rounded too; otherwise (about one call in 10^7) and
 * elsewhere Math.cos decides.
 */
export function cosf(x: number): number {
  return Math.abs(x) <= 0.8 ? cosfNearZero(x) : cosfNearPi(x);
}

// cosf's two halves, each smaller than cosf: events' loops call one for the rate at a period's
// start and the other at its end, and V8 inlines both there (not cosf twice: too large). Each
// spells out the series and the check rather than share a helper, which V8 left out of line.

/** cosf, cheapest for |x| <= 0.8 (the start of a cosine period). */
export function cosfNearZero(x: number): number {
  if (!(Math.abs(x) <= 0.8)) return Math.fround(Math.cos(x));
  const z = x * x;
  const v = 1 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * C7))))));
  const f = Math.fround(v);
  return Math.fround(v * (1 + COS_ERR)) === f && Math.fround(v * (1 - COS_ERR)) === f ? f : Math.fround(Math.cos(x));
}

/** cosf, cheapest for |x| within 0.8 of π (the end of a cosine period). */
export function cosfNearPi(x: number): number {
  const a = Math.abs(x);
  if (!(Math.abs(a - Math.PI) <= 0.8)) return Math.fround(Math.cos(x));
  const d = Math.PI - a + PI_LO;
  const z = d * d;
  const v = -(1 + z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * C7)))))));
  const f = Math.fround(v);
  return Math.fround(v * (1 + COS_ERR)) === f && Math.fround(v * (1 - COS_ERR)) === f ? f : Math.fround(Math.cos(x));
}
