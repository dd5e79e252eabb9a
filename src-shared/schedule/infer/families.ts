// The schedule families infer tries, each as trials: a way to build a full spec from a parameter
// vector, a first guess read off the log's shape (its stairs, restarts, peak, flat tail) and
// which parameters are integers. Specs are built whole (every parameter present), so the fit
// can evaluate thousands of them without validating each; the result is validated at the end.
import type { ScheduleSpec } from '../spec';
import type { LrLog } from './data';
import { roundestInteger } from './fit';

export interface Trial {
  make: (x: number[]) => ScheduleSpec | null;
  x0: number[];
  scale: number[];
  /** Indices of integer parameters (rounded after the fit). */
  ints: number[];
  /** Built exactly from the log's structure: no numeric fit, only snapping. */
  fixed?: boolean;
}

export interface Shape {
  s0: number; y0: number; sN: number; yN: number;
  yMax: number; iMax: number; yMin: number;
  /** First step of the constant tail (at least 3 points at the final value), or null. */
  flatFrom: number | null;
  /** Indices where the rate rises after falling or holding: restarts. */
  jumps: number[];
  /** Runs of equal values (the first 200). */
  runs: { v: number; first: number; last: number }[];
  runCount: number;
}

export function shapeOf(log: LrLog): Shape {
  const { steps, values } = log;
  const n = steps.length;
  let iMax = 0, yMin = Infinity;
  for (let i = 0; i < n; i++) {
    if (values[i] > values[iMax]) iMax = i;
    yMin = Math.min(yMin, values[i]);
  }
  const same = (a: number, b: number) => a === b || Math.abs(a - b) <= 2 * log.precision * Math.abs(b);
  let flat = n - 1;
  while (flat > 0 && same(values[flat - 1], values[n - 1])) flat--;
  const jumps: number[] = [];
  for (let i = 2; i < n; i++) {
    if (values[i] > values[i - 1] * (1 + 1e-3) && values[i - 1] <= values[i - 2]) jumps.push(i);
  }
  const runs: Shape['runs'] = [];
  let runCount = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && values[i] === values[i - 1]) {
      if (runCount <= 200) runs[runs.length - 1].last = steps[i];
      continue;
    }
    runCount++;
    if (runCount <= 200) runs.push({ v: values[i], first: steps[i], last: steps[i] });
  }
  return {
    s0: steps[0], y0: values[0], sN: steps[n - 1], yN: values[n - 1], yMax: values[iMax], iMax, yMin,
    flatFrom: n - flat >= 3 && flat > 0 ? steps[flat] : null,
    jumps, runs, runCount,
  };
}

const f64 = 'float64' as const;
const pos = (x: number) => x > 0 && Number.isFinite(x);

