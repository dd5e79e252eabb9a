// Infer the schedule behind a logged learning rate: try every family (families.ts), fit its
// parameters (fit.ts), snap them to the numbers a person writes, and rank the candidates by how
// well they reproduce every logged step — or say that nothing fits.
import { KIND_INFOS, type ScheduleSpec } from '../spec';
import { parseSpec } from '../validate';
import { prepareLog, subsample, type LrLog } from './data';
import { decayTrials, oneCycleTrials, restartTrials, shapeOf, stairTrials, type Trial } from './families';
import { errorAtMost, maxError, meanSquared, nelderMead, shortestDecimal } from './fit';
import { scoreSpec, type Fit } from './score';
import { warmupCandidates } from './warmup';

export { prepareLog } from './data';
export type { Fit, WorstStep } from './score';

export interface InferOptions {
  /** Largest max relative error that counts as a fit; default max(1e-6, the log's precision). */
  threshold?: number;
  /** Candidates returned (best first). */
  limit?: number;
}

export interface InferResult {
  /** Best first: fits (max relative error <= threshold) by simplicity, then the rest by error. */
  candidates: Fit[];
  threshold: number;
  /** Relative precision of the logged values (6 significant digits: 5e-6). */
  precision: number;
  points: number;
  /** True when the first candidate fits within the threshold. */
  fits: boolean;
  /** Why nothing fits, in the user's words, when nothing does. */
  message: string | null;
}

const PARAMS = new Map(KIND_INFOS.map((k) => [k.kind, k.params]));

export function inferSchedule(steps: ArrayLike<number>, values: ArrayLike<number>, options: InferOptions = {}): InferResult {
  const log = prepareLog(steps, values);
  const threshold = options.threshold ?? Math.max(1e-6, log.precision * 1.01);
  const limit = options.limit ?? 5;
  const base = { threshold, precision: log.precision, points: log.steps.length };
  if (log.steps.length < 3) return { ...base, candidates: [], fits: false, message: `only ${log.steps.length} logged learning rate${log.steps.length === 1 ? '' : 's'}: too few to infer a schedule` };
  let all: Fit[] = [];
  // Logs that count steps from 1 (or log the rate before the step) are the schedule shifted by one.
  const offsets = log.steps[0] >= 1 ? [0, -1, 1] : [0, 1];
  for (const offset of offsets) {
    const shifted = shift(log, offset);
    all = all.concat(candidatesFor(shifted, threshold, true).map((c) => rescore(c, log, offset, threshold)));
    if (all.some((c) => c.maxRelError <= threshold)) break;
    // A shift by one step only helps a curve that is already close almost everywhere.
    if (!all.some((c) => c.medianRelError <= 1e-3)) break;
  }
  const ranked = rank(dedupe(all), threshold, 2 * log.precision + 1e-15).slice(0, limit);
  const fits = ranked.length > 0 && ranked[0].maxRelError <= threshold;
  return {
    ...base, candidates: ranked, fits,
    message: fits ? null : `nothing fits: the closest schedule${ranked[0] ? ` (${ranked[0].spec.kind})` : ''} is off by ${ranked[0] ? ranked[0].maxRelError.toExponential(1) : '∞'} at worst, above the ${threshold.toExponential(0)} threshold`,
  };
}

function shift(log: LrLog, offset: number): LrLog {
  if (offset === 0) return log;
  let from = 0;
  while (from < log.steps.length && log.steps[from] + offset < 0) from++;
  const steps = log.steps.slice(from).map((s) => s + offset), values = log.values.slice(from);
  return { ...log, steps, values, sub: subsample(steps, values, 1200) };
}

function rescore(fit: Fit, log: LrLog, offset: number, threshold: number): Fit {
  if (offset === 0) return fit;
  const again = scoreSpec(fit.spec, log, offset, threshold);
  return again ? { ...again, stepOffset: offset } : { ...fit, maxRelError: Infinity };
}

