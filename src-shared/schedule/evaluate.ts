// evaluate / evaluateAt: the rate at integer steps >= 0. Step k is the rate used by the (k+1)-th
// update: TensorFlow's global_step = k, PyTorch's rate after k calls of scheduler.step().
import { compile } from './compile';
import type { Out } from './curve';
import type { ScheduleSpec } from './spec';

function checkRange(fromStep: number, toStep: number): void {
  if (!Number.isSafeInteger(fromStep) || !Number.isSafeInteger(toStep) || fromStep < 0 || toStep < fromStep) {
    throw new RangeError(`steps must be integers with 0 <= fromStep <= toStep, got ${fromStep}..${toStep}`);
  }
}

/**
 * The rates at steps fromStep, fromStep + 1, …, toStep - 1 (toStep excluded), into `out` when
 * given (its first toStep - fromStep entries), else into a new Float64Array. A Float32Array
 * holds TensorFlow's float32 rates exactly.
 */
export function evaluate<T extends Out = Float64Array>(spec: ScheduleSpec, fromStep: number, toStep: number, out?: T): T {
  checkRange(fromStep, toStep);
  const target = out ?? new Float64Array(toStep - fromStep);
  if (target.length < toStep - fromStep) throw new RangeError(`out has ${target.length} entries, ${toStep - fromStep} needed`);
  compile(spec).fill(fromStep, toStep, target, 0);
  return target as T;
}

/**
 * The rates at arbitrary steps (a preview's sample points, a run's logged steps); NaN where a step
 * is not an integer >= 0, or, for kinds the library evaluates at any step (acceptsNegativeSteps),
 * not an integer.
 */
export function evaluateAt(spec: ScheduleSpec, steps: ArrayLike<number>): Float64Array {
  const curve = compile(spec);
  const at = curve.sampler ? curve.sampler() : (s: number) => curve.at(s);
  const lowest = curve.negativeSteps ? -Number.MAX_SAFE_INTEGER : 0;
  const out = new Float64Array(steps.length);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    out[i] = Number.isSafeInteger(s) && s >= lowest ? at(s) : NaN;
  }
  return out;
}

/** Whether the library computes this schedule at negative steps too (TensorFlow's piecewise_constant). */
export function acceptsNegativeSteps(spec: ScheduleSpec): boolean {
  return compile(spec).negativeSteps === true;
}

/** `points` evenly spaced integer steps over [fromStep, toStep) and their rates: a chart preview. */
export function preview(spec: ScheduleSpec, fromStep: number, toStep: number, points = 2000): { steps: Float64Array; lr: Float64Array } {
  checkRange(fromStep, toStep);
  const n = Math.max(0, Math.min(points, toStep - fromStep));
  const steps = new Float64Array(n);
  const stride = n > 1 ? (toStep - 1 - fromStep) / (n - 1) : 0;
  for (let i = 0; i < n; i++) steps[i] = fromStep + Math.round(i * stride);
  return { steps, lr: evaluateAt(spec, steps) };
}