/** Stairs: StepLR / exponential_decay(staircase) / inverse_time_decay(staircase) / MultiStepLR / piecewise_constant. */
export function stairTrials(log: LrLog, sh: Shape): Trial[] {
  const runs = sh.runs;
  const n = log.steps.length;
  if (runs.length === 1) {
    const v = runs[0].v;
    return [{ fixed: true, ints: [], x0: [v], scale: [], make: ([lr]) => ({ kind: 'torch.ConstantLR', lr, factor: 1, total_iters: 0 }) }];
  }
  if (sh.runCount > 64 || sh.runCount * 3 > n) return [];
  const lo = runs.slice(1).map((_, j) => runs[j].last + 1);
  const hi = runs.slice(1).map((r) => r.first);
  const firsts = lo.map((l, j) => roundestInteger(l, hi[j]));
  const v = runs.map((r) => r.v);
  const trials: Trial[] = [];
  const ratios = v.slice(1).map((x, j) => x / v[j]);
  const equal = ratios.every((r) => Math.abs(r / ratios[0] - 1) <= 1e-5);
  // Drop j (counted from 1) happens at step j · D: D lies in every [lo_j / j, hi_j / j].
  const dLo = Math.max(...lo.map((l, j) => l / (j + 1))), dHi = Math.min(...hi.map((h, j) => h / (j + 1)));
  if (equal && dLo <= dHi + 1e-9) {
    const D = roundestInteger(dLo, dHi);
    const gamma = ratios[0];
    trials.push({ fixed: true, ints: [], x0: [v[0], gamma], scale: [], make: ([lr, g]) => ({ kind: 'torch.StepLR', lr, step_size: D, gamma: g }) });
    trials.push({ fixed: true, ints: [], x0: [v[0], gamma], scale: [], make: ([lr, g]) => ({ kind: 'exponential_decay', learning_rate: lr, decay_steps: D, decay_rate: g, staircase: true, dtype: f64 }) });
  }
  if (equal) trials.push({ fixed: true, ints: [], x0: [v[0], ratios[0]], scale: [], make: ([lr, g]) => ({ kind: 'torch.MultiStepLR', lr, milestones: firsts, gamma: g }) });
  // inverse_time_decay(staircase): 1 / v_j = (1 + R j) / L.
  const R = v[0] / v[1] - 1;
  if (dLo <= dHi + 1e-9 && R > 0 && v.every((x, j) => Math.abs(v[0] / (1 + R * j) / x - 1) < 1e-5)) {
    const D = roundestInteger(dLo, dHi);
    trials.push({ fixed: true, ints: [], x0: [v[0], R], scale: [], make: ([lr, r]) => ({ kind: 'inverse_time_decay', learning_rate: lr, decay_steps: D, decay_rate: r, staircase: true, dtype: f64 }) });
  }
  trials.push({ fixed: true, ints: [], x0: v, scale: [], make: (values) => ({ kind: 'piecewise_constant', boundaries: firsts.map((f) => f - 1), values, dtype: f64 }) });
  return trials;
}

