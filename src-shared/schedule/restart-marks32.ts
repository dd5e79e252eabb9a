// Events of float32 cosine_decay_restarts (TF and Keras): the restarts with the rates either
// side, for t_mul = 1 (stairs of first_decay_steps) and t_mul > 1 (thresholds of y, see
// restarts32.ts). tf.ts' cosineRestartsCurve computes the same rates op by op; this is its
// events' fast path.
//
// A class, not closures made per curve: all such curves share one optimized loop, with the
// constants in fields. With closures, a second curve of the kind in a process ran the loop
// through calls of varying closures (~70 -> ~95 ns per event), and tf.ts' value() was too
// large for V8 to inline there.
import { cosfNearPi, cosfNearZero, firstStepAtLeast, PowersOf32 } from './f32';
import type { Mark } from './curve';
import { RestartThresholds } from './restarts32';

const f = Math.fround;
// Local names for the imported functions that the loops call: where modules are compiled to
// CommonJS (tsx, vitest), an imported name is read through a getter at every call, and the
// getters, one function for every export, keep V8 from inlining the call.
const cosNearPi = cosfNearPi, cosNearZero = cosfNearZero, search = firstStepAtLeast;

export class RestartMarks32 {
  private readonly oneMinusT: number;
  private readonly logT: number;
  private readonly A: number;
  private readonly PI = f(Math.PI);
  private readonly tPowers: PowersOf32;
  private readonly mPowers: PowersOf32;
  private readonly thresholds: RestartThresholds;
  private threshold = NaN; // thresholds.at(thresholdOf)
  private thresholdOf = NaN;
  // The index functions firstStepAtLeast searches with, made once.
  private readonly stairIndex = (s: number): number => this.stair(s);
  private readonly yIndex = (s: number): number => this.yOf(s);

  /** L, D, AL, T, M: the float32 learning rate, first_decay_steps, alpha, t_mul, m_mul (see serves()). */
  constructor(private readonly L: number, private readonly D: number, private readonly AL: number, private readonly T: number, M: number) {
    this.oneMinusT = f(1 - T);
    this.logT = f(Math.log(T));
    this.A = f(1 - AL);
    this.tPowers = new PowersOf32(T);
    this.mPowers = new PowersOf32(M);
    this.thresholds = new RestartThresholds(T, this.logT);
  }

  /** Whether marks() serves these steps: t_mul = 1, or t_mul > 1 with y(to - 1) finite (else y overflows, and so does the index). */
  serves(from: number, to: number): boolean {
    return this.T === 1 || (this.T > 1 && this.yOf(Math.max(from, to - 1)) < Infinity);
  }

  private fraction(s: number): number {
    return f(f(s) / this.D);
  }

  /** The restart index for t_mul = 1. */
  private stair(s: number): number {
    return Math.floor(f(f(s) / this.D));
  }

  /** The restart index for t_mul > 1 (tf.ts' restart()). */
  private restart(s: number): number {
    return Math.floor(f(f(Math.log(f(1 - f(this.fraction(s) * this.oneMinusT)))) / this.logT));
  }

  private yOf(s: number): number {
    return f(1 - f(f(f(s) / this.D) * this.oneMinusT));
  }

  private sumR(tPow: number): number {
    return f(f(1 - tPow) / this.oneMinusT);
  }

  /** The restarts in [max(from, 1), to), when serves(from, to). */
  marks(from: number, to: number, mark: Mark): void {
    if (this.T === 1) this.markStairs(from, to, mark);
    else this.markThresholds(from, to, mark);
  }

  // The loops below spell out stair(), fraction() and rate() rather than call them: V8 limits
  // how much bytecode it inlines into one function (920 bytes), and PowersOf32.at and cosf's
  // halves need most of it; a call left out of line costs more than its work (its float
  // arguments and result are boxed).

