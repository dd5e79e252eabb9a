// PyTorch's schedulers (torch/optim/lr_scheduler.py), in float64 as Python computes them.
// Step k is the rate after k calls of scheduler.step(). Where a scheduler has a closed form
// (_get_closed_form_lr) we use it, in its operation order; stepping with get_lr() multiplies
// the previous rate instead and drifts from the closed form by a few units in the last place,
// which torch.test.ts bounds against real PyTorch (scripts/torch-reference).
import { fillByAt, markAt, noMarks, percent, type Curve, type Mark, type Out } from './curve';
import { forEachSpan, markPowerStairs, markPowerStarts, markSpans, nextSpanStart } from './spans';

// A local name for an imported function called per event: where modules are compiled to
// CommonJS (tsx, vitest), an imported name is read through a getter at every call (tf.ts says more).
const nextStart = nextSpanStart;

const BLOCK = 1024;

/**
 * gamma ** k as Math.pow(gamma, k - k % 1024) * gamma ** (k % 1024): within 2 ulp of gamma ** k.
 * fill() computes the first factor once per block of 1024 steps and looks the second up.
 * (A class: its methods are shared by all curves, and so is their optimized code.)
 */
class Powers {
  private readonly low = new Float64Array(BLOCK);
  // The last block's factor is remembered: events ask for two steps of one block in a row.
  private lastBase = 0;
  private lastHigh = 1;

  constructor(private readonly gamma: number) {
    for (let j = 0; j < BLOCK; j++) this.low[j] = Math.pow(gamma, j);
  }

  private high(base: number): number {
    if (base !== this.lastBase) { this.lastHigh = Math.pow(this.gamma, base); this.lastBase = base; }
    return this.lastHigh;
  }

  at(k: number): number {
    if (k < BLOCK) return this.low[k];
    // k % BLOCK for an integer k >= 0, without the floating-point modulo (a C call in V8 when
    // k is not known to be a small integer, as in events: ~15 ns, twice per event).
    const base = Math.floor(k / BLOCK) * BLOCK;
    return this.high(base) * this.low[k - base];
  }

  /** Calls step(k, gamma ** k) for k in [from, to), exactly as at(k). */
  each(from: number, to: number, step: (k: number, g: number) => void): void {
    const low = this.low;
    let k = from;
    while (k < to) {
      const base = k - (k % BLOCK);
      const end = Math.min(to, base + BLOCK);
      if (base === 0) for (; k < end; k++) step(k, low[k]);
      else { const h = this.high(base); for (; k < end; k++) step(k, h * low[k - base]); }
    }
  }
}

/** StepLR: base_lr * gamma ** (last_epoch // step_size). */
export function stepCurve(lr: number, stepSize: number, gamma: number): Curve {
  const stair = (k: number) => Math.floor(k / stepSize);
  const at = (k: number) => lr * gamma ** stair(k);
  const guess = (i: number) => i * stepSize;
  return {
    at,
    fill: (from, to, out, offset) => forEachSpan(stair, guess, from, to, (_i, a, b) => out.fill(at(a), offset + a - from, offset + b - from)),
    marks: (from, to, mark) => markPowerStairs(stepSize, lr, gamma, stair, from, to, mark),
    describe: (k) => `stair ${stair(k) + 1}`,
  };
}