/** Decays without stairs or restarts: exponential, inverse time, polynomial/linear, cosine, linear cosine. */
export function decayTrials(log: LrLog, sh: Shape): Trial[] {
  const { s0, y0, sN, yN, yMin } = sh;
  const span = Math.max(1, sN - s0);
  const trials: Trial[] = [];
  if (yMin > 0 && yN !== y0) {
    // ln y = ln lr + s ln gamma, by least squares over the subsample.
    const { steps: xs, values: ys } = log.sub;
    let sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < xs.length; i++) { const ly = Math.log(ys[i]); sx += xs[i]; sy += ly; sxx += xs[i] * xs[i]; sxy += xs[i] * ly; }
    const m = xs.length;
    const slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    const g = Number.isFinite(slope) ? Math.exp(slope) : (yN / y0) ** (1 / span);
    const lr = Number.isFinite(slope) ? Math.exp((sy - slope * sx) / m) : y0 / g ** s0;
    // Fitted as exponential_decay(decay_steps=1) in float64 (a cheap Math.pow); ExponentialLR and round decay_steps are its variants.
    trials.push({ ints: [], x0: [lr, g], scale: [lr * 1e-4, Math.abs(1 - g) * 1e-3 + 1e-12], make: ([l, gg]) => (pos(l) && pos(gg) ? { kind: 'exponential_decay', learning_rate: l, decay_steps: 1, decay_rate: gg, staircase: false, dtype: f64 } : null) });
    // 1 / y = (1 + c s) / L through the first and last points.
    const c = (y0 / yN - 1) / (sN - s0 * y0 / yN);
    const L = y0 * (1 + c * s0);
    if (pos(c) && pos(L)) {
      trials.push({ ints: [], x0: [L, c], scale: [L * 1e-3, c * 1e-2], make: ([l, cc]) => (pos(l) && pos(cc) ? { kind: 'inverse_time_decay', learning_rate: l, decay_steps: 1, decay_rate: cc, staircase: false, dtype: f64 } : null) });
    }
  }
  const lr0 = y0;
  // Where the decay ends: the flat tail's start, else the linear zero crossing of the last stretch.
  const n = log.steps.length;
  const k = Math.max(0, n - 1 - Math.max(1, Math.floor(n / 10)));
  const slope = (yN - log.values[k]) / Math.max(1, sN - log.steps[k]);
  const ends = [sh.flatFrom ?? null, slope < 0 ? sN - yN / slope : null, sN + 1, 2 * sN].filter((x): x is number => x !== null && x > 0);
  for (const D0 of ends.slice(0, 1)) {
    const E0 = sh.flatFrom !== null ? yN : 0;
    for (const p0 of [1, 2]) {
      trials.push({
        ints: [], x0: [lr0, D0, E0, p0], scale: [lr0 * 1e-3, Math.max(1, D0 * 1e-3), lr0 * 1e-3, 0.05],
        make: ([l, D, E, p]) => (pos(l) && pos(D) && E >= 0 && pos(p) ? { kind: 'polynomial_decay', learning_rate: l, decay_steps: D, end_learning_rate: E, power: p, cycle: false, dtype: f64 } : null),
      });
    }
  }
  // linear_cosine_decay's cosine turns twice per period: its num_periods is about half the turns.
  let turns = 0;
  for (let i = 2; i < n; i++) if ((log.values[i] - log.values[i - 1]) * (log.values[i - 1] - log.values[i - 2]) < 0) turns++;
  // Cosine: decay_steps at the flat tail, or twice the step where the rate is halfway down.
  let half = sN;
  for (let i = 0; i < n; i++) if (log.values[i] <= (y0 + yMin) / 2) { half = log.steps[i]; break; }
  const cosEnds = [sh.flatFrom, 2 * half, sN + 1].filter((x): x is number => x !== null && x > 0).slice(0, 2);
  for (const D0 of cosEnds) {
    const a0 = sh.flatFrom !== null ? yN / lr0 : Math.min(0.5, yMin / lr0 / 2);
    trials.push({
      ints: [], x0: [lr0, D0, a0], scale: [lr0 * 1e-3, Math.max(1, D0 * 1e-3), 0.01],
      make: ([l, D, a]) => (pos(l) && pos(D) && a >= 0 ? { kind: 'cosine_decay', learning_rate: l, decay_steps: D, alpha: a, dtype: f64 } : null),
    });
    trials.push({
      ints: [], x0: [lr0, D0, a0 * lr0], scale: [lr0 * 1e-3, Math.max(1, D0 * 1e-3), lr0 * 1e-3],
      make: ([l, T, e]) => (pos(l) && pos(T) && e >= 0 ? { kind: 'torch.CosineAnnealingLR', lr: l, T_max: T, eta_min: e } : null),
    });
    for (const np of new Set([0.5, Math.max(0.5, turns / 2), (turns + 1) / 2])) {
      trials.push({
        ints: [], x0: [lr0, D0, np, 0, Math.max(1e-3, yN / lr0)], scale: [lr0 * 1e-3, Math.max(1, D0 * 1e-3), 0.05, 0.01, 0.01],
        make: ([l, D, np2, a, b]) => (pos(l) && pos(D) && pos(np2) && a >= 0 && b >= 0 ? { kind: 'linear_cosine_decay', learning_rate: l, decay_steps: D, num_periods: np2, alpha: a, beta: b, dtype: f64 } : null),
      });
    }
  }
  return trials;
}

