// optax: its schedules where they compute the same formula, else the exact formula on jax.numpy
// (float64, with jax_enable_x64; optax calls a schedule with the update count).
import type { ScheduleSpec } from '../spec';
import type { Made } from './index';
import { formulaBody, indent, lit, prelude, usesNoise } from './python';
import { noEquivalent } from './tf';

const F32 = 'jax computes in float32 by default, as TensorFlow does with a Python float; pow and cos are jax\'s own.';

export function optaxCode(spec: ScheduleSpec): Made {
  const head = 'import optax\n\n';
  switch (spec.kind) {
    case 'exponential_decay':
    case 'keras.ExponentialDecay': {
      const lr = spec.kind === 'exponential_decay' ? spec.learning_rate : spec.initial_learning_rate;
      return { native: true, note: F32, code: `${head}schedule = optax.exponential_decay(init_value=${lit(lr)}, transition_steps=${lit(spec.decay_steps)}, decay_rate=${lit(spec.decay_rate)}, staircase=${spec.staircase ? 'True' : 'False'})\n` };
    }
    case 'cosine_decay':
      return { native: true, note: F32, code: `${head}schedule = optax.cosine_decay_schedule(init_value=${lit(spec.learning_rate)}, decay_steps=${Math.round(spec.decay_steps)}, alpha=${lit(spec.alpha)})\n` };
    case 'polynomial_decay':
    case 'keras.PolynomialDecay':
      if (!spec.cycle) {
        const lr = spec.kind === 'polynomial_decay' ? spec.learning_rate : spec.initial_learning_rate;
        return { native: true, note: F32, code: `${head}schedule = optax.polynomial_schedule(init_value=${lit(lr)}, end_value=${lit(spec.end_learning_rate)}, power=${lit(spec.power)}, transition_steps=${lit(spec.decay_steps)})\n` };
      }
      break;
    default:
      break;
  }
  if (usesNoise(spec)) return noEquivalent('optax', spec, 'its noise cannot be replayed under jit');
  const body = formulaBody(spec);
  return {
    native: false,
    note: `optax has no schedule for ${spec.kind} with these semantics: the exact formula on jax.numpy.`,
    code: `import jax
import jax.numpy as jnp

jax.config.update("jax_enable_x64", True)  # the formula is float64, as lrscope evaluates it

${prelude('jax', spec)}

def schedule(count):
    k = jnp.asarray(count, dtype=jnp.float64)
${indent(body.lines)}    return ${body.result}
`,
  };
}
