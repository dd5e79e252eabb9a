// Keras 3 (keras.optimizers.schedules) and TensorFlow 1 (tf.compat.v1.train): the library's
// own schedule where one computes the same thing, else the exact formula on the library's ops.
import { naturalExpRate } from '../tf';
import type { ScheduleSpec } from '../spec';
import type { Made } from './index';
import { formulaBody, indent, kwargs, lit, prelude, usesNoise } from './python';

type Spec = Record<string, unknown> & { kind: string };

/**
 * Each TensorFlow kind: the TF1 function it is, and the Keras class that computes the same (null:
 * none). A `keras.<Class>` kind maps to the same pair as the TF kind naming that class.
 */
const TF_KINDS: Record<string, [tf1: string, keras: string | null]> = {
  exponential_decay: ['exponential_decay', 'ExponentialDecay'],
  natural_exp_decay: ['natural_exp_decay', 'ExponentialDecay'],
  piecewise_constant: ['piecewise_constant', 'PiecewiseConstantDecay'],
  polynomial_decay: ['polynomial_decay', 'PolynomialDecay'],
  inverse_time_decay: ['inverse_time_decay', 'InverseTimeDecay'],
  cosine_decay: ['cosine_decay', 'CosineDecay'],
  cosine_decay_restarts: ['cosine_decay_restarts', 'CosineDecayRestarts'],
  linear_cosine_decay: ['linear_cosine_decay', null],
  noisy_linear_cosine_decay: ['noisy_linear_cosine_decay', null],
};
const KERAS_CLASS: Record<string, string> = {};
const TF1_FUNCTION: Record<string, string> = {};
for (const [kind, [tf1, keras]] of Object.entries(TF_KINDS)) {
  TF1_FUNCTION[kind] = tf1;
  if (keras === null) continue;
  KERAS_CLASS[kind] = keras;
  // natural_exp_decay is written as an ExponentialDecay, but keras.ExponentialDecay is exponential_decay.
  if (kind !== 'natural_exp_decay') { KERAS_CLASS[`keras.${keras}`] = keras; TF1_FUNCTION[`keras.${keras}`] = tf1; }
}
const RATE_NAMES = ['learning_rate', 'initial_learning_rate'];

/** The rate parameter as the dtype asks: a Python float is float32 in TensorFlow; float64 needs an np.float64. */
function rateArg(value: number, dtype: unknown): string {
  return dtype === 'float64' ? `np.float64(${lit(value)})` : lit(value);
}

function withRate(spec: Spec, name: string): string {
  const rateKey = RATE_NAMES.find((k) => k in spec)!;
  const rest = kwargs(spec, { skip: [rateKey, 'dtype'], rename: { initial_learning_rate: name, learning_rate: name } });
  return `${name}=${rateArg(spec[rateKey] as number, spec.dtype)}${rest ? `, ${rest}` : ''}`;
}

const float64Note = (spec: Spec) => (spec.dtype === 'float64' ? ' The rate is an np.float64, so TensorFlow computes in float64.' : '');

export function kerasCode(spec: ScheduleSpec): Made {
  const s = spec as unknown as Spec;
  const name = KERAS_CLASS[s.kind];
  const kerasWarmupOnly = s.kind === 'keras.CosineDecay';
  if (name && s.kind === 'natural_exp_decay') {
    // natural_exp_decay is ExponentialDecay with decay_rate = exp(-decay_rate), computed as a float32 op.
    const args = `initial_learning_rate=${rateArg(s.learning_rate as number, s.dtype)}, decay_steps=${lit(s.decay_steps as number)}, decay_rate=${lit(naturalExpRate(s.decay_rate as number))}, staircase=${s.staircase ? 'True' : 'False'}`;
    return { native: true, note: `natural_exp_decay is ExponentialDecay with decay_rate = float32(exp(-${s.decay_rate})).${float64Note(s)}`, code: `import keras\nimport numpy as np\n\nlr_schedule = keras.optimizers.schedules.ExponentialDecay(${args})\n` };
  }
  if (name && (s.kind.startsWith('keras.') || !kerasWarmupOnly)) {
    const args = s.kind.startsWith('keras.') ? withRate(s, 'initial_learning_rate') : withRate(s, 'initial_learning_rate');
    return { native: true, note: float64Note(s).trim() || null, code: `import keras\nimport numpy as np\n\nlr_schedule = keras.optimizers.schedules.${name}(${args})\n` };
  }
  const noisy = usesNoise(spec);
  if (noisy) return noEquivalent('Keras', spec, 'its noise cannot be replayed inside a traced schedule');
  const body = formulaBody(spec);
  return {
    native: false,
    note: `Keras has no schedule class for ${spec.kind}: a LearningRateSchedule computing the exact formula (float64, returned as float32).`,
    code: `import keras
from keras import ops

${prelude('keras', spec)}

class LrscopeSchedule(keras.optimizers.schedules.LearningRateSchedule):
    """${spec.kind}, as lrscope evaluates it."""

    def __call__(self, step):
        k = ops.cast(step, "float64")
${indent(body.lines, '        ')}        return ops.cast(${body.result}, "float32")

    def get_config(self):
        return {}

lr_schedule = LrscopeSchedule()
`,
  };
}

export function tf1Code(spec: ScheduleSpec): Made {
  const s = spec as unknown as Spec;
  const fn = TF1_FUNCTION[s.kind];
  const header = 'import numpy as np\nimport tensorflow as tf\n\nglobal_step = tf.compat.v1.train.get_or_create_global_step()\n';
  const warmupCosine = s.kind === 'keras.CosineDecay' && s.warmup_target !== null;
  if (fn && !warmupCosine) {
    const args = s.kind === 'piecewise_constant' || s.kind === 'keras.PiecewiseConstantDecay'
      ? `global_step, boundaries=${JSON.stringify(s.boundaries)}, values=[${(s.values as number[]).map((v) => rateArg(v, s.dtype)).join(', ')}]`
      : `${withRate(s, 'learning_rate').replace(/, warmup_target=None, warmup_steps=0/, '')}, global_step=global_step`;
    const note = [s.kind === 'noisy_linear_cosine_decay' ? 'TensorFlow draws its own noise: the curve differs from lrscope\'s reproducible noise around the same linear cosine.' : '', float64Note(s).trim()].filter(Boolean).join('\n');
    return { native: true, note: note || null, code: `${header}learning_rate = tf.compat.v1.train.${fn}(${args})\n` };
  }
  if (usesNoise(spec)) return noEquivalent('TensorFlow 1', spec, 'its noise cannot be replayed inside a graph');
  const body = formulaBody(spec);
  return {
    native: false,
    note: `tf.compat.v1.train has no function for ${spec.kind}: the exact formula on TensorFlow ops (float64).`,
    code: `${header}
${prelude('tf', spec)}

def lr_at(step):
    k = tf.cast(step, tf.float64)
${indent(body.lines)}    return ${body.result}

learning_rate = lr_at(global_step)
`,
  };
}

/** No equivalent at all: say so, and give the exact formula as a plain Python callable. */
export function noEquivalent(library: string, spec: ScheduleSpec, why: string): Made {
  const body = formulaBody(spec);
  return {
    native: false,
    note: `${library} has no equivalent for ${spec.kind} (${why}).\nlr_at(step) below is the exact rate as a plain Python callable.`,
    code: `import math
import numpy as np

${prelude('numpy', spec)}

def lr_at(step):
    k = np.float64(step)
    with np.errstate(all="ignore"):
${indent(body.lines, '        ')}        return float(${body.result})
`,
  };
}
