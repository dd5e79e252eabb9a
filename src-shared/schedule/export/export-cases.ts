// The specs every export is tested on: every preset and these varied ones (every kind, both
// dtypes, staircase, cycles, restarts, warmups, sequences).
import type { ScheduleSpecInput } from '../spec';

export const VARIED_SPECS: Record<string, ScheduleSpecInput> = {
  exp_f64_staircase: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 7, decay_rate: 0.5, staircase: true, dtype: 'float64' },
  piecewise_keras: { kind: 'keras.PiecewiseConstantDecay', boundaries: [3, 50, 100], values: [1.0, 0.5, 0.1, 0.001] },
  poly_cycle_power: { kind: 'polynomial_decay', learning_rate: 0.05, decay_steps: 30, end_learning_rate: 0.001, power: 2.5, cycle: true },
  poly_keras_sqrt: { kind: 'keras.PolynomialDecay', initial_learning_rate: 0.1, decay_steps: 40, end_learning_rate: 0.0, power: 0.5 },
  inverse_time_f64: { kind: 'inverse_time_decay', learning_rate: 0.2, decay_steps: 3, decay_rate: 0.7, staircase: false, dtype: 'float64' },
  natural_exp_f64: { kind: 'natural_exp_decay', learning_rate: 0.3, decay_steps: 9, decay_rate: 0.25, dtype: 'float64' },
  restarts_tmul2: { kind: 'cosine_decay_restarts', learning_rate: 0.004, first_decay_steps: 13, t_mul: 2, m_mul: 0.8, alpha: 0.01 },
  restarts_tmul1_f64: { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 17, t_mul: 1, m_mul: 0.9, alpha: 0.0, dtype: 'float64' },
  keras_restarts: { kind: 'keras.CosineDecayRestarts', initial_learning_rate: 0.01, first_decay_steps: 20, t_mul: 1.5, m_mul: 1.0, alpha: 0.1 },
  keras_cosine_warmup: { kind: 'keras.CosineDecay', initial_learning_rate: 0.0, decay_steps: 100, alpha: 0.1, warmup_target: 0.01, warmup_steps: 25 },
  linear_cosine_f64: { kind: 'linear_cosine_decay', learning_rate: 0.1, decay_steps: 80, num_periods: 2.0, alpha: 0.1, beta: 0.01, dtype: 'float64' },
  torch_step: { kind: 'torch.StepLR', lr: 0.1, step_size: 30, gamma: 0.1 },
  torch_multistep_repeat: { kind: 'torch.MultiStepLR', lr: 0.05, milestones: [10, 10, 60], gamma: 0.5 },
  torch_exponential: { kind: 'torch.ExponentialLR', lr: 0.01, gamma: 0.99 },
  torch_cosine: { kind: 'torch.CosineAnnealingLR', lr: 0.1, T_max: 50, eta_min: 0.001 },
  torch_warm_restarts_tmult2: { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 10, T_mult: 2, eta_min: 0.0001 },
  torch_warm_restarts_tmult1: { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.02, T_0: 7 },
  torch_polynomial: { kind: 'torch.PolynomialLR', lr: 0.1, total_iters: 40, power: 2.0 },
  torch_linear: { kind: 'torch.LinearLR', lr: 0.1, start_factor: 0.25, end_factor: 1.0, total_iters: 20 },
  torch_constant: { kind: 'torch.ConstantLR', lr: 0.1, factor: 0.5, total_iters: 10 },
  torch_onecycle_linear3: { kind: 'torch.OneCycleLR', max_lr: 0.2, total_steps: 300, pct_start: 0.25, anneal_strategy: 'linear', three_phase: true },
  torch_onecycle_cos: { kind: 'torch.OneCycleLR', max_lr: 0.1, epochs: 4, steps_per_epoch: 50, div_factor: 10, final_div_factor: 100 },
  torch_cyclic_tri2: { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.01, step_size_up: 20, step_size_down: 10, mode: 'triangular2' },
  torch_cyclic_exp: { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_up: 15, mode: 'exp_range', gamma: 0.995 },
  torch_sequential: {
    kind: 'torch.SequentialLR', lr: 0.1, milestones: [20, 120],
    schedulers: [{ kind: 'torch.LinearLR', start_factor: 0.1, total_iters: 20 }, { kind: 'torch.CosineAnnealingLR', T_max: 100 }, { kind: 'torch.ConstantLR', factor: 0.5, total_iters: 1000 }],
  },
  warmup_into_tf32: { kind: 'warmup', warmup_steps: 50, start_lr: 0.0001, after: { kind: 'cosine_decay_restarts', learning_rate: 0.01, first_decay_steps: 40, t_mul: 2, m_mul: 0.7, alpha: 0.05 } },
  warmup_into_step: { kind: 'warmup', warmup_steps: 10, after: { kind: 'torch.StepLR', lr: 0.3, step_size: 25, gamma: 0.3 } },
  hf_inverse_sqrt_timescale: { kind: 'hf.inverse_sqrt', lr: 0.001, num_warmup_steps: 40, timescale: 100 },
};

export const VARIED_STEPS = 400;