/** MultiStepLR: base_lr * gamma ** bisect_right(sorted(milestones), last_epoch). */
export function multiStepCurve(lr: number, milestones: readonly number[], gamma: number): Curve {
  const sorted = [...milestones].sort((a, b) => a - b);
  const passed = (k: number) => {
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const at = (k: number) => lr * gamma ** passed(k);
  const guess = (i: number) => (i - 1 < sorted.length ? sorted[i - 1] : Infinity);
  return {
    at,
    fill: (from, to, out, offset) => forEachSpan(passed, guess, from, to, (_i, a, b) => out.fill(at(a), offset + a - from, offset + b - from)),
    // A repeated milestone drops twice at once: one event whose index counts milestones passed.
    marks: (from, to, mark) => markPowerStarts(sorted, lr, gamma, from, to, mark),
    describe: (k) => `after ${passed(k)} of ${sorted.length} milestones`,
  };
}

/** ExponentialLR: base_lr * gamma ** last_epoch. */
export function exponentialLRCurve(lr: number, gamma: number): Curve {
  const pow = new Powers(gamma);
  return {
    at: (k) => lr * pow.at(k),
    fill: (from, to, out, offset) => pow.each(from, to, (k, g) => { out[offset + k - from] = lr * g; }),
    marks: noMarks,
    describe: (k) => `step ${k}`,
  };
}

/** CosineAnnealingLR: eta_min + (base_lr - eta_min) * (1 + cos(pi * last_epoch / T_max)) / 2, not clamped after T_max. */
export function cosineAnnealingCurve(lr: number, tMax: number, etaMin: number): Curve {
  const at = (k: number) => etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * k) / tMax))) / 2;
  return {
    at,
    fill: (from, to, out, offset) => fillByAt(at, from, to, out, offset),
    marks: noMarks,
    describe: (k) => {
      const half = Math.floor(k / tMax);
      return `${half % 2 === 0 ? 'annealing' : 'rising again past T_max'}, ${percent(k / tMax - half)} through`;
    },
  };
}

/** CosineAnnealingWarmRestarts.step(): T_cur counts up and wraps at T_i, which is multiplied by T_mult at each restart. */
export function warmRestartsCurve(lr: number, T0: number, tMult: number, etaMin: number): Curve {
  return new WarmRestartsCurve(lr, T0, tMult, etaMin);
}

/** One class for all such curves (state in fields): see CyclicCurve. */
class WarmRestartsCurve implements Curve {
  private readonly period = (k: number): number => this.periodOf(k);
  private readonly periodStart = (i: number): number => this.startOf(i);
  private readonly rate = (i: number, k: number): number => this.value(k - this.startOf(i), this.lengthOf(i));

  constructor(private readonly lr: number, private readonly T0: number, private readonly tMult: number, private readonly etaMin: number) {}

  /** Integers: the start of period i is T_0 * (T_mult^i - 1) / (T_mult - 1), exactly. */
  private startOf(i: number): number {
    const tMult = this.tMult;
    return tMult === 1 ? this.T0 * i : (this.T0 * (tMult ** i - 1)) / (tMult - 1);
  }

  /** T_i of period i. */
  private lengthOf(i: number): number {
    return this.T0 * this.tMult ** i;
  }

  private periodOf(k: number): number {
    const tMult = this.tMult;
    if (tMult === 1) return Math.floor(k / this.T0);
    let i = Math.max(0, Math.floor(Math.log((k / this.T0) * (tMult - 1) + 1) / Math.log(tMult)) - 1);
    while (this.startOf(i + 1) <= k) i++;
    while (i > 0 && this.startOf(i) > k) i--;
    return i;
  }

