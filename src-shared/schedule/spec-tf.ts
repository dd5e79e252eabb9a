// TensorFlow (tf.compat.v1.train.*) and Keras (keras.optimizers.schedules.*) kinds.
// Parameter names and defaults are the libraries' own (everything but global_step and name):
// tensorflow/python/keras/optimizer_v2/legacy_learning_rate_decay.py,
// keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py.
import { defineKind, positive, atLeast, strictlyIncreasing, type Report } from './define';
import * as p from './params';

const lr = () => p.number('initial learning rate');
const decaySteps = () => p.number('steps per decay period; fractional values are legal in TensorFlow');
const staircase = () => p.flag(false, 'decay at discrete intervals: floor(step / decay_steps)');

function piecewiseRules(spec: { boundaries: number[]; values: number[] }, report: Report): void {
  if (spec.boundaries.length === 0) report('boundaries', 'must have at least one entry');
  strictlyIncreasing(report, 'boundaries', spec.boundaries);
  if (spec.values.length !== spec.boundaries.length + 1) {
    report('values', `must have one more entry than boundaries (${spec.boundaries.length + 1}), got ${spec.values.length}`);
  }
}

function restartsRules(spec: { first_decay_steps: number; t_mul: number; m_mul: number }, report: Report): void {
  positive(report, 'first_decay_steps', spec.first_decay_steps);
  positive(report, 't_mul', spec.t_mul);
  atLeast(report, 'm_mul', spec.m_mul, 0);
}

