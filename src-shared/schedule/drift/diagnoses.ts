// The common ways training leaves its schedule, each a hypothesis about how the logged rate was
// made from the attached schedule; a diagnosis is named when its hypothesis reproduces every
// logged point within the tolerance. Each is tested on a log made by running the mistake with
// real PyTorch (scripts/torch-reference/make_drift_fixtures.py).
import { evaluateAt } from '../evaluate';
import type { ScheduleSpec } from '../spec';
import { subsample, type LrLog } from '../infer/data';

export type DiagnosisCause = 'stepped_per_epoch' | 'stepped_per_batch' | 'off_by_one' | 'restarted_at_resume' | 'warmup_missing' | 'warmup_doubled' | 'base_lr_scaled';

export interface Diagnosis {
  cause: DiagnosisCause;
  /** In the user's words, with the numbers found. */
  message: string;
  /** Max relative error of the explanation over every logged step. */
  maxRelError: number;
  /** steps per epoch, the resume step, the shift, the factor k … */
  value: number;
}

/** Max |logged / explained - 1| over the log (explained rates from `at`). */
function misfit(log: LrLog, at: (steps: Float64Array) => Float64Array, use: 'all' | 'sub' | { steps: Float64Array; values: Float64Array } = 'all'): number {
  const { steps, values } = use === 'all' ? log : use === 'sub' ? log.sub : use;
  const got = at(steps);
  let max = 0;
  for (let i = 0; i < steps.length; i++) {
    const g = got[i], v = values[i];
    const e = g === v ? 0 : Number.isNaN(g) ? Infinity : Math.abs(v - g) / (Math.abs(g) || Math.abs(v));
    if (!(e <= max)) max = e;
  }
  return max;
}

const mapSteps = (spec: ScheduleSpec, f: (s: number) => number) => (steps: Float64Array) => evaluateAt(spec, steps.map(f));

/** Run lengths of equal logged values (stairs of per-epoch stepping), most common first. */
function stairLengths(log: LrLog): number[] {
  const counts = new Map<number, number>();
  let start = log.steps[0];
  for (let i = 1; i < log.steps.length; i++) {
    if (log.values[i] !== log.values[i - 1]) {
      const len = log.steps[i] - start;
      counts.set(len, (counts.get(len) ?? 0) + 1);
      start = log.steps[i];
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([len]) => len).slice(0, 5);
}

export function diagnose(spec: ScheduleSpec, log: LrLog, tol: number): Diagnosis[] {
  const found: Diagnosis[] = [];
  const add = (cause: DiagnosisCause, value: number, err: number, message: string) => { if (err <= tol) found.push({ cause, value, maxRelError: err, message }); };
  const n = log.steps.length;

  // Off by one: the log names each rate with the step before (or after) it.
  for (const d of [1, -1]) {
    const err = misfit(log, mapSteps(spec, (s) => Math.max(0, s + d)));
    add('off_by_one', d, err, d === 1
      ? 'off by one: each logged rate is the schedule\'s rate one step later (logged after scheduler.step(), under the earlier step)'
      : 'off by one: each logged rate is the schedule\'s rate one step earlier (scheduler.step() called before the first update, or the log counts from 1)');
  }

  // Stepped once per epoch instead of once per batch: the logged rate holds for an epoch, at the schedule's epoch index.
  for (const spe of stairLengths(log)) {
    if (spe < 2) continue;
    const err = misfit(log, mapSteps(spec, (s) => Math.floor(s / spe)));
    add('stepped_per_epoch', spe, err, `stepped once per epoch instead of once per batch: every logged rate is the schedule at step ⌊step / ${spe}⌋ (${spe} batches per epoch)`);
  }

  // Stepped once per batch where the schedule counts epochs: the log's step k is the schedule's step k · steps_per_epoch.
  if (n >= 3) {
    // Searched on 64 points (the server answers drift on its event loop), then checked on all.
    const few = subsample(log.steps, log.values, 64);
    let bestSpe = 0, bestErr = Infinity;
    for (let spe = 2; spe <= 4096; spe++) {
      const err = misfit(log, mapSteps(spec, (s) => s * spe), few);
      if (err < bestErr) { bestErr = err; bestSpe = spe; }
      if (err === 0) break;
    }
    if (bestSpe) add('stepped_per_batch', bestSpe, misfit(log, mapSteps(spec, (s) => s * bestSpe)), `stepped once per batch where the schedule counts epochs: logged epoch k has the schedule's rate at step k × ${bestSpe} (${bestSpe} batches per epoch)`);
  }

  // A resume that started the schedule again from step 0: the first departure is the resume.
  const scheduled = evaluateAt(spec, log.steps);
  let first = -1;
  for (let i = 0; i < n; i++) if (Math.abs(log.values[i] - scheduled[i]) > tol * (Math.abs(scheduled[i]) || 1)) { first = i; break; }
  if (first > 0) {
    const lo = log.steps[first - 1] + 1, hi = log.steps[first];
    for (let R = hi; R >= lo && R > hi - 64; R--) {
      const err = misfit(log, mapSteps(spec, (s) => (s >= R ? s - R : s)));
      if (err <= tol) { add('restarted_at_resume', R, err, `resumed at step ${R} with a new scheduler: from there the schedule started again from step 0 (load the scheduler's state_dict when resuming)`); break; }
    }
  }

  // Warmup missing or doubled (schedules with a warmup).
  if (spec.kind === 'warmup' && spec.warmup_steps > 0) {
    const W = spec.warmup_steps;
    add('warmup_missing', W, misfit(log, (st) => evaluateAt(spec.after, st)), `warmup missing: the log follows the schedule after the warmup from step 0 (no ${W}-step ramp)`);
    const doubled: ScheduleSpec = { ...spec, warmup_steps: 2 * W };
    add('warmup_doubled', 2 * W, misfit(log, (st) => evaluateAt(doubled, st)), `warmup doubled: the ramp lasts ${2 * W} steps instead of ${W} (counted twice, e.g. per accumulation micro-step)`);
  }

  // A different base learning rate: logged = k × scheduled throughout.
  const ratios: number[] = [];
  for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 200))) if (scheduled[i] !== 0 && Number.isFinite(scheduled[i])) ratios.push(log.values[i] / scheduled[i]);
  ratios.sort((a, b) => a - b);
  const k = ratios[ratios.length >> 1];
  if (k !== undefined && Math.abs(k - 1) > tol) {
    const kk = Number(k.toPrecision(12));
    add('base_lr_scaled', kk, misfit(log, (st) => evaluateAt(spec, st).map((x) => x * kk)), `a different base learning rate: every logged rate is ${kk} × the schedule's (the optimizer's lr was ${kk} × the one designed)`);
  }
  return found.sort((a, b) => a.maxRelError - b.maxRelError);
}
