// events: restarts, drops, warmup ends and phase changes, at the first step with the new value
// exactly as the evaluated curve has it. Each schedule finds its own candidates with its own
// index function (float32 rounding included) in time proportional to their number, with the
// rates on both sides; here we keep a restart or a drop only where the rate changes.
import { compile } from './compile';
import type { ScheduleEvent } from './curve';
import type { ScheduleSpec } from './spec';

/** Events with fromStep <= step < toStep, in step order. */
export function events(spec: ScheduleSpec, fromStep: number, toStep: number): ScheduleEvent[] {
  const curve = compile(spec);
  const lowest = curve.negativeSteps ? -Number.MAX_SAFE_INTEGER : 0;
  if (!Number.isSafeInteger(fromStep) || !Number.isSafeInteger(toStep) || fromStep < lowest || toStep < fromStep) {
    throw new RangeError(`steps must be integers with ${lowest} <= fromStep <= toStep, got ${fromStep}..${toStep}`);
  }
  const out: ScheduleEvent[] = [];
  curve.marks(fromStep, toStep, (step, kind, index, lrBefore, lrAfter) => {
    if ((kind === 'drop' || kind === 'restart') && lrBefore === lrAfter) return;
    out.push({ step, kind, lrBefore, lrAfter, index });
  });
  return out;
}