export const tfKinds = {
  exponential_decay: defineKind({
    kind: 'exponential_decay', group: 'tensorflow', label: 'exponential decay', source: 'tf.compat.v1.train.exponential_decay',
    params: { learning_rate: lr(), decay_steps: decaySteps(), decay_rate: p.number('multiplier per decay period'), staircase: staircase(), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
  }),
  piecewise_constant: defineKind({
    kind: 'piecewise_constant', group: 'tensorflow', label: 'piecewise constant', source: 'tf.compat.v1.train.piecewise_constant',
    params: {
      boundaries: p.integers('steps where the value changes; a step equal to a boundary still has the old value'),
      values: p.numbers('one more value than boundaries'),
      dtype: p.dtype(),
    },
    rules: piecewiseRules,
  }),
  polynomial_decay: defineKind({
    kind: 'polynomial_decay', group: 'tensorflow', label: 'polynomial decay', source: 'tf.compat.v1.train.polynomial_decay',
    params: {
      learning_rate: lr(), decay_steps: decaySteps(),
      end_learning_rate: p.numberOr(0.0001, 'rate reached after decay_steps'),
      power: p.numberOr(1.0, 'power of the polynomial; 1 is linear'),
      cycle: p.flag(false, 'restart beyond decay_steps with the next multiple of decay_steps'),
      dtype: p.dtype(),
    },
    rules: (s, r) => { positive(r, 'decay_steps', s.decay_steps); positive(r, 'power', s.power); },
  }),
  natural_exp_decay: defineKind({
    kind: 'natural_exp_decay', group: 'tensorflow', label: 'natural exponential decay', source: 'tf.compat.v1.train.natural_exp_decay',
    params: { learning_rate: lr(), decay_steps: decaySteps(), decay_rate: p.number('k in exp(-k · step / decay_steps)'), staircase: staircase(), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
  }),
  inverse_time_decay: defineKind({
    kind: 'inverse_time_decay', group: 'tensorflow', label: 'inverse time decay', source: 'tf.compat.v1.train.inverse_time_decay',
    params: { learning_rate: lr(), decay_steps: decaySteps(), decay_rate: p.number('k in 1 / (1 + k · step / decay_steps)'), staircase: staircase(), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
  }),
  cosine_decay: defineKind({
    kind: 'cosine_decay', group: 'tensorflow', label: 'cosine decay', source: 'tf.compat.v1.train.cosine_decay',
    params: { learning_rate: lr(), decay_steps: p.number('steps to decay over; the rate then stays at learning_rate × alpha'), alpha: p.numberOr(0.0, 'floor as a fraction of learning_rate'), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
  }),
  cosine_decay_restarts: defineKind({
    kind: 'cosine_decay_restarts', group: 'tensorflow', label: 'cosine decay with restarts', source: 'tf.compat.v1.train.cosine_decay_restarts',
    params: {
      learning_rate: lr(), first_decay_steps: p.number('length of the first period'),
      t_mul: p.numberOr(2.0, 'each period is t_mul times longer than the previous one'),
      m_mul: p.numberOr(1.0, 'each restart peaks at m_mul times the previous peak'),
      alpha: p.numberOr(0.0, 'floor as a fraction of learning_rate; not scaled by m_mul'),
      dtype: p.dtype(),
    },
    rules: restartsRules,
  }),
  linear_cosine_decay: defineKind({
    kind: 'linear_cosine_decay', group: 'tensorflow', label: 'linear cosine decay', source: 'tf.compat.v1.train.linear_cosine_decay',
    params: {
      learning_rate: lr(), decay_steps: p.number('steps to decay over'),
      num_periods: p.numberOr(0.5, 'number of cosine periods over decay_steps'),
      alpha: p.numberOr(0.0, 'added to the linear part'), beta: p.numberOr(0.001, 'floor added at the end'),
      dtype: p.dtype(),
    },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
  }),
  noisy_linear_cosine_decay: defineKind({
    kind: 'noisy_linear_cosine_decay', group: 'tensorflow', label: 'noisy linear cosine decay', source: 'tf.compat.v1.train.noisy_linear_cosine_decay',
    params: {
      learning_rate: lr(), decay_steps: p.number('steps to decay over'),
      initial_variance: p.numberOr(1.0, 'variance of the noise at step 0'),
      variance_decay: p.numberOr(0.55, 'variance is initial_variance / (1 + step)^variance_decay'),
      num_periods: p.numberOr(0.5, 'number of cosine periods over decay_steps'),
      alpha: p.numberOr(0.0, 'added to the linear part'), beta: p.numberOr(0.001, 'floor added at the end'),
      seed: p.integerOr(0, 'seed of the noise, so a curve can be reproduced (lrscope\'s generator, not TensorFlow\'s)'),
      dtype: p.dtype(),
    },
    rules: (s, r) => {
      positive(r, 'decay_steps', s.decay_steps);
      atLeast(r, 'initial_variance', s.initial_variance, 0);
      if (!(s.seed >= 0 && s.seed <= 0xffffffff)) r('seed', 'must be between 0 and 4294967295');
    },
  }),
} as const;

const ilr = () => p.number('initial learning rate');

export const kerasKinds = {
  'keras.ExponentialDecay': defineKind({
    kind: 'keras.ExponentialDecay', group: 'keras', label: 'ExponentialDecay', source: 'keras.optimizers.schedules.ExponentialDecay',
    params: { initial_learning_rate: ilr(), decay_steps: decaySteps(), decay_rate: p.number('multiplier per decay period'), staircase: staircase(), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
  }),
  'keras.PiecewiseConstantDecay': defineKind({
    kind: 'keras.PiecewiseConstantDecay', group: 'keras', label: 'PiecewiseConstantDecay', source: 'keras.optimizers.schedules.PiecewiseConstantDecay',
    params: {
      boundaries: p.integers('steps where the value changes; a step equal to a boundary still has the old value'),
      values: p.numbers('one more value than boundaries'),
      dtype: p.dtype(),
    },
    rules: piecewiseRules,
  }),
  'keras.PolynomialDecay': defineKind({
    kind: 'keras.PolynomialDecay', group: 'keras', label: 'PolynomialDecay', source: 'keras.optimizers.schedules.PolynomialDecay',
    params: {
      initial_learning_rate: ilr(), decay_steps: decaySteps(),
      end_learning_rate: p.numberOr(0.0001, 'rate reached after decay_steps'),
      power: p.numberOr(1.0, 'power of the polynomial; 1 is linear'),
      cycle: p.flag(false, 'restart beyond decay_steps with the next multiple of decay_steps'),
      dtype: p.dtype(),
    },
    rules: (s, r) => { positive(r, 'decay_steps', s.decay_steps); positive(r, 'power', s.power); },
  }),
  'keras.InverseTimeDecay': defineKind({
    kind: 'keras.InverseTimeDecay', group: 'keras', label: 'InverseTimeDecay', source: 'keras.optimizers.schedules.InverseTimeDecay',
    params: { initial_learning_rate: ilr(), decay_steps: decaySteps(), decay_rate: p.number('k in 1 / (1 + k · step / decay_steps)'), staircase: staircase(), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
  }),
  'keras.CosineDecay': defineKind({
    kind: 'keras.CosineDecay', group: 'keras', label: 'CosineDecay', source: 'keras.optimizers.schedules.CosineDecay',
    params: {
      initial_learning_rate: ilr(), decay_steps: p.number('steps to decay over, after the warmup'),
      alpha: p.numberOr(0.0, 'floor as a fraction of warmup_target (or of initial_learning_rate without warmup)'),
      warmup_target: p.numberOrNone('rate reached at the end of the warmup; none: no warmup'),
      warmup_steps: p.integerOr(0, 'steps of linear warmup from initial_learning_rate to warmup_target'),
      dtype: p.dtype(),
    },
    rules: (s, r) => { positive(r, 'decay_steps', s.decay_steps); atLeast(r, 'warmup_steps', s.warmup_steps, 0); },
  }),
  'keras.CosineDecayRestarts': defineKind({
    kind: 'keras.CosineDecayRestarts', group: 'keras', label: 'CosineDecayRestarts', source: 'keras.optimizers.schedules.CosineDecayRestarts',
    params: {
      initial_learning_rate: ilr(), first_decay_steps: p.number('length of the first period'),
      t_mul: p.numberOr(2.0, 'each period is t_mul times longer than the previous one'),
      m_mul: p.numberOr(1.0, 'each restart peaks at m_mul times the previous peak'),
      alpha: p.numberOr(0.0, 'floor as a fraction of initial_learning_rate; not scaled by m_mul'),
      dtype: p.dtype(),
    },
    rules: restartsRules,
  }),
} as const;
