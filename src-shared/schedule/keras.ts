// Keras 3's CosineDecay with warmup (keras/src/optimizers/schedules/learning_rate_schedule.py).
// The other Keras classes compute exactly what the TensorFlow classes of the same name do and
// reuse tf.ts (see compile.ts).
import { rounder } from './f32';
import { fillByAt, markAt, percent, type Curve } from './curve';
import { cosineCurve, cosineDecayValue } from './tf';

/**
 * CosineDecay.__call__ with warmup_target:
 *   step = minimum(step, decay_steps + warmup_steps)
 *   if step < warmup_steps:
 *     (warmup_target - initial_learning_rate) * (step / warmup_steps) + initial_learning_rate
 *   else: the cosine part at step - warmup_steps, decaying from warmup_target (not from
 *     initial_learning_rate), with the Python float alpha.
 */
export function kerasCosineCurve(lr: number, decaySteps: number, alpha: number, warmupTarget: number | null, warmupSteps: number, dtype: 'float32' | 'float64'): Curve {
  if (warmupTarget === null) return cosineCurve(lr, decaySteps, alpha, dtype);
  const r = rounder(dtype);
  const L = r(lr), D = r(decaySteps), A = r(1 - alpha), AL = r(alpha), WT = r(warmupTarget), WS = r(warmupSteps);
  const end = r(D + WS);
  const at = (s: number) => {
    const x = Math.min(r(s), end);
    if (x < WS) return r(r(r(WT - L) * r(x / WS)) + L);
    return cosineDecayValue(r, r(x - WS), D, WT, A, AL);
  };
  return {
    at,
    fill: (from, to, out, offset) => {
      const last = Math.min(to, Math.max(from, Math.ceil(decaySteps + warmupSteps) + 2));
      fillByAt(at, from, last, out, offset);
      if (last < to) out.fill(at(last), offset + last - from, offset + to - from);
    },
    marks: (from, to, mark) => {
      if (warmupSteps > 0 && warmupSteps >= from && warmupSteps < to) markAt(at, warmupSteps, 'warmup_end', 1, mark);
    },
    describe: (s) => {
      const x = Math.min(r(s), end);
      if (x < WS) return `warmup, ${percent(x / WS)} through`;
      return x >= end ? 'after the decay (alpha floor)' : `${percent((x - WS) / D)} through the decay`;
    },
  };
}
