// TensorFlow's decay functions, ported op by op from
// tensorflow/python/keras/optimizer_v2/learning_rate_schedule.py (the classes that
// tf.compat.v1.train.* in legacy_learning_rate_decay.py build and call with global_step) and
// Keras 3's keras/src/optimizers/schedules/learning_rate_schedule.py, which computes the same.
//
// r() is one TensorFlow op's rounding: Math.fround for float32, identity for float64.
// at() is the straightforward port; fill() is the fast path for float32 and must return the
// same values bit for bit (tf.test.ts and bench/schedule.bench.ts check it).
import { rounder, powf, cosf, firstStepAtLeast, PowersOf32, type Round } from './f32';
import { fillByAt, lastMemo, noMarks, percent, type Curve, type Mark, type Out } from './curve';
import { forEachSpan, markPowerStairs, markSpans, markStairs, markStarts, stairOf } from './spans';
import { RestartMarks32 } from './restart-marks32';
import { normalNoise } from './noise';
import { powfSteps, POW_SPAN } from './powf-span';

// Local names for imported functions that per-step and per-event code calls: where modules
// are compiled to CommonJS (tsx, vitest), an imported name is read through a getter at every
// call, and the getters (one function for all exports) keep V8 from inlining the call.
const powf32 = powf, search = firstStepAtLeast;

type Dtype = 'float32' | 'float64';

/**
 * ExponentialDecay.__call__:
 *   p = cast(step) / cast(decay_steps); if staircase: p = floor(p)
 *   return initial_learning_rate * pow(cast(decay_rate), p)
 * natural_exp_decay passes decay_rate = exp(-decay_rate) computed as a float32 tensor.
 */
export function exponentialCurve(lr: number, decaySteps: number, decayRate: number, staircase: boolean, dtype: Dtype): Curve {
  const r = rounder(dtype);
  const L = r(lr), D = r(decaySteps), R = r(decayRate);
  const period = (s: number) => r(r(s) / D);
  const stair = (s: number) => Math.floor(period(s));
  const value = (p: number) => r(L * r(Math.pow(R, p)));
  const at = (s: number) => value(staircase ? stair(s) : period(s));
  const guess = (i: number) => i * D;
  const lnR = Math.log(R);
  // A stair's rate, for events: powf in float32 (fround(Math.pow) for a fraction of the cost,
  // see f32.ts); in float64 value() without its identity roundings.
  const stairRate = dtype === 'float32' ? (i: number) => Math.fround(L * powf(R, i, lnR)) : (i: number) => L * Math.pow(R, i);
  const fill = (from: number, to: number, out: Out, offset: number) => {
    if (dtype !== 'float32') return fillByAt(at, from, to, out, offset);
    if (staircase) {
      forEachSpan(stair, guess, from, to, (_i, a, b) => out.fill(at(a), offset + a - from, offset + b - from));
      return;
    }
    let lastP = NaN, lastV = NaN;
    for (let s = from; s < to; s++) {
      const p = Math.fround(Math.fround(s) / D);
      if (p !== lastP) { lastP = p; lastV = Math.fround(L * powf32(R, p, lnR)); }
      out[offset + s - from] = lastV;
    }
  };
  return {
    at, fill,
    marks: !staircase ? noMarks
      : dtype === 'float32' ? (from, to, mark) => markStairs(D, true, stair, stairRate, from, to, mark)
      : (from, to, mark) => markPowerStairs(D, L, R, stair, from, to, mark),
    describe: (s) => {
      const p = period(s);
      const i = Math.floor(p);
      return staircase ? `stair ${i + 1}` : `decay period ${i + 1}, ${percent(p - i)} through`;
    },
  };
}

/** natural_exp_decay: exp(negative(decay_rate)) is a float32 op even for a float64 rate (the Python float becomes a float32 tensor first). */
export function naturalExpRate(decayRate: number): number {
  return Math.fround(Math.exp(-Math.fround(decayRate)));
}

