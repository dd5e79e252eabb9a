// TensorFlow (tf.compat.v1.train.*) and Keras (keras.optimizers.schedules.*) kinds.
// Parameter names and defaults are the libraries' own (everything but global_step and name):
// tensorflow/python/keras/optimizer_v2/legacy_learning_rate_decay.py,
// keras-team/keras keras/src/optimizers/schedules/learning_rate_schedule.py.
// A Keras class computes what the TF function it mirrors computes (the TF functions build the
// Keras classes), so each pair is one definition here: only the kind's names and the name of
// the initial rate (`learning_rate` / `initial_learning_rate`) differ.
import { z } from 'zod';
import type { Curve } from './curve';
import { defineKind, positive, atLeast, strictlyIncreasing, type Group, type Report } from './define';
import * as p from './params';
import { exponentialCurve, naturalExpRate, piecewiseCurve, polynomialCurve, inverseTimeCurve, cosineCurve, cosineRestartsCurve, linearCosineCurve } from './tf';
import { kerasCosineCurve } from './keras';

interface Names<K extends string> { kind: K; group: Group; label: string; source: string }
const tf = <const K extends string>(kind: K, label: string): Names<K> => ({ kind, group: 'tensorflow', label, source: `tf.compat.v1.train.${kind}` });
const keras = <const K extends string>(label: K): Names<`keras.${K}`> => ({ kind: `keras.${label}`, group: 'keras', label, source: `keras.optimizers.schedules.${label}` });

type Rate = ReturnType<typeof rateParam>;
const rateParam = () => p.number('initial learning rate', '0.1');
/** The initial rate under the library's name for it. */
const rate = <const R extends string>(name: R) => ({ [name]: rateParam() }) as Record<R, Rate>;
const rateOf = (spec: object, name: string): number => (spec as Record<string, number>)[name]!;

const decaySteps = (starter = '100') => p.number('steps per decay period; fractional values are legal in TensorFlow', starter);
const staircase = () => p.flag(false, 'decay at discrete intervals: floor(step / decay_steps)');
const decayRate = (help: string) => p.number(help, '0.5');

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

type Out<P extends p.Shape> = z.output<z.ZodObject<p.SchemaShape<P>>>;

/** A kind apart from its names and the name of its initial rate, which the curve gets as `lr`. */
interface Template<P extends p.Shape> {
  params: (rate: string) => P;
  rules?: (s: Out<P>, report: Report) => void;
  curve: (lr: number, s: Out<P>) => Curve;
  stepped?: (s: Out<P>) => boolean;
}
const template = <P extends p.Shape>(t: Template<P>): Template<P> => t;

function rateKind<const K extends string, const R extends string, P extends p.Shape>(names: Names<K>, r: R, t: Template<P>) {
  const { rules, stepped } = t;
  return defineKind({
    ...names,
    params: { ...rate(r), ...t.params(r) },
    rules: (s, report) => rules?.(s as unknown as Out<P>, report),
    curve: (s) => t.curve(rateOf(s, r), s as unknown as Out<P>),
    stepped: (s) => stepped?.(s as unknown as Out<P>) ?? false,
  });
}

const exponential = template({
  params: () => ({ decay_steps: decaySteps(), decay_rate: decayRate('multiplier per decay period'), staircase: staircase(), dtype: p.dtype() }),
  rules: (s, report) => positive(report, 'decay_steps', s.decay_steps),
  curve: (lr, s) => exponentialCurve(lr, s.decay_steps, s.decay_rate, s.staircase, s.dtype),
  stepped: (s) => s.staircase,
});

const piecewiseKind = <const K extends string>(names: Names<K>) => defineKind({
  ...names,
  params: {
    boundaries: p.integers('steps where the value changes; a step equal to a boundary still has the old value', '250, 500, 750'),
    values: p.numbers('one more value than boundaries', '0.1, 0.05, 0.01, 0.005'),
    dtype: p.dtype(),
  },
  rules: piecewiseRules,
  curve: (s) => piecewiseCurve(s.boundaries, s.values, s.dtype),
  stepped: true,
});

const polynomial = template({
  params: () => ({
    decay_steps: decaySteps(),
    end_learning_rate: p.numberOr(0.0001, 'rate reached after decay_steps'),
    power: p.numberOr(1.0, 'power of the polynomial; 1 is linear'),
    cycle: p.flag(false, 'restart beyond decay_steps with the next multiple of decay_steps'),
    dtype: p.dtype(),
  }),
  rules: (s, report) => { positive(report, 'decay_steps', s.decay_steps); positive(report, 'power', s.power); },
  curve: (lr, s) => polynomialCurve(lr, s.decay_steps, s.end_learning_rate, s.power, s.cycle, s.dtype),
});

const inverseTime = template({
  params: () => ({ decay_steps: decaySteps(), decay_rate: decayRate('k in 1 / (1 + k · step / decay_steps)'), staircase: staircase(), dtype: p.dtype() }),
  rules: (s, report) => positive(report, 'decay_steps', s.decay_steps),
  curve: (lr, s) => inverseTimeCurve(lr, s.decay_steps, s.decay_rate, s.staircase, s.dtype),
  stepped: (s) => s.staircase,
});

