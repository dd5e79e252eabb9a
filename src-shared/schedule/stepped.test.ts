// Whether a schedule is drawn as stairs is the kind's fact (defineKind's `stepped`): the
// designer, the run view and compare all read it through isStepped.
import { describe, expect, test } from 'vitest';
import { SEED_PRESETS, isStepped, parseSpec, type ScheduleSpecInput } from './index';

const spec = (input: ScheduleSpecInput) => {
  const parsed = parseSpec(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.spec;
};

describe('isStepped', () => {
  test('staircase and piecewise schedules are step functions; smooth ones are not', () => {
    const byId = Object.fromEntries(SEED_PRESETS.map((p) => [p.id, isStepped(p.spec)]));
    expect(byId).toMatchObject({
      exponential_decay_staircase: true, piecewise_constant: true, natural_exp_decay_staircase: true, inverse_time_decay_staircase: true,
      exponential_decay: false, polynomial_decay_cycle: false, cosine_decay_restarts: false,
    });
  });

  test('ConstantLR is flat between its one jump, and so is a SequentialLR of StepLR and ConstantLR', () => {
    expect(isStepped(spec({ kind: 'torch.ConstantLR', lr: 0.1, factor: 0.5, total_iters: 10 }))).toBe(true);
    const seq = { kind: 'torch.SequentialLR' as const, lr: 0.1, milestones: [50] };
    expect(isStepped(spec({ ...seq, schedulers: [{ kind: 'torch.StepLR', step_size: 10 }, { kind: 'torch.ConstantLR' }] }))).toBe(true);
    expect(isStepped(spec({ ...seq, schedulers: [{ kind: 'torch.LinearLR' }, { kind: 'torch.StepLR', step_size: 10 }] }))).toBe(false);
  });

  test('a Keras kind is stepped exactly when the TensorFlow function it mirrors is', () => {
    for (const staircase of [true, false]) {
      const tf = spec({ kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase });
      const keras = spec({ kind: 'keras.ExponentialDecay', initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase });
      expect(isStepped(keras)).toBe(isStepped(tf));
    }
    expect(isStepped(spec({ kind: 'warmup', warmup_steps: 10, after: { kind: 'piecewise_constant', boundaries: [5], values: [1, 2] } }))).toBe(false);
  });
});
