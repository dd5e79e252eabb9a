// Python source helpers shared by the export targets: literals, keyword arguments read from the
// kinds' parameter types (PyTorch refuses a float T_0), and the per-library helper preludes that
// the exact formula (formula.ts) is written against.
import { KIND_INFOS } from '../spec';
import { formula, lit, PyLines } from './formula';
import type { ScheduleSpec, TorchChildSpec } from '../spec';

export { lit };

/** A JSON-ish value as a Python literal; integer parameters stay ints. */
export function py(value: unknown, integer = false): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return integer && Number.isInteger(value) ? String(value) : lit(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => py(v, integer)).join(', ')}]`;
  return JSON.stringify(value);
}

const PARAM_TYPES = new Map(KIND_INFOS.map((k) => [k.kind, new Map(k.params.map((p) => [p.name, p.type]))]));

/** `name=value, …` for a spec's parameters, renamed and filtered. */
export function kwargs(specObject: object, opts: { skip?: string[]; rename?: Record<string, string>; skipNull?: boolean } = {}): string {
  const spec = specObject as Record<string, unknown>;
  const types = PARAM_TYPES.get(String(spec.kind));
  return Object.entries(spec)
    .filter(([k, v]) => k !== 'kind' && !(opts.skip ?? []).includes(k) && !(opts.skipNull && v === null))
    .map(([k, v]) => {
      const type = types?.get(k);
      return `${opts.rename?.[k] ?? k}=${py(v, type === 'integer' || type === 'integer[]')}`;
    })
    .join(', ');
}

export type Dialect = 'numpy' | 'keras' | 'tf' | 'jax';

/** Helpers the formula calls, for one array library. Transcendentals in float64 then rounded, as the engine does. */
const PRELUDES: Record<Dialect, string[]> = {
  numpy: [
    '_r32 = np.float32',
    '_where, _floor, _ceil, _min, _max = np.where, np.floor, np.ceil, np.minimum, np.maximum',
    'def _cos(x): return np.cos(np.float64(x))',
    'def _log(x): return np.log(np.float64(x))',
    'def _sqrt(x): return np.sqrt(np.float64(x))',
    'def _pow(a, b): return np.power(np.float64(a), np.float64(b))',
  ],
  keras: [
    'def _r32(x): return ops.cast(x, "float32")',
    'def _f64(x): return ops.cast(x, "float64")',
    'def _where(c, a, b): return ops.where(c, _f64(a), _f64(b))',
    '_floor, _ceil, _min, _max = ops.floor, ops.ceil, ops.minimum, ops.maximum',
    '_cos, _log, _sqrt, _pow = ops.cos, ops.log, ops.sqrt, ops.power',
  ],
  tf: [
    'def _r32(x): return tf.cast(x, tf.float32)',
    'def _f64(x): return tf.cast(x, tf.float64)',
    'def _where(c, a, b): return tf.where(c, _f64(a), _f64(b))',
    'def _min(a, b): return tf.minimum(a, tf.cast(b, a.dtype))',
    'def _max(a, b): return tf.maximum(a, tf.cast(b, a.dtype))',
    'def _pow(a, b): return tf.pow(tf.cast(a, tf.float64), tf.cast(b, tf.float64))',
    '_floor, _ceil, _cos, _log, _sqrt = tf.floor, tf.math.ceil, tf.cos, tf.math.log, tf.sqrt',
  ],
  jax: [
    '_r32 = jnp.float32',
    '_where, _floor, _ceil, _min, _max = jnp.where, jnp.floor, jnp.ceil, jnp.minimum, jnp.maximum',
    '_cos, _log, _sqrt, _pow = jnp.cos, jnp.log, jnp.sqrt, jnp.power',
  ],
};

/** lrscope's noise (src-shared/schedule/noise.ts) in Python: counter-based, so any step can be replayed. */
const NOISE = `def _normal_quantile(p):
    a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
    b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
    c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
    d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]
    def tail(q): return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    if p < 0.02425: return tail(math.sqrt(-2 * math.log(p)))
    if p > 1 - 0.02425: return -tail(math.sqrt(-2 * math.log(1 - p)))
    q = p - 0.5
    t = q * q
    return ((((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5]) * q) / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1)

_QUANTILES = [_normal_quantile((i + 0.5) / 4097) for i in range(4097)]

def _imul(a, b): return (a * b) & 0xFFFFFFFF

def _noise(seed, step):
    step = int(step)
    h = _imul(seed ^ 0x9E3779B9, 0x85EBCA6B) ^ (step & 0xFFFFFFFF)
    h = _imul(h ^ (h >> 16), 0x85EBCA6B) ^ _imul(step // 4294967296, 0x27D4EB2D)
    h = _imul(h ^ (h >> 13), 0xC2B2AE35)
    h = (h ^ (h >> 16)) & 0xFFFFFFFF
    i, frac = h >> 20, (h & 0xFFFFF) / 1048576
    return np.float32(_QUANTILES[i] + (_QUANTILES[i + 1] - _QUANTILES[i]) * frac)`;

export function usesNoise(spec: unknown): boolean {
  return JSON.stringify(spec).includes('"noisy_linear_cosine_decay"');
}

export function prelude(dialect: Dialect, spec: ScheduleSpec): string {
  const lines = [...PRELUDES[dialect]];
  if (usesNoise(spec)) lines.push(NOISE);
  return lines.join('\n');
}

/** The body of a Python function computing the rate from `k` (a float step), indented four spaces. */
export function formulaBody(spec: ScheduleSpec | TorchChildSpec, k = 'k'): { lines: string[]; result: string } {
  const out = new PyLines();
  const result = formula(spec, k, out);
  return { lines: out.lines, result };
}

/** Lines indented, each ending with a newline (nothing for no lines). */
export function indent(lines: string[], by = '    '): string {
  return lines.map((l) => `${by}${l}\n`).join('');
}