  private value(tCur: number, tI: number): number {
    const etaMin = this.etaMin;
    return etaMin + ((this.lr - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
  }

  at(k: number): number {
    const i = this.periodOf(k);
    return this.value(k - this.startOf(i), this.lengthOf(i));
  }

  /**
   * at() for a preview's steps: their period's start, end and T_i are kept from one step to
   * the next (a preview's neighbours mostly share a period), sparing periodOf's log and powers.
   */
  sampler(): (k: number) => number {
    let start = 0, end = -1, tI = NaN; // steps start <= k < end are in one period of length tI
    return (k) => {
      if (!(k >= start && k < end)) {
        const i = this.periodOf(k);
        start = this.startOf(i);
        end = this.startOf(i + 1);
        tI = this.lengthOf(i);
      }
      return this.value(k - start, tI);
    };
  }

  fill(from: number, to: number, out: Out, offset: number): void {
    forEachSpan(this.period, this.periodStart, from, to, (i, a, b) => {
      const start = this.startOf(i), tI = this.lengthOf(i);
      for (let k = a; k < b; k++) out[offset + k - from] = this.value(k - start, tI);
    });
  }

  marks(from: number, to: number, mark: Mark): void {
    markSpans(this.period, this.periodStart, this.rate, 'restart', 0, from, to, mark);
  }

  describe(k: number): string {
    const i = this.periodOf(k);
    return `cycle ${i + 1}, ${percent((k - this.startOf(i)) / this.lengthOf(i))} through`;
  }
}

/** PolynomialLR: base_lr * (1.0 - min(total_iters, last_epoch) / total_iters) ** power. */
export function polynomialLRCurve(lr: number, totalIters: number, power: number): Curve {
  const at = (k: number) => lr * (1.0 - Math.min(totalIters, k) / totalIters) ** power;
  return {
    at,
    fill: (from, to, out, offset) => {
      const last = Math.min(to, Math.max(from, totalIters + 1));
      fillByAt(at, from, last, out, offset);
      if (last < to) out.fill(at(last), offset + last - from, offset + to - from);
    },
    marks: noMarks,
    describe: (k) => (k >= totalIters ? 'after total_iters' : `${percent(k / totalIters)} through the decay`),
  };
}

/** LinearLR: base_lr * (start_factor + (end_factor - start_factor) * min(total_iters, last_epoch) / total_iters). */
export function linearLRCurve(lr: number, startFactor: number, endFactor: number, totalIters: number): Curve {
  const at = (k: number) => lr * (startFactor + ((endFactor - startFactor) * Math.min(totalIters, k)) / totalIters);
  return {
    at,
    fill: (from, to, out, offset) => fillByAt(at, from, to, out, offset),
    marks: (from, to, mark) => { if (totalIters >= from && totalIters < to) markAt(at, totalIters, 'phase', 1, mark); },
    describe: (k) => (k >= totalIters ? 'after total_iters' : `${percent(k / totalIters)} through the linear change`),
  };
}

/** ConstantLR: base_lr * (factor + (last_epoch >= total_iters) * (1 - factor)). */
export function constantLRCurve(lr: number, factor: number, totalIters: number): Curve {
  const at = (k: number) => lr * (factor + (k >= totalIters ? 1 : 0) * (1 - factor));
  return {
    at,
    fill: (from, to, out, offset) => fillByAt(at, from, to, out, offset),
    marks: (from, to, mark) => { if (totalIters >= Math.max(from, 1) && totalIters < to) markAt(at, totalIters, 'phase', 1, mark); },
    describe: (k) => (k >= totalIters ? 'after total_iters (full rate)' : 'lowered by factor'),
  };
}

/**
 * OneCycleLR.get_lr(): phases end at float(pct_start * total_steps) - 1, [2 * pct_start *
 * total_steps - 2,] total_steps - 1; a step belongs to the first phase whose end_step it does not
 * pass (the last phase takes the rest); pct = (step - start_step) / (end_step - start_step);
 * cos: end + (start - end) / 2.0 * (cos(pi * pct) + 1); linear: (end - start) * pct + start.
 * Steps past total_steps raise in PyTorch: NaN here.
 */
export function oneCycleCurve(o: { max_lr: number; total_steps: number | null; epochs: number | null; steps_per_epoch: number | null; pct_start: number; anneal_strategy: 'cos' | 'linear'; div_factor: number; final_div_factor: number; three_phase: boolean }): Curve {
  const total = o.total_steps ?? (o.epochs ?? 0) * (o.steps_per_epoch ?? 0);
  const initial = o.max_lr / o.div_factor;
  const min = initial / o.final_div_factor;
  const phases = o.three_phase
    ? [{ end: o.pct_start * total - 1, from: initial, to: o.max_lr }, { end: 2 * o.pct_start * total - 2, from: o.max_lr, to: initial }, { end: total - 1, from: initial, to: min }]
    : [{ end: o.pct_start * total - 1, from: initial, to: o.max_lr }, { end: total - 1, from: o.max_lr, to: min }];
  const anneal = o.anneal_strategy === 'cos'
    ? (start: number, end: number, pct: number) => end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1)
    : (start: number, end: number, pct: number) => (end - start) * pct + start;
  const phaseOf = (k: number) => {
    let i = 0;
    while (i < phases.length - 1 && k > phases[i].end) i++;
    return i;
  };
  const startOf = (i: number) => (i === 0 ? 0 : phases[i - 1].end);
  const at = (k: number) => {
    if (k > total) return NaN;
    const i = phaseOf(k);
    return anneal(phases[i].from, phases[i].to, (k - startOf(i)) / (phases[i].end - startOf(i)));
  };
  const names = o.three_phase ? ['warmup', 'annealing back', 'final annealing'] : ['warmup', 'annealing'];
  return {
    at,
    fill: (from, to, out, offset) => fillByAt(at, from, to, out, offset),
    marks: (from, to, mark) => {
      for (let i = 1; i < phases.length; i++) {
        const first = Math.max(0, Math.floor(phases[i - 1].end) + 1);
        if (first >= Math.max(from, 1) && first < to && first <= total) markAt(at, first, 'phase', i, mark);
      }
    },
    describe: (k) => {
      if (k > total) return 'past total_steps (PyTorch raises)';
      const i = phaseOf(k);
      return `phase ${i + 1} of ${phases.length} (${names[i]}), ${percent((k - startOf(i)) / (phases[i].end - startOf(i)))} through`;
    },
  };
}

/** CyclicLR's scale_fn, as a number: compared in the per-step code, where a string compare costs more. */
const TRIANGULAR = 0, TRIANGULAR2 = 1, EXP_RANGE = 2;

/** Below this step, CyclicLR's cycles of an integer total_size start at exact multiples of it (see markWholeCycles). */
const EXACT_CYCLES = 2 ** 50;

/**
 * CyclicLR.get_lr():
 *   cycle = floor(1 + last_epoch / total_size); x = 1. + last_epoch / total_size - cycle
 *   scale_factor = x / step_ratio if x <= step_ratio else (x - 1) / (step_ratio - 1)
 *   lr = base_lr + (max_lr - base_lr) * scale_factor * scale_fn(cycle or last_epoch)
 * triangular: 1; triangular2: 1 / (2. ** (cycle - 1)); exp_range: gamma ** last_epoch.
 */
export function cyclicCurve(o: { base_lr: number; max_lr: number; step_size_up: number; step_size_down: number | null; mode: 'triangular' | 'triangular2' | 'exp_range'; gamma: number }): Curve {
  return new CyclicCurve(o.base_lr, o.max_lr, o.step_size_up, o.step_size_down ?? o.step_size_up, o.mode === 'triangular' ? TRIANGULAR : o.mode === 'triangular2' ? TRIANGULAR2 : EXP_RANGE, o.gamma);
}

/**
 * A class rather than closures made per curve: every CyclicLR curve then runs the same methods
 * with its state in fields, so events' loop stays one optimized function that inlines value()
 * and at() for every curve. (With closures, a second curve of the kind in the process turned
 * the calls in that loop into calls through varying closures: 75 -> 107 ns per event.)
 */
class CyclicCurve implements Curve {
  private readonly totalSize: number;
  private readonly stepRatio: number;
  private readonly amplitude: number;
  private readonly gammaPow: Powers;
  /** cycleOf for firstStepAtLeast, made once. */
  private readonly cycleIndex = (k: number): number => this.cycleOf(k);

