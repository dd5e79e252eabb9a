// Presets: the seed article's TensorFlow schedules (60 steps, 0–59) and Hugging Face's
// get_scheduler names built from the pieces (transformers/optimization.py, TYPE_TO_SCHEDULER_FUNCTION).
import type { ScheduleSpec, ScheduleSpecInput } from './spec';
import { parseSpec } from './validate';
import { formatErrors } from './validate';

export interface Preset {
  id: string;
  name: string;
  /** Presets drawn on one chart share a chart name. */
  chart: string;
  spec: ScheduleSpec;
  /** Steps to show, both included. */
  steps: { from: number; to: number };
}

function parsed(input: ScheduleSpecInput): ScheduleSpec {
  const result = parseSpec(input);
  if (!result.ok) throw new Error(`invalid preset: ${formatErrors(result.errors)}`);
  return result.spec;
}

const SEED_STEPS = { from: 0, to: 59 };
const seed = (id: string, name: string, chart: string, spec: ScheduleSpecInput): Preset => ({ id, name, chart, spec: parsed(spec), steps: SEED_STEPS });

export const SEED_PRESETS: readonly Preset[] = [
  seed('exponential_decay', 'exponential_decay', 'exponential decay', { kind: 'exponential_decay', learning_rate: 0.6, decay_steps: 10, decay_rate: 0.6 }),
  seed('exponential_decay_staircase', 'exponential_decay, staircase', 'exponential decay', { kind: 'exponential_decay', learning_rate: 0.6, decay_steps: 10, decay_rate: 0.6, staircase: true }),
  seed('piecewise_constant', 'piecewise_constant', 'piecewise constant', { kind: 'piecewise_constant', boundaries: [10, 20, 30, 40, 50], values: [0.06, 0.05, 0.04, 0.03, 0.02, 0.01] }),
  seed('polynomial_decay', 'polynomial_decay', 'polynomial decay', { kind: 'polynomial_decay', learning_rate: 0.102, decay_steps: 10, end_learning_rate: 0.011, power: 1, cycle: false }),
  seed('polynomial_decay_cycle', 'polynomial_decay, cycle', 'polynomial decay', { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 10, end_learning_rate: 0.01, power: 1, cycle: true }),
  seed('natural_exp_decay', 'natural_exp_decay', 'natural exp decay', { kind: 'natural_exp_decay', learning_rate: 0.6, decay_steps: 10, decay_rate: 0.6 }),
  seed('natural_exp_decay_staircase', 'natural_exp_decay, staircase', 'natural exp decay', { kind: 'natural_exp_decay', learning_rate: 0.6, decay_steps: 10, decay_rate: 0.6, staircase: true }),
  seed('inverse_time_decay', 'inverse_time_decay', 'inverse time decay', { kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.2 }),
  seed('inverse_time_decay_staircase', 'inverse_time_decay, staircase', 'inverse time decay', { kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.2, staircase: true }),
  seed('cosine_decay', 'cosine_decay', 'cosine family', { kind: 'cosine_decay', learning_rate: 0.3, decay_steps: 50, alpha: 0.01 }),
  seed('cosine_decay_restarts', 'cosine_decay_restarts', 'cosine family', { kind: 'cosine_decay_restarts', learning_rate: 0.3, first_decay_steps: 10, t_mul: 1.5, m_mul: 0.8, alpha: 0.011 }),
  seed('linear_cosine_decay', 'linear_cosine_decay', 'cosine family', { kind: 'linear_cosine_decay', learning_rate: 0.3, decay_steps: 50, num_periods: 3.0, alpha: 0.0, beta: 0.2 }),
  seed('noisy_linear_cosine_decay', 'noisy_linear_cosine_decay', 'cosine family', {
    kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 50, initial_variance: 0.01, variance_decay: 0.1, num_periods: 0.2, alpha: 0.5, beta: 0.2,
  }),
];

export type HfSchedulerName = 'linear' | 'cosine' | 'cosine_with_restarts' | 'polynomial' | 'constant_with_warmup' | 'inverse_sqrt';

export interface HfOptions {
  lr: number;
  num_warmup_steps: number;
  num_training_steps: number;
  /** cosine_with_restarts: number of hard restarts (must divide the steps after warmup). */
  num_cycles?: number;
  /** polynomial: lr_end and power, as get_polynomial_decay_schedule_with_warmup. */
  lr_end?: number;
  power?: number;
}

/** Hugging Face's get_scheduler(name, …) as an lrscope spec. */
export function hfScheduleSpec(name: HfSchedulerName, o: HfOptions): ScheduleSpec {
  const decaySteps = Math.max(1, o.num_training_steps - o.num_warmup_steps);
  const warm = (after: ScheduleSpecInput): ScheduleSpec => parsed({ kind: 'warmup', warmup_steps: o.num_warmup_steps, after });
  switch (name) {
    // max(0, (num_training_steps - step) / max(1, num_training_steps - num_warmup_steps))
    case 'linear': return warm({ kind: 'torch.LinearLR', lr: o.lr, start_factor: 1, end_factor: 0, total_iters: decaySteps });
    // 0.5 * (1 + cos(pi * 2 * 0.5 * progress)), not clamped: CosineAnnealingLR with T_max = decay steps
    case 'cosine': return warm({ kind: 'torch.CosineAnnealingLR', lr: o.lr, T_max: decaySteps, eta_min: 0 });
    // hard restarts: 0.5 * (1 + cos(pi * ((num_cycles * progress) % 1))), then 0 once progress >= 1
    case 'cosine_with_restarts': {
      const cycles = o.num_cycles ?? 1;
      return warm({
        kind: 'torch.SequentialLR', lr: o.lr, milestones: [decaySteps],
        schedulers: [
          { kind: 'torch.CosineAnnealingWarmRestarts', T_0: Math.max(1, Math.round(decaySteps / cycles)), T_mult: 1, eta_min: 0 },
          { kind: 'torch.MultiStepLR', milestones: [0], gamma: 0 },
        ],
      });
    }
    // (lr_init - lr_end) * (1 - (step - warmup) / decay_steps) ** power + lr_end, in float64
    case 'polynomial': return warm({ kind: 'polynomial_decay', learning_rate: o.lr, decay_steps: decaySteps, end_learning_rate: o.lr_end ?? 1e-7, power: o.power ?? 1.0, dtype: 'float64' });
    case 'constant_with_warmup': return warm({ kind: 'torch.ConstantLR', lr: o.lr, factor: 1, total_iters: 0 });
    case 'inverse_sqrt': return parsed({ kind: 'hf.inverse_sqrt', lr: o.lr, num_warmup_steps: o.num_warmup_steps, timescale: null });
  }
}

const HF_EXAMPLE: HfOptions = { lr: 5e-5, num_warmup_steps: 100, num_training_steps: 1000, num_cycles: 3 };
const HF_NAMES: readonly HfSchedulerName[] = ['linear', 'cosine', 'cosine_with_restarts', 'polynomial', 'constant_with_warmup', 'inverse_sqrt'];

export const HF_PRESETS: readonly Preset[] = HF_NAMES.map((name) => ({
  id: `hf.${name}`,
  name: `Hugging Face ${name}`,
  chart: 'Hugging Face get_scheduler',
  spec: hfScheduleSpec(name, HF_EXAMPLE),
  steps: { from: 0, to: HF_EXAMPLE.num_training_steps - 1 },
}));

export const PRESETS: readonly Preset[] = [...SEED_PRESETS, ...HF_PRESETS];
