// One test per validation rule: the message names the field and the rule.
import { describe, expect, test } from 'vitest';
import { parseSpec, formatErrors } from './validate';

function errorsOf(input: unknown): string[] {
  const r = parseSpec(input);
  if (r.ok) return [];
  return formatErrors(r.errors).split('\n');
}

const exp = { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 100, decay_rate: 0.96 };
const restarts = { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 100 };
const oneCycle = { kind: 'torch.OneCycleLR', max_lr: 0.1, total_steps: 100 };
const seq = { kind: 'torch.SequentialLR', lr: 0.1, milestones: [10], schedulers: [{ kind: 'torch.LinearLR' }, { kind: 'torch.ExponentialLR', gamma: 0.9 }] };

const RULES: [string, unknown, string][] = [
  // shape
  ['unknown kind', { kind: 'exp_decay' }, 'kind: unknown schedule kind "exp_decay"'],
  ['missing kind', { learning_rate: 0.1 }, 'kind: is required'],
  ['not an object', 42, 'must be an object'],
  ['unknown parameter', { ...exp, decay: 3 }, 'decay: unknown parameter'],
  ['missing parameter', { kind: 'exponential_decay', learning_rate: 0.1, decay_rate: 0.9 }, 'decay_steps: is required'],
  ['finite numbers only: Infinity', { ...exp, learning_rate: Infinity }, 'learning_rate: must be a finite number'],
  ['finite numbers only: NaN', { ...exp, decay_rate: NaN }, 'decay_rate: must be a finite number'],
  ['finite numbers only: a string', { ...exp, decay_rate: '0.96' }, 'decay_rate: must be a finite number'],
  ['booleans', { ...exp, staircase: 'yes' }, 'staircase: must be true or false'],
  ['dtype', { ...exp, dtype: 'bfloat16' }, 'dtype: must be one of "float32", "float64"'],
  // TensorFlow / Keras
  ['exponential_decay decay_steps > 0', { ...exp, decay_steps: 0 }, 'decay_steps: must be > 0'],
  ['natural_exp_decay decay_steps > 0', { ...exp, kind: 'natural_exp_decay', decay_steps: -1 }, 'decay_steps: must be > 0'],
  ['inverse_time_decay decay_steps > 0', { ...exp, kind: 'inverse_time_decay', decay_steps: 0 }, 'decay_steps: must be > 0'],
  ['polynomial_decay decay_steps > 0', { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 0 }, 'decay_steps: must be > 0'],
  ['polynomial_decay power > 0', { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 10, power: 0 }, 'power: must be > 0'],
  ['cosine_decay decay_steps > 0', { kind: 'cosine_decay', learning_rate: 0.1, decay_steps: 0 }, 'decay_steps: must be > 0'],
  ['linear_cosine_decay decay_steps > 0', { kind: 'linear_cosine_decay', learning_rate: 0.1, decay_steps: 0 }, 'decay_steps: must be > 0'],
  ['noisy decay_steps > 0', { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 0 }, 'decay_steps: must be > 0'],
  ['noisy initial_variance >= 0', { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 10, initial_variance: -1 }, 'initial_variance: must be >= 0'],
  ['noisy seed is a 32-bit unsigned integer', { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 10, seed: -1 }, 'seed: must be between 0 and 4294967295'],
  ['noisy seed is an integer', { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 10, seed: 1.5 }, 'seed: must be an integer'],
  ['cosine_decay_restarts first_decay_steps > 0', { ...restarts, first_decay_steps: 0 }, 'first_decay_steps: must be > 0'],
  ['cosine_decay_restarts t_mul > 0', { ...restarts, t_mul: 0 }, 't_mul: must be > 0'],
  ['cosine_decay_restarts m_mul >= 0', { ...restarts, m_mul: -0.5 }, 'm_mul: must be >= 0'],
  ['piecewise boundaries strictly increasing', { kind: 'piecewise_constant', boundaries: [10, 10], values: [1, 2, 3] }, 'boundaries: must be strictly increasing (entry 1 is 10 after 10)'],
  ['piecewise len(values) == len(boundaries) + 1', { kind: 'piecewise_constant', boundaries: [10, 20], values: [1, 2] }, 'values: must have one more entry than boundaries (3), got 2'],
  ['piecewise at least one boundary', { kind: 'piecewise_constant', boundaries: [], values: [1] }, 'boundaries: must have at least one entry'],
  ['piecewise boundaries are steps (integers)', { kind: 'piecewise_constant', boundaries: [10.5], values: [1, 2] }, 'boundaries[0]: must be an integer'],
  ['keras decay_steps > 0', { kind: 'keras.ExponentialDecay', initial_learning_rate: 0.1, decay_steps: 0, decay_rate: 0.9 }, 'decay_steps: must be > 0'],
  ['keras PiecewiseConstantDecay lengths', { kind: 'keras.PiecewiseConstantDecay', boundaries: [1], values: [1] }, 'values: must have one more entry than boundaries (2), got 1'],
  ['keras PolynomialDecay power > 0', { kind: 'keras.PolynomialDecay', initial_learning_rate: 0.1, decay_steps: 10, power: -1 }, 'power: must be > 0'],
  ['keras InverseTimeDecay decay_steps > 0', { kind: 'keras.InverseTimeDecay', initial_learning_rate: 0.1, decay_steps: 0, decay_rate: 1 }, 'decay_steps: must be > 0'],
  ['keras CosineDecay warmup_steps >= 0', { kind: 'keras.CosineDecay', initial_learning_rate: 0, decay_steps: 10, warmup_target: 0.1, warmup_steps: -5 }, 'warmup_steps: must be >= 0'],
  ['keras CosineDecayRestarts t_mul > 0', { kind: 'keras.CosineDecayRestarts', initial_learning_rate: 0.1, first_decay_steps: 10, t_mul: -2 }, 't_mul: must be > 0'],
  // PyTorch
  ['torch lr is required', { kind: 'torch.StepLR', step_size: 10 }, 'lr: is required'],
  ['StepLR step_size >= 1', { kind: 'torch.StepLR', lr: 0.1, step_size: 0 }, 'step_size: must be >= 1'],
  ['MultiStepLR milestones >= 0', { kind: 'torch.MultiStepLR', lr: 0.1, milestones: [-1] }, 'milestones: must be >= 0'],
  ['MultiStepLR milestones non-decreasing', { kind: 'torch.MultiStepLR', lr: 0.1, milestones: [30, 10] }, 'milestones: must be non-decreasing'],
  ['ExponentialLR gamma is required', { kind: 'torch.ExponentialLR', lr: 0.1 }, 'gamma: is required'],
  ['CosineAnnealingLR T_max > 0', { kind: 'torch.CosineAnnealingLR', lr: 0.1, T_max: 0 }, 'T_max: must be > 0'],
  ['CosineAnnealingWarmRestarts T_0 >= 1', { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 0 }, 'T_0: must be >= 1'],
  ['CosineAnnealingWarmRestarts T_mult >= 1', { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 5, T_mult: 0 }, 'T_mult: must be >= 1'],
  ['CosineAnnealingWarmRestarts T_mult is an integer', { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 5, T_mult: 1.5 }, 'T_mult: must be an integer'],
  ['PolynomialLR total_iters >= 1', { kind: 'torch.PolynomialLR', lr: 0.1, total_iters: 0 }, 'total_iters: must be >= 1'],
  ['PolynomialLR power > 0', { kind: 'torch.PolynomialLR', lr: 0.1, power: 0 }, 'power: must be > 0'],
  ['LinearLR start_factor in (0, 1]', { kind: 'torch.LinearLR', lr: 0.1, start_factor: 0 }, 'start_factor: must be in (0, 1]'],
  ['LinearLR end_factor in [0, 1]', { kind: 'torch.LinearLR', lr: 0.1, end_factor: 1.5 }, 'end_factor: must be in [0, 1]'],
  ['LinearLR total_iters >= 1', { kind: 'torch.LinearLR', lr: 0.1, total_iters: 0 }, 'total_iters: must be >= 1'],
  ['ConstantLR factor in (0, 1]', { kind: 'torch.ConstantLR', lr: 0.1, factor: 0 }, 'factor: must be in (0, 1]'],
  ['ConstantLR total_iters >= 0', { kind: 'torch.ConstantLR', lr: 0.1, total_iters: -1 }, 'total_iters: must be >= 0'],
  ['OneCycleLR total_steps >= 1', { ...oneCycle, total_steps: 0 }, 'total_steps: must be >= 1'],
  ['OneCycleLR total_steps or epochs and steps_per_epoch', { ...oneCycle, total_steps: null, epochs: 3 }, 'total_steps: is required unless epochs and steps_per_epoch are given'],
  ['OneCycleLR epochs >= 1', { ...oneCycle, total_steps: null, epochs: 0, steps_per_epoch: 10 }, 'epochs: must be >= 1'],
  ['OneCycleLR steps_per_epoch >= 1', { ...oneCycle, total_steps: null, epochs: 2, steps_per_epoch: 0 }, 'steps_per_epoch: must be >= 1'],
  ['OneCycleLR pct_start in [0, 1]', { ...oneCycle, pct_start: 1.2 }, 'pct_start: must be in [0, 1]'],
  ['OneCycleLR phase of zero length', { ...oneCycle, total_steps: 10, pct_start: 0.1 }, 'pct_start: gives a phase of zero length (PyTorch divides by zero)'],
  ['OneCycleLR div_factor > 0', { ...oneCycle, div_factor: 0 }, 'div_factor: must be > 0'],
  ['OneCycleLR final_div_factor > 0', { ...oneCycle, final_div_factor: -1 }, 'final_div_factor: must be > 0'],
  ['OneCycleLR anneal_strategy', { ...oneCycle, anneal_strategy: 'exp' }, 'anneal_strategy: must be one of "cos", "linear"'],
  ['CyclicLR step_size_up > 0', { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_up: 0 }, 'step_size_up: must be > 0'],
  ['CyclicLR step_size_down > 0', { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_down: -3 }, 'step_size_down: must be > 0'],
  ['CyclicLR gamma > 0', { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, gamma: 0 }, 'gamma: must be > 0'],
  ['CyclicLR mode', { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, mode: 'sawtooth' }, 'mode: must be one of "triangular", "triangular2", "exp_range"'],
  ['SequentialLR one milestone fewer than schedulers', { ...seq, milestones: [10, 20] }, 'milestones: must have one entry fewer than schedulers (1), got 2'],
  ['SequentialLR milestones >= 1', { ...seq, milestones: [0] }, 'milestones: must be >= 1'],
  ['SequentialLR milestones strictly increasing', { ...seq, milestones: [10, 10], schedulers: [...seq.schedulers, { kind: 'torch.LinearLR' }] }, 'milestones: must be strictly increasing (entry 1 is 10 after 10)'],
  ['SequentialLR schedulers have no lr', { ...seq, schedulers: [{ kind: 'torch.LinearLR', lr: 0.5 }, seq.schedulers[1]] }, 'schedulers[0].lr: set lr on the SequentialLR, not on its schedulers'],
  ['SequentialLR schedulers exclude OneCycleLR', { ...seq, schedulers: [seq.schedulers[0], { kind: 'torch.OneCycleLR', max_lr: 0.1, total_steps: 10 }] }, 'schedulers[1].kind: "torch.OneCycleLR" cannot be a SequentialLR scheduler (allowed: torch.StepLR, torch.MultiStepLR, torch.ExponentialLR, torch.CosineAnnealingLR, torch.CosineAnnealingWarmRestarts, torch.PolynomialLR, torch.LinearLR, torch.ConstantLR)'],
  ['SequentialLR schedulers are checked too', { ...seq, schedulers: [seq.schedulers[0], { kind: 'torch.StepLR', step_size: 0 }] }, 'schedulers[1].step_size: must be >= 1'],
  // Warmup and Hugging Face
  ['warmup warmup_steps >= 0', { kind: 'warmup', warmup_steps: -1, after: exp }, 'warmup_steps: must be >= 0'],
  ['warmup checks the schedule after it', { kind: 'warmup', warmup_steps: 5, after: { ...exp, decay_steps: 0 } }, 'after.decay_steps: must be > 0'],
  ['warmup needs a schedule after it', { kind: 'warmup', warmup_steps: 5 }, 'after: is required'],
  ['hf.inverse_sqrt num_warmup_steps >= 0', { kind: 'hf.inverse_sqrt', lr: 0.1, num_warmup_steps: -1 }, 'num_warmup_steps: must be >= 0'],
  ['hf.inverse_sqrt timescale >= 1', { kind: 'hf.inverse_sqrt', lr: 0.1, timescale: 0 }, 'timescale: must be >= 1'],
];

describe('validation rules', () => {
  for (const [name, input, message] of RULES) {
    test(name, () => expect(errorsOf(input)).toContain(message));
  }
  test('a valid spec parses with every default filled in', () => {
    const r = parseSpec(exp);
    expect(r).toEqual({ ok: true, spec: { ...exp, staircase: false, dtype: 'float32' } });
  });
  test('every error is reported, not just the first', () => {
    expect(errorsOf({ ...exp, decay_steps: 0, extra: 1 })).toEqual(['extra: unknown parameter', 'decay_steps: must be > 0']);
  });
});