  constructor(private readonly base: number, maxLr: number, up: number, down: number, private readonly mode: number, gamma: number) {
    this.totalSize = up + down;
    this.stepRatio = up / this.totalSize;
    // max_lr - base_lr is evaluated first in PyTorch too (base_height's factor).
    this.amplitude = maxLr - base;
    this.gammaPow = new Powers(gamma);
  }

  private cycleOf(k: number): number {
    return Math.floor(1 + k / this.totalSize);
  }

  private value(k: number, gk: number): number {
    return this.valueIn(k, this.cycleOf(k), gk);
  }

  /** value() with k's cycle already known (events know it from their search). */
  private valueIn(k: number, cycle: number, gk: number): number {
    const x = 1 + k / this.totalSize - cycle;
    const stepRatio = this.stepRatio;
    const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    const scale = this.mode === TRIANGULAR ? 1 : this.mode === TRIANGULAR2 ? 1 / 2 ** (cycle - 1) : gk;
    return this.base + this.amplitude * scaleFactor * scale;
  }

  at(k: number): number {
    return this.value(k, this.mode === EXP_RANGE ? this.gammaPow.at(k) : 1);
  }

  fill(from: number, to: number, out: Out, offset: number): void {
    if (this.mode !== EXP_RANGE) {
      for (let k = from; k < to; k++) out[offset + k - from] = this.value(k, 1);
      return;
    }
    this.gammaPow.each(from, to, (k, g) => { out[offset + k - from] = this.value(k, g); });
  }

