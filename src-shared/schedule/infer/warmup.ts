// Warmup compositions: a linear ramp (start_lr + (target - start_lr) · step / warmup_steps, as
// warmup.ts and Hugging Face compute it) into any other family, fitted on the steps after it.
import { evaluate } from '../evaluate';
import type { ScheduleSpec } from '../spec';
import { subsample, type LrLog } from './data';
import type { Shape } from './families';
import { shortestDecimal, maxError } from './fit';
import { scoreSpec, type Fit } from './score';
import { candidatesFor, complexity } from './index';

function after(log: LrLog, W: number): LrLog {
  let from = 0;
  while (from < log.steps.length && log.steps[from] < W) from++;
  const steps = log.steps.slice(from).map((s) => s - W), values = log.values.slice(from);
  return { ...log, steps, values, sub: subsample(steps, values, 1200) };
}

function best(fits: Fit[], threshold: number): Fit | undefined {
  const ok = fits.filter((f) => f.maxRelError <= threshold).sort((a, b) => complexity(a.spec) - complexity(b.spec));
  return ok[0] ?? [...fits].sort((a, b) => a.maxRelError - b.maxRelError)[0];
}

export function warmupCandidates(log: LrLog, sh: Shape, threshold: number): Fit[] {
  const { steps, values } = log;
  if (sh.iMax < 2 || sh.iMax > steps.length - 4) return [];
  // The ramp: the points before the peak, on one line.
  const i1 = sh.iMax - 1;
  const b = (values[i1] - values[0]) / (steps[i1] - steps[0]);
  const a = values[0] - b * steps[0];
  if (!(b > 0)) return [];
  for (let i = 0; i <= i1; i++) if (Math.abs(a + b * steps[i] - values[i]) > 1e-6 * Math.abs(values[i]) + 1e-15) return [];
  let W = steps[sh.iMax];
  let found: Fit | undefined;
  for (let round = 0; round < 3; round++) {
    const rest = after(log, W);
    if (rest.steps.length < 3) return [];
    found = best(candidatesFor(rest, threshold, false), threshold);
    if (!found) return [];
    const target = evaluate(found.spec, 0, 1)[0];
    const next = Math.round((target - a) / b);
    if (next === W || !(next > 0) || next > steps[sh.iMax]) break;
    W = next;
  }
  if (!found) return [];
  const compose = (start: number): ScheduleSpec => ({ kind: 'warmup', warmup_steps: W, start_lr: start, after: found!.spec });
  const limit = Math.max(2 * maxError(compose(a), log.sub.steps, log.sub.values), log.precision);
  const start = [0, a].find((x) => maxError(compose(x), log.sub.steps, log.sub.values) <= limit) ?? shortestDecimal(a, (x) => maxError(compose(x), log.sub.steps, log.sub.values) <= limit);
  const fit = scoreSpec(compose(start), log, 0, threshold);
  return fit ? [fit] : [];
}