/** Restarts: cosine_decay_restarts, CosineAnnealingWarmRestarts, polynomial_decay(cycle). */
export function restartTrials(log: LrLog, sh: Shape): Trial[] {
  if (sh.jumps.length === 0) return [];
  const { steps, values } = log;
  const starts = sh.jumps.map((i) => steps[i]);
  // A restart lands between the last logged step of a period and the first of the next.
  const first = roundestInteger(steps[sh.jumps[0] - 1] + 1, starts[0]);
  const second = starts.length > 1 ? roundestInteger(steps[sh.jumps[1] - 1] + 1, starts[1]) : null;
  const tMul = second !== null ? (second - first) / first : 1;
  const L = sh.y0;
  const mMul = values[sh.jumps[0]] / L;
  let minBefore = Infinity;
  for (let i = 0; i < sh.jumps[0]; i++) minBefore = Math.min(minBefore, values[i]);
  const trials: Trial[] = [];
  for (const t0 of new Set([tMul, Math.max(1, Math.round(tMul))])) {
    trials.push({
      ints: [], x0: [L, first, t0, Math.min(1, mMul), minBefore / L / 2], scale: [L * 1e-3, Math.max(0.5, first * 1e-3), 0.01, 0.01, 0.005],
      make: ([l, D, t, m, a]) => (pos(l) && pos(D) && pos(t) && m >= 0 && a >= 0 ? { kind: 'cosine_decay_restarts', learning_rate: l, first_decay_steps: D, t_mul: t, m_mul: m, alpha: a, dtype: f64 } : null),
    });
  }
  const T0 = Math.max(1, Math.round(first));
  const Tm = Math.max(1, Math.round(tMul));
  trials.push({
    ints: [], x0: [L, minBefore / 2], scale: [L * 1e-3, L * 1e-3],
    make: ([l, e]) => (pos(l) && e >= 0 ? { kind: 'torch.CosineAnnealingWarmRestarts', lr: l, T_0: T0, T_mult: Tm, eta_min: e } : null),
  });
  for (const p0 of [1, 2, 0.5]) {
    trials.push({
      ints: [], x0: [L, Math.max(1, first - 1), minBefore, p0], scale: [L * 1e-3, Math.max(0.5, first * 1e-3), L * 1e-3, 0.05],
      make: ([l, D, E, p]) => (pos(l) && pos(D) && E >= 0 && pos(p) ? { kind: 'polynomial_decay', learning_rate: l, decay_steps: D, end_learning_rate: E, power: p, cycle: true, dtype: f64 } : null),
    });
  }
  return trials;
}

/** OneCycleLR: a rise to max_lr, then an annealing to max_lr / div_factor / final_div_factor. */
export function oneCycleTrials(log: LrLog, sh: Shape): Trial[] {
  const n = log.steps.length;
  if (sh.iMax === 0 || sh.iMax >= n - 2 || sh.y0 > sh.yMax * 0.9 || sh.jumps.length > 0) return [];
  const sMax = log.steps[sh.iMax];
  const trials: Trial[] = [];
  for (const total0 of [sh.sN + 1, sh.sN + log.stride]) {
    for (const anneal of ['cos', 'linear'] as const) {
      const init0 = sh.s0 === 0 ? sh.y0 : sh.yMax / 25;
      // Logged to its last step, the annealing ends at the minimum rate.
      const min0 = total0 === sh.sN + 1 ? sh.yN : init0 / 1e4;
      trials.push({
        ints: [1], x0: [sh.yMax, total0, sMax, init0, min0], scale: [sh.yMax * 1e-3, Math.max(1, log.stride / 2), Math.max(1, log.stride / 2), init0 * 1e-2, min0 * 1e-2],
        make: ([max, total, end0, init, min]) => {
          if (!(pos(max) && pos(init) && pos(min) && total > sh.sN - 1e-9 && end0 > 0 && end0 < total - 1)) return null;
          return {
            kind: 'torch.OneCycleLR', lr: null, max_lr: max, total_steps: total, epochs: null, steps_per_epoch: null,
            pct_start: (end0 + 1) / total, anneal_strategy: anneal, cycle_momentum: true, base_momentum: 0.85, max_momentum: 0.95,
            div_factor: max / init, final_div_factor: init / min, three_phase: false,
          };
        },
      });
    }
  }
  return trials;
}