/** Every family's candidates for a log whose steps are the schedule's. */
export function candidatesFor(log: LrLog, threshold: number, withWarmup: boolean): Fit[] {
  const sh = shapeOf(log);
  // Few long runs of equal values: stairs, nothing else.
  const stairs = sh.runCount * 3 <= log.steps.length;
  const trials: Trial[] = stairs ? stairTrials(log, sh) : [...restartTrials(log, sh), ...oneCycleTrials(log, sh), ...decayTrials(log, sh)];
  // Fit every trial on a small subsample, keep the closest few, then write them in every form and snap.
  const small = subsample(log.sub.steps, log.sub.values, 200);
  const fitted = trials
    .map((t) => fitTrial(t, small))
    .filter((spec): spec is ScheduleSpec => spec !== null)
    .map((spec) => ({ spec, err: maxError(spec, log.sub.steps, log.sub.values) }))
    .filter((c) => Number.isFinite(c.err))
    .sort((a, b) => a.err - b.err)
    .slice(0, 6);
  const specs: ScheduleSpec[] = [];
  for (const { spec } of fitted) for (const v of variants(spec)) specs.push(snap(v, log));
  // Screen on the subsample; score the promising ones on every point.
  const screened = specs
    .map((spec) => ({ spec, err: maxError(spec, log.sub.steps, log.sub.values) }))
    .filter((c) => Number.isFinite(c.err))
    .sort((a, b) => a.err - b.err)
    .slice(0, 8);
  let fits = screened.map((c) => scoreSpec(c.spec, log, 0, threshold)).filter((f): f is Fit => f !== null);
  if (withWarmup && !fits.some((f) => f.maxRelError <= threshold)) fits = fits.concat(warmupCandidates(log, sh, threshold));
  return fits;
}

function fitTrial(t: Trial, sample: { steps: Float64Array; values: Float64Array }): ScheduleSpec | null {
  if (t.fixed) return t.make(t.x0);
  const { steps, values } = sample;
  const cost = (x: number[]) => {
    const spec = t.make(x);
    return spec ? meanSquared(spec, steps, values) : 1e9;
  };
  let { x } = nelderMead(cost, t.x0, t.scale, 200);
  if (t.ints.length === 0) return t.make(x);
  // Integers (total_steps, …) rounded, then the others fitted again around them: where the log
  // cannot tell an integer apart (a line that never reaches its end), the others absorb it.
  const fixed = x.map((v, i) => (t.ints.includes(i) ? Math.round(v) : v));
  const free = fixed.map((_, i) => i).filter((i) => !t.ints.includes(i));
  const full = (y: number[]) => fixed.map((v, i) => (t.ints.includes(i) ? v : y[free.indexOf(i)]));
  const again = nelderMead((y) => cost(full(y)), free.map((i) => fixed[i]), free.map((i) => t.scale[i] * 0.1), 200);
  x = full(again.x);
  return t.make(x);
}

/** The same curve in the forms people write: float32 and float64, decay_steps a round number, LinearLR for a linear decay. */
function variants(spec: ScheduleSpec): ScheduleSpec[] {
  const out: ScheduleSpec[] = [spec];
  const ROUND = [1, 10, 100, 1000, 10000, 100000, 2, 5, 20, 50, 200, 500, 2000, 5000, 20000, 50000, 25, 250, 2500];
  if (spec.kind === 'exponential_decay' && !spec.staircase && spec.decay_steps === 1) {
    out.push({ kind: 'torch.ExponentialLR', lr: spec.learning_rate, gamma: spec.decay_rate });
    // decay_steps is a free choice here: the two whose decay_rate reads shortest.
    const digits = (x: number) => { let d = 1; while (d < 17 && Math.abs(Number(x.toPrecision(d)) / x - 1) > 1e-7) d++; return d; };
    const best = ROUND.slice(1).map((D) => ({ D, d: digits(spec.decay_rate ** D) })).sort((a, b) => a.d - b.d).slice(0, 2);
    for (const { D } of best) out.push({ ...spec, decay_steps: D, decay_rate: spec.decay_rate ** D });
  }
  if (spec.kind === 'inverse_time_decay' && spec.decay_steps === 1) {
    for (const D of ROUND.slice(1)) out.push({ ...spec, decay_steps: D, decay_rate: spec.decay_rate * D });
  }
  if (spec.kind === 'polynomial_decay' && !spec.cycle) {
    const total = Math.max(1, Math.round(spec.decay_steps));
    if (Math.abs(spec.power - 1) < 1e-3) {
      out.push({ kind: 'torch.LinearLR', lr: spec.learning_rate, start_factor: 1, end_factor: Math.min(1, spec.end_learning_rate / spec.learning_rate), total_iters: total });
      // A line that never reaches its end: the decay to 0 through the same line (Hugging Face's linear).
      const zero = Math.round((spec.learning_rate * spec.decay_steps) / (spec.learning_rate - spec.end_learning_rate));
      if (zero > 0 && Number.isFinite(zero)) {
        out.push({ kind: 'torch.LinearLR', lr: spec.learning_rate, start_factor: 1, end_factor: 0, total_iters: zero });
        out.push({ ...spec, decay_steps: zero, end_learning_rate: 0, power: 1 });
      }
    }
    if (spec.end_learning_rate < spec.learning_rate * 1e-6) out.push({ kind: 'torch.PolynomialLR', lr: spec.learning_rate, total_iters: total, power: spec.power });
  }
  if (spec.kind === 'cosine_decay') out.push({ kind: 'torch.CosineAnnealingLR', lr: spec.learning_rate, T_max: spec.decay_steps, eta_min: spec.learning_rate * spec.alpha });
  return out.flatMap((s): ScheduleSpec[] => ('dtype' in s ? [s, { ...s, dtype: 'float32' } as ScheduleSpec] : [s]));
}

