// compile: a parsed spec to its Curve. Cached per spec object, so a preview that evaluates the
// same spec at every frame builds it once.
import type { Curve } from './curve';
import type { ScheduleSpec, TorchChildSpec } from './spec';
import { exponentialCurve, naturalExpRate, piecewiseCurve, polynomialCurve, inverseTimeCurve, cosineCurve, cosineRestartsCurve, linearCosineCurve } from './tf';
import { kerasCosineCurve } from './keras';
import * as torch from './torch';
import { warmupCurve, sequentialCurve, inverseSqrtCurve } from './warmup';

const cache = new WeakMap<object, Curve>();

export function compile(spec: ScheduleSpec): Curve {
  let curve = cache.get(spec);
  if (!curve) {
    curve = build(spec);
    cache.set(spec, curve);
  }
  return curve;
}

function torchChild(s: TorchChildSpec, lr: number): Curve {
  switch (s.kind) {
    case 'torch.StepLR': return torch.stepCurve(lr, s.step_size, s.gamma);
    case 'torch.MultiStepLR': return torch.multiStepCurve(lr, s.milestones, s.gamma);
    case 'torch.ExponentialLR': return torch.exponentialLRCurve(lr, s.gamma);
    case 'torch.CosineAnnealingLR': return torch.cosineAnnealingCurve(lr, s.T_max, s.eta_min);
    case 'torch.CosineAnnealingWarmRestarts': return torch.warmRestartsCurve(lr, s.T_0, s.T_mult, s.eta_min);
    case 'torch.PolynomialLR': return torch.polynomialLRCurve(lr, s.total_iters, s.power);
    case 'torch.LinearLR': return torch.linearLRCurve(lr, s.start_factor, s.end_factor, s.total_iters);
    case 'torch.ConstantLR': return torch.constantLRCurve(lr, s.factor, s.total_iters);
  }
}

function build(s: ScheduleSpec): Curve {
  switch (s.kind) {
    case 'exponential_decay': return exponentialCurve(s.learning_rate, s.decay_steps, s.decay_rate, s.staircase, s.dtype);
    case 'natural_exp_decay': return exponentialCurve(s.learning_rate, s.decay_steps, naturalExpRate(s.decay_rate), s.staircase, s.dtype);
    case 'piecewise_constant': return piecewiseCurve(s.boundaries, s.values, s.dtype);
    case 'polynomial_decay': return polynomialCurve(s.learning_rate, s.decay_steps, s.end_learning_rate, s.power, s.cycle, s.dtype);
    case 'inverse_time_decay': return inverseTimeCurve(s.learning_rate, s.decay_steps, s.decay_rate, s.staircase, s.dtype);
    case 'cosine_decay': return cosineCurve(s.learning_rate, s.decay_steps, s.alpha, s.dtype);
    case 'cosine_decay_restarts': return cosineRestartsCurve(s.learning_rate, s.first_decay_steps, s.t_mul, s.m_mul, s.alpha, s.dtype);
    case 'linear_cosine_decay': return linearCosineCurve(s.learning_rate, s.decay_steps, s.num_periods, s.alpha, s.beta, s.dtype);
    case 'noisy_linear_cosine_decay':
      return linearCosineCurve(s.learning_rate, s.decay_steps, s.num_periods, s.alpha, s.beta, s.dtype, { initialVariance: s.initial_variance, varianceDecay: s.variance_decay, seed: s.seed });
    case 'keras.ExponentialDecay': return exponentialCurve(s.initial_learning_rate, s.decay_steps, s.decay_rate, s.staircase, s.dtype);
    case 'keras.PiecewiseConstantDecay': return piecewiseCurve(s.boundaries, s.values, s.dtype);
    case 'keras.PolynomialDecay': return polynomialCurve(s.initial_learning_rate, s.decay_steps, s.end_learning_rate, s.power, s.cycle, s.dtype);
    case 'keras.InverseTimeDecay': return inverseTimeCurve(s.initial_learning_rate, s.decay_steps, s.decay_rate, s.staircase, s.dtype);
    case 'keras.CosineDecay': return kerasCosineCurve(s.initial_learning_rate, s.decay_steps, s.alpha, s.warmup_target, s.warmup_steps, s.dtype);
    case 'keras.CosineDecayRestarts': return cosineRestartsCurve(s.initial_learning_rate, s.first_decay_steps, s.t_mul, s.m_mul, s.alpha, s.dtype);
    case 'torch.OneCycleLR': return torch.oneCycleCurve(s);
    case 'torch.CyclicLR': return torch.cyclicCurve(s);
    case 'torch.SequentialLR':
      return sequentialCurve(s.schedulers.map((c) => torchChild(c, s.lr)), s.milestones, s.schedulers.map((c) => c.kind.slice('torch.'.length)));
    case 'hf.inverse_sqrt': return inverseSqrtCurve(s.lr, s.num_warmup_steps, s.timescale);
    case 'warmup': return warmupCurve(s.warmup_steps, s.start_lr, compile(s.after));
    default: return torchChild(s, s.lr);
  }
}
