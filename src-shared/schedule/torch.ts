// PyTorch's schedulers (torch/optim/lr_scheduler.py), in float64 as Python computes them.
// Step k is the rate after k calls of scheduler.step(). Where a scheduler has a closed form
// (_get_closed_form_lr) we use it, in its operation order; stepping with get_lr() multiplies
// the previous rate instead and drifts from the closed form by a few units in the last place,
// which torch.test.ts bounds against real PyTorch (scripts/torch-reference).
import { fillByAt, markAt, noMarks, percent, type Curve, type Mark } from './curve';
import { firstStepAtLeast } from './f32';
import { forEachRun, markRuns, markStairs, markStarts } from './runs';

const BLOCK = 1024;

/**
 * gamma ** k as Math.pow(gamma, k - k % 1024) * gamma ** (k % 1024): within 2 ulp of gamma ** k.
 * fill() computes the first factor once per block of 1024 steps and looks the second up.
 */
function powers(gamma: number) {
  const low = new Float64Array(BLOCK);
  for (let j = 0; j < BLOCK; j++) low[j] = Math.pow(gamma, j);
  // The last block's factor is remembered: events ask for two steps of one block in a row.
  // (Here rather than through curve.ts' lastMemo, whose call of its function is shared by all.)
  let lastBase = 0, lastHigh = 1;
  const high = (base: number) => {
    if (base !== lastBase) { lastHigh = Math.pow(gamma, base); lastBase = base; }
    return lastHigh;
  };
  const at = (k: number) => {
    const j = k % BLOCK;
    return k < BLOCK ? low[j] : high(k - j) * low[j];
  };
  /** Calls step(k, gamma ** k) for k in [from, to), exactly as at(k). */
  const each = (from: number, to: number, step: (k: number, g: number) => void) => {
    let k = from;
    while (k < to) {
      const base = k - (k % BLOCK);
      const end = Math.min(to, base + BLOCK);
      if (base === 0) for (; k < end; k++) step(k, low[k]);
      else { const h = high(base); for (; k < end; k++) step(k, h * low[k - base]); }
    }
  };
  return { at, each };
}

/** StepLR: base_lr * gamma ** (last_epoch // step_size). */
export function stepCurve(lr: number, stepSize: number, gamma: number): Curve {
  const stair = (k: number) => Math.floor(k / stepSize);
  const rate = (i: number) => lr * gamma ** i;
  const at = (k: number) => lr * gamma ** stair(k);
  const guess = (i: number) => i * stepSize;
  return {
    at,
    fill: (from, to, out, offset) => forEachRun(stair, guess, from, to, (_i, a, b) => out.fill(at(a), offset + a - from, offset + b - from)),
    marks: (from, to, mark) => markStairs(stepSize, false, stair, rate, from, to, mark),
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
  const rate = (i: number) => lr * gamma ** i;
  const at = (k: number) => lr * gamma ** passed(k);
  const guess = (i: number) => (i - 1 < sorted.length ? sorted[i - 1] : Infinity);
  return {
    at,
    fill: (from, to, out, offset) => forEachRun(passed, guess, from, to, (_i, a, b) => out.fill(at(a), offset + a - from, offset + b - from)),
    // A repeated milestone drops twice at once: one event whose index counts milestones passed.
    marks: (from, to, mark) => markStarts(sorted, rate, 'drop', from, to, mark),
    describe: (k) => `after ${passed(k)} of ${sorted.length} milestones`,
  };
}

/** ExponentialLR: base_lr * gamma ** last_epoch. */
export function exponentialLRCurve(lr: number, gamma: number): Curve {
  const pow = powers(gamma);
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
  // Integers: the start of period i is T_0 * (T_mult^i - 1) / (T_mult - 1), exactly.
  const periodStart = (i: number) => (tMult === 1 ? T0 * i : (T0 * (tMult ** i - 1)) / (tMult - 1));
  const period = (k: number) => {
    if (tMult === 1) return Math.floor(k / T0);
    let i = Math.max(0, Math.floor(Math.log((k / T0) * (tMult - 1) + 1) / Math.log(tMult)) - 1);
    while (periodStart(i + 1) <= k) i++;
    while (i > 0 && periodStart(i) > k) i--;
    return i;
  };
  const value = (tCur: number, tI: number) => etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * tCur) / tI))) / 2;
  const at = (k: number) => {
    const i = period(k);
    return value(k - periodStart(i), T0 * tMult ** i);
  };
  return {
    at,
    fill: (from, to, out, offset) => forEachRun(period, periodStart, from, to, (i, a, b) => {
      const start = periodStart(i), tI = T0 * tMult ** i;
      for (let k = a; k < b; k++) out[offset + k - from] = value(k - start, tI);
    }),
    marks: (from, to, mark) => markRuns(period, periodStart, (i, k) => value(k - periodStart(i), T0 * tMult ** i), 'restart', 0, from, to, mark),
    describe: (k) => {
      const i = period(k);
      return `cycle ${i + 1}, ${percent((k - periodStart(i)) / (T0 * tMult ** i))} through`;
    },
  };
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