const restarts = template({
  params: (r: string) => ({
    first_decay_steps: p.number('length of the first period', '100'),
    t_mul: p.numberOr(2.0, 'each period is t_mul times longer than the previous one'),
    m_mul: p.numberOr(1.0, 'each restart peaks at m_mul times the previous peak'),
    alpha: p.numberOr(0.0, `floor as a fraction of ${r}; not scaled by m_mul`),
    dtype: p.dtype(),
  }),
  rules: restartsRules,
  curve: (lr, s) => cosineRestartsCurve(lr, s.first_decay_steps, s.t_mul, s.m_mul, s.alpha, s.dtype),
});

const linearCosine = () => ({
  num_periods: p.numberOr(0.5, 'number of cosine periods over decay_steps'),
  alpha: p.numberOr(0.0, 'added to the linear part'), beta: p.numberOr(0.001, 'floor added at the end'),
});

export const tfKinds = [
  rateKind(tf('exponential_decay', 'exponential decay'), 'learning_rate', exponential),
  piecewiseKind(tf('piecewise_constant', 'piecewise constant')),
  rateKind(tf('polynomial_decay', 'polynomial decay'), 'learning_rate', polynomial),
  defineKind({
    ...tf('natural_exp_decay', 'natural exponential decay'),
    params: { ...rate('learning_rate'), decay_steps: decaySteps(), decay_rate: decayRate('k in exp(-k · step / decay_steps)'), staircase: staircase(), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
    curve: (s) => exponentialCurve(s.learning_rate, s.decay_steps, naturalExpRate(s.decay_rate), s.staircase, s.dtype),
    stepped: (s) => s.staircase,
  }),
  rateKind(tf('inverse_time_decay', 'inverse time decay'), 'learning_rate', inverseTime),
  defineKind({
    ...tf('cosine_decay', 'cosine decay'),
    params: { ...rate('learning_rate'), decay_steps: p.number('steps to decay over; the rate then stays at learning_rate × alpha', '1000'), alpha: p.numberOr(0.0, 'floor as a fraction of learning_rate'), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
    curve: (s) => cosineCurve(s.learning_rate, s.decay_steps, s.alpha, s.dtype),
  }),
  rateKind(tf('cosine_decay_restarts', 'cosine decay with restarts'), 'learning_rate', restarts),
  defineKind({
    ...tf('linear_cosine_decay', 'linear cosine decay'),
    params: { ...rate('learning_rate'), decay_steps: p.number('steps to decay over', '1000'), ...linearCosine(), dtype: p.dtype() },
    rules: (s, r) => positive(r, 'decay_steps', s.decay_steps),
    curve: (s) => linearCosineCurve(s.learning_rate, s.decay_steps, s.num_periods, s.alpha, s.beta, s.dtype),
  }),
  defineKind({
    ...tf('noisy_linear_cosine_decay', 'noisy linear cosine decay'),
    params: {
      ...rate('learning_rate'), decay_steps: p.number('steps to decay over', '1000'),
      initial_variance: p.numberOr(1.0, 'variance of the noise at step 0'),
      variance_decay: p.numberOr(0.55, 'variance is initial_variance / (1 + step)^variance_decay'),
      ...linearCosine(),
      seed: p.integerOr(0, 'seed of the noise, so a curve can be reproduced (lrscope\'s generator, not TensorFlow\'s)'),
      dtype: p.dtype(),
    },
    rules: (s, r) => {
      positive(r, 'decay_steps', s.decay_steps);
      atLeast(r, 'initial_variance', s.initial_variance, 0);
      if (!(s.seed >= 0 && s.seed <= 0xffffffff)) r('seed', 'must be between 0 and 4294967295');
    },
    curve: (s) => linearCosineCurve(s.learning_rate, s.decay_steps, s.num_periods, s.alpha, s.beta, s.dtype, { initialVariance: s.initial_variance, varianceDecay: s.variance_decay, seed: s.seed }),
  }),
] as const;

export const kerasKinds = [
  rateKind(keras('ExponentialDecay'), 'initial_learning_rate', exponential),
  piecewiseKind(keras('PiecewiseConstantDecay')),
  rateKind(keras('PolynomialDecay'), 'initial_learning_rate', polynomial),
  rateKind(keras('InverseTimeDecay'), 'initial_learning_rate', inverseTime),
  // Keras 3's CosineDecay adds a warmup that tf.compat.v1.train.cosine_decay does not have.
  defineKind({
    ...keras('CosineDecay'),
    params: {
      ...rate('initial_learning_rate'), decay_steps: p.number('steps to decay over, after the warmup', '1000'),
      alpha: p.numberOr(0.0, 'floor as a fraction of warmup_target (or of initial_learning_rate without warmup)'),
      warmup_target: p.numberOrNone('rate reached at the end of the warmup; none: no warmup'),
      warmup_steps: p.integerOr(0, 'steps of linear warmup from initial_learning_rate to warmup_target'),
      dtype: p.dtype(),
    },
    rules: (s, r) => { positive(r, 'decay_steps', s.decay_steps); atLeast(r, 'warmup_steps', s.warmup_steps, 0); },
    curve: (s) => kerasCosineCurve(s.initial_learning_rate, s.decay_steps, s.alpha, s.warmup_target, s.warmup_steps, s.dtype),
  }),
  rateKind(keras('CosineDecayRestarts'), 'initial_learning_rate', restarts),
] as const;