  /**
   * Each cycle starts again at base_lr: a restart the chart marks, though the curve does not
   * jump. (In exp_range, at(k - 1) and at(k) share gamma's power of their block.) markSpans's
   * loop with the rates computed here: through its guess and rate callbacks, 10,000 exp_range
   * restarts took 5.5–8.5 ms against 1.0 ms (load 18–21, 2 cores); finding each start through
   * nextSpanStart costs nothing measurable (10,000 restarts, alternately against the loop
   * written out, medians: 1.0–3.1 ms against 1.3–6.8 ms, load 19–22).
   */
  marks(from: number, to: number, mark: Mark): void {
    const s = Math.max(from, 1);
    if (s >= to) return;
    if (Number.isInteger(this.totalSize) && to <= EXACT_CYCLES) return this.markWholeCycles(s, to, mark);
    this.markCycles(s, to, mark);
  }

  /** marks() in general: each cycle's start found by the search, from its exact-arithmetic guess. */
  private markCycles(from: number, to: number, mark: Mark): void {
    let s = from;
    const totalSize = this.totalSize;
    let c = this.cycleOf(s - 1);
    for (;;) {
      // Cycle c + 1 starts at c · total_size in exact arithmetic.
      const next = nextStart(this.cycleIndex, c, c * totalSize, s, to);
      if (next >= to) return;
      const after = this.cycleOf(next);
      // (next - 1 is in cycle c, the search made sure.)
      this.markRestart(next, c, after, mark);
      c = after;
      s = next + 1;
    }
  }

  /**
   * marks() for an integer total_size and steps below 2^50: cycle c + 1 starts at c · total_size
   * exactly there, as cycleOf has it (1 + k / total_size is off by less than 1 / total_size), so
   * no search and no division per restart. (Its own function, the loop last in it: V8 compiles
   * a hot loop on its own, and code after it that never ran would throw that code away.)
   */
  private markWholeCycles(from: number, to: number, mark: Mark): void {
    const totalSize = this.totalSize;
    let c = this.cycleOf(from - 1);
    for (let next = c * totalSize; next < to; next += totalSize) {
      this.markRestart(next, c, c + 1, mark);
      c++;
    }
  }

  /** The restart at step `next`, the first of cycle `after`, with next - 1 in cycle c. */
  private markRestart(next: number, c: number, after: number, mark: Mark): void {
    const exp = this.mode === EXP_RANGE;
    const before = this.valueIn(next - 1, c, exp ? this.gammaPow.at(next - 1) : 1);
    mark(next, 'restart', after - 1, before, this.valueIn(next, after, exp ? this.gammaPow.at(next) : 1));
  }

  describe(k: number): string {
    const cycle = this.cycleOf(k);
    const x = 1 + k / this.totalSize - cycle;
    return `cycle ${cycle}, ${x <= this.stepRatio ? 'rising' : 'falling'}, ${percent(x)} through`;
  }
}