/** PiecewiseConstantDecay: values[0] while step <= boundaries[0], …, values[-1] once step > boundaries[-1]. */
export function piecewiseCurve(boundaries: readonly number[], values: readonly number[], dtype: Dtype): Curve {
  const r = rounder(dtype);
  const v = values.map(r);
  // The interval of a step: how many boundaries it is past (integer comparisons, as TF's int64 step).
  const interval = (s: number) => {
    let lo = 0, hi = boundaries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s > boundaries[mid]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const guess = (i: number) => (i - 1 < boundaries.length ? boundaries[i - 1] + 1 : Infinity);
  const at = (s: number) => v[interval(s)];
  // Integer steps: interval(s) counts the boundaries b with b + 1 <= s.
  const starts = boundaries.map((b) => b + 1);
  const rate = (i: number) => v[i];
  return {
    at,
    fill: (from, to, out, offset) => forEachSpan(interval, guess, from, to, (i, a, b) => out.fill(v[i], offset + a - from, offset + b - from)),
    marks: (from, to, mark) => markStarts(starts, rate, 'drop', from, to, mark),
    describe: (s) => `interval ${interval(s) + 1} of ${v.length}`,
    negativeSteps: true,
  };
}

// polyPow's routes to r(Math.pow(q, P)), all giving that value for q a float32 (or float64) >= 0.
const POW_F64 = 0, POW_F32 = 1, POW_F32_LINEAR = 2, POW_F32_POWF = 3;

/**
 * r(Math.pow(q, P)) by `way`: V8's Math.pow is fast for integer and 0.5 exponents; powf
 * (exp/log) pays off for the others, and pow(0, P) = 0 for P > 0 (the last step of every
 * cycle) spares powf's fall back to Math.pow there.
 */
function polyPow(q: number, P: number, way: number): number {
  switch (way) {
    case POW_F64: return Math.pow(q, P);
    case POW_F32: return Math.fround(Math.pow(q, P));
    case POW_F32_LINEAR: return q;
    default: return q === 0 && P > 0 ? 0 : powf32(q, P, Math.log(q));
  }
}

/**
 * PolynomialDecay.__call__:
 *   if cycle: multiplier = 1 if step == 0 else ceil(step / decay_steps)
 *             decay_steps = decay_steps * multiplier
 *   else:     step = minimum(step, decay_steps)
 *   p = step / decay_steps
 *   return (initial_learning_rate - end_learning_rate) * pow(1 - p, power) + end_learning_rate
 */
export function polynomialCurve(lr: number, decaySteps: number, endLr: number, power: number, cycle: boolean, dtype: Dtype): Curve {
  const r = rounder(dtype);
  const L = r(lr), E = r(endLr), P = r(power), D = r(decaySteps);
  const multiplier = (s: number) => {
    const x = r(s);
    return x === 0 ? 1 : Math.ceil(r(x / D));
  };
  // The power as a route number rather than a function argument: tail() serves at(), fill()
  // and events with different routes, and a call through a varying function is not inlined.
  const exactWay = dtype === 'float32' ? POW_F32 : POW_F64;
  const fastWay = dtype !== 'float32' ? POW_F64 : P === 1 ? POW_F32_LINEAR : Number.isInteger(P) || P === 0.5 ? POW_F32 : POW_F32_POWF;
  const tail = (x: number, Dc: number, way: number) => r(r(r(L - E) * polyPow(r(1 - r(x / Dc)), P, way)) + E);
  const at = (s: number) => (cycle ? tail(r(s), r(D * multiplier(s)), exactWay) : tail(Math.min(r(s), D), D, exactWay));
  const guess = (m: number) => (m - 1) * D + 1;
  const cycleMarks = new PolynomialCycleMarks(L, E, P, D, dtype === 'float32', fastWay);
  const fill = (from: number, to: number, out: Out, offset: number) => {
    if (dtype !== 'float32') return fillByAt(at, from, to, out, offset);
    const steps = (a: number, b: number, Dc: number, clamp: boolean) => {
      for (let s = a; s < b; s++) {
        const x = clamp ? Math.min(Math.fround(s), D) : Math.fround(s);
        out[offset + s - from] = tail(x, Dc, fastWay);
      }
    };
    if (cycle) {
      forEachSpan(multiplier, guess, from, to, (m, a, b) => steps(a, b, Math.fround(D * m), false));
      return;
    }
    // Past decay_steps the step is clamped: the rate is end_learning_rate from there on.
    const last = Math.min(to, Math.max(from, Math.ceil(decaySteps) + 2));
    steps(from, last, D, true);
    if (last < to) out.fill(at(last), offset + last - from, offset + to - from);
  };
  return {
    at, fill,
    marks: cycle ? (from, to, mark) => cycleMarks.marks(from, to, mark) : noMarks,
    describe: (s) => {
      if (!cycle) return r(s) >= D ? 'after the decay (end_learning_rate)' : `${percent(r(s) / D)} through the decay`;
      const m = multiplier(s);
      return `cycle ${m}, ${percent(r(s) / r(D * m))} through`;
    },
  };
}

/**
 * polynomial_decay's events with cycle: a restart one step after each multiple of decay_steps,
 * with polynomialCurve's multiplier() and rates (tail() by the fast route). A class rather than
 * closures made per curve, so that all such curves share one optimized loop with the calls
 * inlined (with closures, a second curve of the kind in a process slowed it by a sixth).
 */
class PolynomialCycleMarks {
  private readonly multiplierIndex = (s: number): number => this.multiplier(s);

  constructor(private readonly L: number, private readonly E: number, private readonly P: number, private readonly D: number, private readonly f32: boolean, private readonly way: number) {}

  /** One TensorFlow op's rounding. */
  private r(x: number): number {
    return this.f32 ? Math.fround(x) : x;
  }

  private multiplier(s: number): number {
    const x = this.r(s);
    return x === 0 ? 1 : Math.ceil(this.r(x / this.D));
  }

  /** polynomialCurve's tail(r(s), r(D · m), way): the rate at step s of cycle m. */
  private rate(m: number, s: number): number {
    const q = this.r(1 - this.r(this.r(s) / this.r(this.D * m)));
    // polyPow's powf route spelled out: V8 then inlines powf here, where a call costs more than
    // its work (its float arguments and result are boxed).
    const P = this.P;
    const pow = this.way !== POW_F32_POWF ? polyPow(q, P, this.way) : q === 0 && P > 0 ? 0 : powf32(q, P, Math.log(q));
    return this.r(this.r(this.r(this.L - this.E) * pow) + this.E);
  }

  /**
   * markSpans's loop, with spans.ts's nextSpanStart written out: this one keeps the cycle of the
   * guessed step for the mark, and through nextSpanStart (which evaluates it and drops it) 10,000
   * cycles took 1.1–9.0 ms against 1.0–5.7 ms (alternately, medians, load 19–22, 2 cores), where
   * torch.ts's CyclicLR lost nothing.
   */
  marks(from: number, to: number, mark: Mark): void {
    const s = Math.max(from, 1);
    if (s >= to) return;
    if (Number.isInteger(this.D) && to <= (this.f32 ? 2 ** 24 : 2 ** 50)) return this.markWholeCycles(s, to, mark);
    this.markCycles(s, to, mark);
  }

  /**
   * marks() for an integer decay_steps D below 2^24 (float32; 2^50 in float64): every step is
   * exact there, m·D / D = m, and (m·D + 1) / D rounds above m (1/D exceeds half a unit of m
   * since m·D < 2^24), so cycle m + 1 starts at m·D + 1 and no multiplier() is needed per
   * restart. (Its own method with the loop last: see torch.ts' CyclicLR.)
   */
  private markWholeCycles(from: number, to: number, mark: Mark): void {
    const D = this.D;
    let m = this.multiplier(from - 1);
    for (let next = m * D + 1; next < to; next += D) {
      mark(next, 'restart', m, this.rate(m, next - 1), this.rate(m + 1, next));
      m++;
    }
  }

  private markCycles(from: number, to: number, mark: Mark): void {
    let s = from;
    const D = this.D;
    let m = this.multiplier(s - 1);
    for (;;) {
      // Cycle m + 1 starts at m · decay_steps + 1 in exact arithmetic.
      let next = Math.round(m * D + 1);
      let after = this.multiplier(next);
      if (!(next >= s && next < to && this.multiplier(next - 1) === m && after > m)) {
        next = search(this.multiplierIndex, m + 1, m * D + 1, s, to - 1);
        if (next >= to) return;
        after = this.multiplier(next);
      }
      mark(next, 'restart', after - 1, this.rate(m, next - 1), this.rate(after, next));
      m = after;
      s = next + 1;
    }
  }
}

/** InverseTimeDecay.__call__: p = step / decay_steps (floored if staircase); initial_learning_rate / (1 + decay_rate * p). */
export function inverseTimeCurve(lr: number, decaySteps: number, decayRate: number, staircase: boolean, dtype: Dtype): Curve {
  const r = rounder(dtype);
  const L = r(lr), D = r(decaySteps), R = r(decayRate);
  const period = (s: number) => r(r(s) / D);
  const stair = (s: number) => Math.floor(period(s));
  const value = (p: number) => r(L / r(1 + r(R * p)));
  const at = (s: number) => value(staircase ? stair(s) : period(s));
  const guess = (i: number) => i * D;
  return {
    at,
    fill: (from, to, out, offset) => {
      if (!staircase) return fillByAt(at, from, to, out, offset);
      forEachSpan(stair, guess, from, to, (_i, a, b) => out.fill(at(a), offset + a - from, offset + b - from));
    },
    marks: staircase ? (from, to, mark) => markStairs(D, dtype === 'float32', stair, value, from, to, mark) : noMarks,
    describe: (s) => (staircase ? `stair ${stair(s) + 1}` : `decay period ${Math.floor(period(s)) + 1}`),
  };
}

/**
 * The cosine part shared by CosineDecay (TF and Keras 3 _decay_function):
 *   completed_fraction = step / decay_steps
 *   cosine_decayed = 0.5 * (1.0 + cos(pi * completed_fraction))
 *   decayed = (1 - alpha) * cosine_decayed + alpha     # alpha a Python float: (1 - alpha) in float64, then cast
 *   return decay_from_lr * decayed
 */
export function cosineDecayValue(r: Round, step: number, D: number, from: number, oneMinusAlpha: number, alpha: number): number {
  const cf = r(step / D);
  const cosineDecayed = r(0.5 * r(1 + r(Math.cos(r(pi(r) * cf)))));
  return r(from * r(r(oneMinusAlpha * cosineDecayed) + alpha));
}

const pi = (r: Round) => r(Math.PI);

/** CosineDecay.__call__ without warmup: step = minimum(step, decay_steps), then the cosine part. */
export function cosineCurve(lr: number, decaySteps: number, alpha: number, dtype: Dtype): Curve {
  const r = rounder(dtype);
  const L = r(lr), D = r(decaySteps), A = r(1 - alpha), AL = r(alpha);
  const at = (s: number) => cosineDecayValue(r, Math.min(r(s), D), D, L, A, AL);
  return {
    at,
    fill: (from, to, out, offset) => {
      const last = Math.min(to, Math.max(from, Math.ceil(decaySteps) + 2));
      fillByAt(at, from, last, out, offset);
      if (last < to) out.fill(at(last), offset + last - from, offset + to - from);
    },
    marks: noMarks,
    describe: (s) => (r(s) >= D ? 'after the decay (alpha floor)' : `${percent(r(s) / D)} through the decay`),
  };
}

/**
 * CosineDecayRestarts.__call__ (alpha, t_mul, m_mul cast to the dtype):
 *   completed_fraction = step / first_decay_steps
 *   if t_mul == 1: i_restart = floor(completed_fraction); completed_fraction -= i_restart
 *   else: i_restart = floor(log(1.0 - completed_fraction * (1.0 - t_mul)) / log(t_mul))
 *         sum_r = (1.0 - t_mul ** i_restart) / (1.0 - t_mul)
 *         completed_fraction = (completed_fraction - sum_r) / t_mul ** i_restart
 *   m_fac = m_mul ** i_restart
 *   cosine_decayed = 0.5 * m_fac * (1.0 + cos(pi * completed_fraction))
 *   decayed = (1 - alpha) * cosine_decayed + alpha
 *   return initial_learning_rate * decayed
 * The fast path computes i_restart, t_mul ** i_restart, sum_r and 0.5 * m_fac once per period.
 */
export function cosineRestartsCurve(lr: number, firstDecaySteps: number, tMul: number, mMul: number, alpha: number, dtype: Dtype): Curve {
  const r = rounder(dtype);
  const L = r(lr), D = r(firstDecaySteps), AL = r(alpha), T = r(tMul), M = r(mMul);
  const geometric = T !== 1;
  const oneMinusT = r(1 - T), logT = r(Math.log(T)), A = r(1 - AL), PI = pi(r);
  const fraction = (s: number) => r(r(s) / D);
  const restart = (s: number) => {
    const cf = fraction(s);
    return geometric ? Math.floor(r(r(Math.log(r(1 - r(cf * oneMinusT)))) / logT)) : Math.floor(cf);
  };
  const constants = (tPow: number, mPow: number) => ({ tPow, sumR: r(r(1 - tPow) / oneMinusT), half: r(0.5 * mPow) });
  const periodConstants = (i: number) => constants(r(Math.pow(T, i)), r(Math.pow(M, i)));
  const cosR = (x: number) => r(Math.cos(x));
  /** The rate at completed fraction cf of period i; cos(x) is r(Math.cos(x)), by cosR or cosf. */
  const value = (cf: number, i: number, c: { tPow: number; sumR: number; half: number }, cos: (x: number) => number) => {
    const within = geometric ? r(r(cf - c.sumR) / c.tPow) : r(cf - i);
    const cosineDecayed = r(c.half * r(1 + cos(r(PI * within))));
    return r(L * r(r(A * cosineDecayed) + AL));
  };
  const at = (s: number) => {
    const i = restart(s);
    return value(fraction(s), i, periodConstants(i), cosR);
  };
  // Where restart() reaches i, with the rounded constants it uses (so the search for the exact
  // step starts a step or two away, not hundreds after thousands of restarts).
  const guess = (i: number) => (geometric ? (D * (1 - Math.exp(i * logT))) / oneMinusT : i * D);
  // Events: each period's constants once (the period after a restart is the one before the
  // next). In float32 the powers go through PowersOf32: the same values as Math.pow for a
  // fraction of its cost (see f32.ts), and pow(1, i) is exactly 1.
  const f32 = dtype === 'float32';
  const tPowers = new PowersOf32(T), mPowers = new PowersOf32(M);
  const eventConstants = f32 ? (i: number) => constants(geometric ? tPowers.at(i) : 1, mPowers.at(i)) : periodConstants;
  const constantsOf = lastMemo(eventConstants);
  // Events need the rate at the end and the start of a period, where cosf spares Math.cos.
  const eventCos = f32 ? cosf : cosR;
  const rate = (i: number, s: number) => value(fraction(s), i, constantsOf(i), eventCos);
  // Float32 with t_mul >= 1 (the common cases): restart-marks32.ts, the same rates by one
  // class shared by all curves. Otherwise (float64, t_mul < 1): here.
  const marks32 = f32 ? new RestartMarks32(L, D, AL, T, M) : undefined;
  // t_mul = 1 in float64: the restart index is the stair of first_decay_steps.
  const nextStair = (i: number, s: number, to: number) => {
    const g = Math.ceil((i + 1) * D);
    if (g >= s && g < to && stairOf(g - 1, D, f32) === i && stairOf(g, D, f32) > i) return g;
    return Math.min(to, firstStepAtLeast(restart, i + 1, (i + 1) * D, s, to - 1));
  };
  // Events: the restarts in [max(from, 1), to), with the rates either side from the constants
  // of the periods.
  const markStairPeriods = (from: number, to: number, mark: Mark) => {
    let s = Math.max(from, 1);
    if (s >= to) return;
    let i = stairOf(s - 1, D, f32);
    let c = eventConstants(i);
    for (;;) {
      const step = nextStair(i, s, to);
      if (step >= to) return;
      const after = stairOf(step, D, f32);
      const cAfter = eventConstants(after);
      mark(step, 'restart', after, value(fraction(step - 1), i, c, eventCos), value(fraction(step), after, cAfter, eventCos));
      i = after;
      c = cAfter;
      s = step + 1;
    }
  };
  const marks = (from: number, to: number, mark: Mark) => {
    if (marks32 && marks32.serves(from, to)) return marks32.marks(from, to, mark);
    if (!geometric) return markStairPeriods(from, to, mark);
    markSpans(restart, guess, rate, 'restart', 0, from, to, mark);
  };
  const withinPeriod = (s: number) => {
    const i = restart(s);
    const cf = fraction(s);
    return geometric ? r(r(cf - periodConstants(i).sumR) / periodConstants(i).tPow) : r(cf - i);
  };
  return {
    at,
    fill: (from, to, out, offset) => {
      if (dtype !== 'float32') return fillByAt(at, from, to, out, offset);
      forEachSpan(restart, guess, from, to, (i, a, b) => {
        const c = periodConstants(i);
        for (let s = a; s < b; s++) out[offset + s - from] = value(Math.fround(Math.fround(s) / D), i, c, cosR);
      });
    },
    marks,
    // A preview's neighbouring steps mostly share a period: its constants (two Math.pow) once.
    sampler: () => {
      const constantsAt = lastMemo(periodConstants);
      return (s) => {
        const i = restart(s);
        return value(fraction(s), i, constantsAt(i), cosR);
      };
    },
    describe: (s) => `cycle ${restart(s) + 1}, ${percent(withinPeriod(s))} through`,
  };
}

/** NoisyLinearCosineDecay's noise parameters. */
export interface Noise { initialVariance: number; varianceDecay: number; seed: number }

/**
 * LinearCosineDecay.__call__ and NoisyLinearCosineDecay.__call__:
 *   step = minimum(step, decay_steps)
 *   linear_decayed = (decay_steps - step) / decay_steps
 *   [noisy: variance = initial_variance / pow(1.0 + step, variance_decay)
 *           linear_decayed = linear_decayed + random_normal(stddev=sqrt(variance))]  (normal * std + 0)
 *   fraction = 2.0 * num_periods * (step / decay_steps)
 *   cosine_decayed = 0.5 * (1.0 + cos(pi * fraction))
 *   return initial_learning_rate * ((alpha + linear_decayed) * cosine_decayed + beta)
 * The noise is lrscope's (noise.ts); pow(1 + step, variance_decay) goes through powf in float32.
 */
export function linearCosineCurve(lr: number, decaySteps: number, numPeriods: number, alpha: number, beta: number, dtype: Dtype, noise?: Noise): Curve {
  const r = rounder(dtype);
  const L = r(lr), D = r(decaySteps), NP = r(numPeriods), AL = r(alpha), BE = r(beta), PI = pi(r);
  const twoNP = r(2 * NP);
  const IV = r(noise?.initialVariance ?? 0), VD = r(noise?.varianceDecay ?? 0), seed = noise?.seed ?? 0;
  const pow = dtype === 'float32' ? (b: number) => powf(b, VD, Math.log(b)) : (b: number) => Math.pow(b, VD);
  const at = (s: number) => {
    const x = Math.min(r(s), D);
    const linear = r(r(D - x) / D);
    const noisy = noise ? r(linear + r(r(Math.sqrt(r(IV / r(pow(r(1 + x)))))) * normalNoise(seed, s))) : linear;
    const cosineDecayed = r(0.5 * r(1 + r(Math.cos(r(PI * r(twoNP * r(x / D)))))));
    return r(L * r(r(r(AL + noisy) * cosineDecayed) + BE));
  };
  const f = Math.fround;
  const pows = new Float64Array(POW_SPAN);
  // Below 2^24 and up to decay_steps, step s has x = s and b = 1 + s exactly: powfSteps gives the
  // noise std's pow for a span of steps at once, and fillExact32 computes the span. It is its own
  // function, called once a span, so that V8 compiles it as a whole function: a single loop over
  // all the steps ran, in some runs, in its on-stack-replacement code only, at 20 M steps/s
  // against 31 (same input, over steps 0..1M).
  const fillExact32 = (from: number, n: number, out: Out, offset: number) => {
    for (let j = 0; j < n; j++) {
      const x = from + j;
      const linear = f(f(D - x) / D);
      const cosineDecayed = f(0.5 * f(1 + f(Math.cos(f(PI * f(twoNP * f(x / D)))))));
      const noisy = f(linear + f(f(Math.sqrt(f(IV / pows[j]))) * normalNoise(seed, x)));
      out[offset + j] = f(L * f(f(f(AL + noisy) * cosineDecayed) + BE));
    }
  };
  // Elsewhere x repeats (steps round above 2^24, clamp past decay_steps) and everything but the
  // noise is reused.
  const fillNoisy32 = (from: number, to: number, out: Out, offset: number) => {
    const exactEnd = Math.max(from, Math.min(to, 2 ** 24, Math.floor(D) + 1));
    for (let s = from; s < exactEnd; ) {
      const n = powfSteps(s + 1, exactEnd - s, VD, pows);
      fillExact32(s, n, out, offset + s - from);
      s += n;
    }
    let lastX = NaN, linear = 0, cosineDecayed = 0, std = 0;
    for (let s = exactEnd; s < to; s++) {
      const x = Math.min(f(s), D);
      if (x !== lastX) {
        lastX = x;
        linear = f(f(D - x) / D);
        cosineDecayed = f(0.5 * f(1 + f(Math.cos(f(PI * f(twoNP * f(x / D)))))));
        const b = f(1 + x);
        std = f(Math.sqrt(f(IV / powf(b, VD, Math.log(b)))));
      }
      const noisy = f(linear + f(std * normalNoise(seed, s)));
      out[offset + s - from] = f(L * f(f(f(AL + noisy) * cosineDecayed) + BE));
    }
  };
  return {
    at,
    fill: (from, to, out, offset) => {
      if (noise && dtype === 'float32') return fillNoisy32(from, to, out, offset);
      // Without noise the rate is constant past decay_steps; with noise it never is.
      const last = noise ? to : Math.min(to, Math.max(from, Math.ceil(decaySteps) + 2));
      fillByAt(at, from, last, out, offset);
      if (last < to) out.fill(at(last), offset + last - from, offset + to - from);
    },
    marks: noMarks,
    describe: (s) => (r(s) >= D ? 'after the decay (beta floor)' : `${percent(r(s) / D)} through the decay`),
  };
}