/**
 * CyclicLR.get_lr():
 *   cycle = floor(1 + last_epoch / total_size); x = 1. + last_epoch / total_size - cycle
 *   scale_factor = x / step_ratio if x <= step_ratio else (x - 1) / (step_ratio - 1)
 *   lr = base_lr + (max_lr - base_lr) * scale_factor * scale_fn(cycle or last_epoch)
 * triangular: 1; triangular2: 1 / (2. ** (cycle - 1)); exp_range: gamma ** last_epoch.
 */
export function cyclicCurve(o: { base_lr: number; max_lr: number; step_size_up: number; step_size_down: number | null; mode: 'triangular' | 'triangular2' | 'exp_range'; gamma: number }): Curve {
  const up = o.step_size_up;
  const down = o.step_size_down ?? up;
  const totalSize = up + down;
  const stepRatio = up / totalSize;
  const gammaPow = powers(o.gamma);
  // Constants, not the spec's fields: the spec objects' shapes vary, and property loads on them
  // in the per-event code would not stay monomorphic. (max_lr - base_lr is evaluated first anyway.)
  const mode = o.mode, base = o.base_lr, amplitude = o.max_lr - o.base_lr;
  const cycleOf = (k: number) => Math.floor(1 + k / totalSize);
  const scale = (cycle: number, gk: number) => (mode === 'triangular' ? 1 : mode === 'triangular2' ? 1 / 2 ** (cycle - 1) : gk);
  const value = (k: number, gk: number) => {
    const cycle = cycleOf(k);
    const x = 1 + k / totalSize - cycle;
    const scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
    return base + amplitude * scaleFactor * scale(cycle, gk);
  };
  const at = (k: number) => value(k, mode === 'exp_range' ? gammaPow.at(k) : 1);
  const guess = (c: number) => (c - 1) * totalSize;
  // Each cycle starts again at base_lr: a restart the chart marks, though the curve does not
  // jump. The loop is this kind's own, not runs.ts' markRuns, which every kind calls: there
  // calls are not inlined. (In exp_range, at(k - 1) and at(k) share gamma's power of their block.)
  const marks = (from: number, to: number, mark: Mark) => {
    let s = Math.max(from, 1);
    if (s >= to) return;
    let c = cycleOf(s - 1);
    for (;;) {
      let next = Math.round(guess(c + 1));
      if (!(next >= s && next < to && cycleOf(next - 1) === c && cycleOf(next) > c)) {
        next = firstStepAtLeast(cycleOf, c + 1, guess(c + 1), s, to - 1);
        if (next >= to) return;
      }
      const after = cycleOf(next);
      mark(next, 'restart', after - 1, at(next - 1), at(next));
      c = after;
      s = next + 1;
    }
  };
  return {
    at,
    fill: (from, to, out, offset) => {
      if (o.mode !== 'exp_range') return fillByAt(at, from, to, out, offset);
      gammaPow.each(from, to, (k, g) => { out[offset + k - from] = value(k, g); });
    },
    marks,
    describe: (k) => {
      const cycle = cycleOf(k);
      const x = 1 + k / totalSize - cycle;
      return `cycle ${cycle}, ${x <= stepRatio ? 'rising' : 'falling'}, ${percent(x)} through`;
    },
  };
}