  private markStairs(from: number, to: number, mark: Mark): void {
    let s = Math.max(from, 1);
    if (s >= to) return;
    const D = this.D, L = this.L, A = this.A, AL = this.AL, PI = this.PI;
    let i = this.stair(s - 1);
    // The period's constant (pow(t_mul = 1, i) is exactly 1): the period after a restart is the one before the next.
    let half = f(0.5 * this.mPowers.at(i));
    for (;;) {
      let step = Math.ceil((i + 1) * D);
      // The first step past period i: where stair(step - 1) = i < stair(step) (mostly the guess).
      let cf = f(f(step) / D);
      if (!(step >= s && step < to && Math.floor(f(f(step - 1) / D)) === i && Math.floor(cf) > i)) {
        step = search(this.stairIndex, i + 1, (i + 1) * D, s, to - 1);
        if (step >= to) return;
        cf = f(f(step) / D);
      }
      const after = Math.floor(cf);
      const halfAfter = f(0.5 * this.mPowers.at(after));
      // tf.ts' value() with cos by cosf's halves (f32.ts): the completed fraction within period i is its cf - i.
      const cosBefore = cosNearPi(f(PI * f(f(f(step - 1) / D) - i)));
      const before = f(L * f(f(A * f(half * f(1 + cosBefore))) + AL));
      const cosAfter = cosNearZero(f(PI * f(cf - after)));
      const lr = f(L * f(f(A * f(halfAfter * f(1 + cosAfter))) + AL));
      mark(step, 'restart', after, before, lr);
      i = after;
      half = halfAfter;
      s = step + 1;
    }
  }

  private thresholdAt(i: number): number {
    if (i !== this.thresholdOf) { this.threshold = this.thresholds.at(i); this.thresholdOf = i; }
    return this.threshold;
  }

  private markThresholds(from: number, to: number, mark: Mark): void {
    let s = Math.max(from, 1);
    if (s >= to) return;
    const D = this.D, oneMinusT = this.oneMinusT, L = this.L, A = this.A, AL = this.AL, PI = this.PI;
    const slope = D / -oneMinusT;
    let i = this.restart(s - 1);
    let tPow = this.tPowers.at(i), sumR = this.sumR(tPow), half = f(0.5 * this.mPowers.at(i));
    for (;;) {
      // The first step past period i: where y reaches the threshold of period i + 1.
      const y = this.thresholdAt(i + 1);
      // y(s) = 1 + (s / D)(t_mul - 1) in exact arithmetic (a guess, checked: a product will do).
      const guess = (y - 1) * slope;
      let step = Math.ceil(guess);
      // yOf() and fraction() spelled out: the completed fractions at step - 1 and step serve the rates too.
      let cfLast = f(f(step - 1) / D), cf = f(f(step) / D);
      let yStep = f(1 - f(cf * oneMinusT));
      if (!(step >= s && step < to && f(1 - f(cfLast * oneMinusT)) < y && yStep >= y)) {
        step = search(this.yIndex, y, guess, s, to - 1);
        if (step >= to) return;
        cfLast = f(f(step - 1) / D);
        cf = f(f(step) / D);
        yStep = f(1 - f(cf * oneMinusT));
      }
      // The period `step` starts: the last threshold it reaches (each threshold is found once:
      // the one past this period is the next iteration's).
      let after = i + 1;
      while (yStep >= this.thresholdAt(after + 1)) after++;
      const tPowAfter = this.tPowers.at(after), sumRAfter = this.sumR(tPowAfter), halfAfter = f(0.5 * this.mPowers.at(after));
      // tf.ts' value() with cos by cosf's halves, as in markStairs.
      const withinBefore = f(f(cfLast - sumR) / tPow);
      const withinAfter = f(f(cf - sumRAfter) / tPowAfter);
      const before = f(L * f(f(A * f(half * f(1 + cosNearPi(f(PI * withinBefore))))) + AL));
      const lr = f(L * f(f(A * f(halfAfter * f(1 + cosNearZero(f(PI * withinAfter))))) + AL));
      mark(step, 'restart', after, before, lr);
      i = after;
      tPow = tPowAfter;
      sumR = sumRAfter;
      half = halfAfter;
      s = step + 1;
    }
  }
}