/**
 * Each number in the spec, in turn: integers rounded (the better neighbour), the others the
 * shortest decimal that does not worsen the fit beyond twice its error (or the log's precision).
 */
export function snap(spec: ScheduleSpec, log: LrLog): ScheduleSpec {
  const { steps, values } = log.sub;
  const params = PARAMS.get(spec.kind) ?? [];
  let cur = { ...spec } as Record<string, unknown>;
  const err = (s: Record<string, unknown>) => maxError(s as unknown as ScheduleSpec, steps, values);
  const within = (s: Record<string, unknown>, limit: number) => errorAtMost(s as unknown as ScheduleSpec, steps, values, limit);
  const floor = Math.max(log.precision, 1e-13);
  // A poor fit is shown as fitted: short numbers would only make it look meant.
  const snapReals = err(cur) <= 1e-3;
  for (let pass = 0; pass < 2; pass++) {
    for (const p of params) {
      const v = cur[p.name];
      if (p.name.includes('momentum')) continue; // no effect on the rate: nothing to fit
      if (p.type === 'integer' && typeof v === 'number' && !Number.isInteger(v)) {
        const a = { ...cur, [p.name]: Math.floor(v) }, b = { ...cur, [p.name]: Math.ceil(v) };
        cur = err(a) <= err(b) ? a : b;
      } else if (!snapReals) {
        continue;
      } else if (p.type === 'number' && typeof v === 'number') {
        const limit = Math.max(2 * err(cur), floor);
        const snapped = v !== 0 && within({ ...cur, [p.name]: 0 }, limit) ? 0 : shortestDecimal(v, (x) => within({ ...cur, [p.name]: x }, limit));
        cur = { ...cur, [p.name]: snapped };
      } else if (p.type === 'number[]' && Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const limit = Math.max(2 * err(cur), floor);
          const arr = cur[p.name] as number[];
          const snapped = shortestDecimal(arr[i], (x) => within({ ...cur, [p.name]: arr.map((y, j) => (j === i ? x : y)) }, limit));
          cur = { ...cur, [p.name]: arr.map((y, j) => (j === i ? snapped : y)) };
        }
      }
    }
  }
  return cur as unknown as ScheduleSpec;
}

/** Parameters that say something: differing from the kind's default, list entries, nested schedules. */
export function complexity(spec: unknown): number {
  const s = spec as Record<string, unknown>;
  const params = PARAMS.get(String(s.kind)) ?? [];
  let n = s.kind === 'warmup' ? 1 : 0; // a composition: one more thing to read
  for (const p of params) {
    const v = s[p.name];
    if (p.name === 'dtype' || p.name.endsWith('momentum') || p.name === 'cycle_momentum') continue;
    if (Array.isArray(v)) n += p.type === 'schedule[]' ? v.reduce((a: number, c) => a + 1 + complexity(c), 0) : v.length;
    else if (p.type === 'schedule') n += 1 + complexity(v);
    else if (v !== p.default && v !== null) n += 1;
  }
  return n;
}

/** Fits first; among them those exact to the log's precision, then the simplest. */
function rank(fits: Fit[], threshold: number, exact: number): Fit[] {
  return [...fits].sort((a, b) => {
    const fa = a.maxRelError <= threshold, fb = b.maxRelError <= threshold;
    if (fa !== fb) return fa ? -1 : 1;
    const ea = a.maxRelError <= exact, eb = b.maxRelError <= exact;
    if (fa && ea !== eb) return ea ? -1 : 1;
    if (fa) return complexity(a.spec) - complexity(b.spec) || a.maxRelError - b.maxRelError;
    return a.maxRelError - b.maxRelError;
  });
}

function dedupe(fits: Fit[]): Fit[] {
  const seen = new Set<string>();
  return fits.filter((f) => {
    const parsed = parseSpec(f.spec);
    if (!parsed.ok) return false;
    const key = JSON.stringify(parsed.spec);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
