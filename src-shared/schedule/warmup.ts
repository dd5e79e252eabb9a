// Schedules made of other schedules: a linear warmup into any schedule, PyTorch's SequentialLR,
// and Hugging Face's inverse square root.
import { fillByAt, markAt, percent, shiftMark, type Curve, type Mark } from './curve';

/** Shifts a curve to start at global step `offset`: its own step 0 is the global step `offset`. */
function shiftedMarks(curve: Curve, shift: number, from: number, to: number, mark: Mark): void {
  curve.marks(Math.max(0, from - shift), to - shift, shiftMark(mark, shift));
}

/**
 * Linear warmup as Hugging Face's schedules do it (transformers/optimization.py,
 * lr_lambda = current_step / max(1, num_warmup_steps) times the base rate):
 * start_lr + (target - start_lr) * (step / warmup_steps) with target the rate of `after` at its
 * step 0; from warmup_steps on, `after` at step - warmup_steps.
 */
export function warmupCurve(warmupSteps: number, startLr: number, after: Curve): Curve {
  const target = after.at(0);
  const ramp = (s: number) => startLr + (target - startLr) * (s / warmupSteps);
  const at = (s: number) => (s < warmupSteps ? ramp(s) : after.at(s - warmupSteps));
  return {
    at,
    fill: (from, to, out, offset) => {
      const split = Math.min(to, Math.max(from, warmupSteps));
      fillByAt(ramp, from, split, out, offset);
      if (split < to) after.fill(split - warmupSteps, to - warmupSteps, out, offset + split - from);
    },
    marks: (from, to, mark) => {
      if (warmupSteps > 0 && warmupSteps >= from && warmupSteps < to) markAt(at, warmupSteps, 'warmup_end', 1, mark);
      // Events of `after` at its own step 0 would sit on the warmup end: they start at step 1.
      shiftedMarks(after, warmupSteps, Math.max(from, warmupSteps + 1), to, mark);
    },
    describe: (s) => (s < warmupSteps ? `warmup, ${percent(s / warmupSteps)} through` : after.describe(s - warmupSteps)),
  };
}

/**
 * SequentialLR.step(): idx = bisect_right(milestones, last_epoch); at a milestone the next
 * scheduler is stepped with step(0), i.e. restarted at its own step 0 from the optimizer's
 * initial rate (its closed form), then stepped normally.
 */
export function sequentialCurve(children: readonly Curve[], milestones: readonly number[], labels: readonly string[]): Curve {
  const childOf = (s: number) => {
    let i = 0;
    while (i < milestones.length && s >= milestones[i]) i++;
    return i;
  };
  const startOf = (i: number) => (i === 0 ? 0 : milestones[i - 1]);
  const at = (s: number) => {
    const i = childOf(s);
    return children[i].at(s - startOf(i));
  };
  return {
    at,
    fill: (from, to, out, offset) => {
      let s = from;
      while (s < to) {
        const i = childOf(s);
        const end = i < milestones.length ? Math.min(to, milestones[i]) : to;
        children[i].fill(s - startOf(i), end - startOf(i), out, offset + s - from);
        s = end;
      }
    },
    marks: (from, to, mark) => {
      for (let i = 0; i < children.length; i++) {
        const start = startOf(i);
        const end = i < milestones.length ? milestones[i] : Infinity;
        if (end <= from || start >= to) continue;
        if (i > 0 && start >= from) markAt(at, start, 'phase', i, mark);
        shiftedMarks(children[i], start, Math.max(from, start + 1), Math.min(to, end), mark);
      }
    },
    describe: (s) => {
      const i = childOf(s);
      return `scheduler ${i + 1} of ${children.length} (${labels[i]}): ${children[i].describe(s - startOf(i))}`;
    },
  };
}

/**
 * Hugging Face's get_inverse_sqrt_schedule: base_lr * lambda with
 * lambda = step / max(1, num_warmup_steps) during the warmup, then
 * 1.0 / sqrt((step + shift) / timescale) with shift = timescale - num_warmup_steps.
 */
export function inverseSqrtCurve(lr: number, numWarmupSteps: number, timescale: number | null): Curve {
  const ts = timescale ?? (numWarmupSteps || 10_000);
  const shift = ts - numWarmupSteps;
  const lambda = (s: number) => (s < numWarmupSteps ? s / Math.max(1, numWarmupSteps) : 1.0 / Math.sqrt((s + shift) / ts));
  const at = (s: number) => lr * lambda(s);
  return {
    at,
    fill: (from, to, out, offset) => fillByAt(at, from, to, out, offset),
    marks: (from, to, mark) => {
      if (numWarmupSteps > 0 && numWarmupSteps >= from && numWarmupSteps < to) markAt(at, numWarmupSteps, 'warmup_end', 1, mark);
    },
    describe: (s) => (s < numWarmupSteps ? `warmup, ${percent(s / numWarmupSteps)} through` : `decay, 1/sqrt(${((s + shift) / ts).toPrecision(3)})`),
  };
}
