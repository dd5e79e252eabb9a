// The exact formula of any schedule as Python source: what an export emits where the target
// library has no class for the schedule (a PyTorch LambdaLR, a Keras LearningRateSchedule, a
// TensorFlow 1 graph, an optax callable). It is written once, in terms of a few helpers
// (_r32, _cos, _where, …) that each target's prelude defines for its array library (numpy,
// keras.ops, tf, jax.numpy), so every target runs the same operations in the same order as the
// engine (tf.ts, keras.ts, torch.ts, warmup.ts; those files cite the libraries' sources).
//
// Float32 kinds round after every operation (`_r32`), as TensorFlow does; constants the engine
// computes once (pi as float32, 1 - alpha, exp(-decay_rate)) are printed as exact literals.
import { compile } from '../compile';
import { naturalExpRate } from '../tf';
import type { ScheduleSpec, TorchChildSpec } from '../spec';

/** A Python float literal that reads back as exactly this double (JS and Python print the shortest round-trip form). */
export function lit(x: number): string {
  if (Number.isNaN(x)) return 'float("nan")';
  if (x === Infinity) return 'float("inf")';
  if (x === -Infinity) return '-float("inf")';
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** Python statements assigning fresh names; the formula is their last expression. */
export class PyLines {
  readonly lines: string[] = [];
  private n = 0;
  let(expr: string, hint = 'v'): string {
    const name = `${hint}${this.n++}`;
    this.lines.push(`${name} = ${expr}`);
    return name;
  }
}

type Dtype = 'float32' | 'float64';
type R = (e: string) => string;
const rounder = (dtype: Dtype): R => (dtype === 'float32' ? (e) => `_r32(${e})` : (e) => `(${e})`);
const f32 = Math.fround;
const c = (dtype: Dtype, x: number) => lit(dtype === 'float32' ? f32(x) : x);

/** The rate at float step variable `k` (an integer value >= 0), as a Python expression over `out`'s names. */
export function formula(spec: ScheduleSpec | TorchChildSpec, k: string, out: PyLines, lr?: number): string {
  switch (spec.kind) {
    case 'exponential_decay':
      return exponential(out, k, spec.learning_rate, spec.decay_steps, spec.decay_rate, spec.staircase, spec.dtype);
    case 'keras.ExponentialDecay':
      return exponential(out, k, spec.initial_learning_rate, spec.decay_steps, spec.decay_rate, spec.staircase, spec.dtype);
    case 'natural_exp_decay':
      return exponential(out, k, spec.learning_rate, spec.decay_steps, naturalExpRate(spec.decay_rate), spec.staircase, spec.dtype);
    case 'piecewise_constant':
    case 'keras.PiecewiseConstantDecay':
      return piecewise(out, k, spec.boundaries, spec.values, spec.dtype);
    case 'polynomial_decay':
      return polynomial(out, k, spec.learning_rate, spec.decay_steps, spec.end_learning_rate, spec.power, spec.cycle, spec.dtype);
    case 'keras.PolynomialDecay':
      return polynomial(out, k, spec.initial_learning_rate, spec.decay_steps, spec.end_learning_rate, spec.power, spec.cycle, spec.dtype);
    case 'inverse_time_decay':
      return inverseTime(out, k, spec.learning_rate, spec.decay_steps, spec.decay_rate, spec.staircase, spec.dtype);
    case 'keras.InverseTimeDecay':
      return inverseTime(out, k, spec.initial_learning_rate, spec.decay_steps, spec.decay_rate, spec.staircase, spec.dtype);
    case 'cosine_decay':
      return cosine(out, k, spec.learning_rate, spec.decay_steps, spec.alpha, null, 0, spec.dtype);
    case 'keras.CosineDecay':
      return cosine(out, k, spec.initial_learning_rate, spec.decay_steps, spec.alpha, spec.warmup_target, spec.warmup_steps, spec.dtype);
    case 'cosine_decay_restarts':
      return restarts(out, k, spec.learning_rate, spec.first_decay_steps, spec.t_mul, spec.m_mul, spec.alpha, spec.dtype);
    case 'keras.CosineDecayRestarts':
      return restarts(out, k, spec.initial_learning_rate, spec.first_decay_steps, spec.t_mul, spec.m_mul, spec.alpha, spec.dtype);
    case 'linear_cosine_decay':
      return linearCosine(out, k, spec, null);
    case 'noisy_linear_cosine_decay':
      return linearCosine(out, k, spec, spec);
    case 'torch.OneCycleLR': return oneCycle(out, k, spec);
    case 'torch.CyclicLR': return cyclic(out, k, spec);
    case 'torch.SequentialLR': return sequential(out, k, spec);
    case 'hf.inverse_sqrt': {
      const ts = spec.timescale ?? (spec.num_warmup_steps || 10_000);
      const shift = ts - spec.num_warmup_steps;
      const w = spec.num_warmup_steps;
      // transformers/optimization.py, _get_inverse_sqrt_schedule_lr_lambda
      return `${lit(spec.lr)} * _where(${k} < ${lit(w)}, ${k} / ${lit(Math.max(1, w))}, 1.0 / _sqrt((${k} + ${lit(shift)}) / ${lit(ts)}))`;
    }
    case 'warmup': {
      const target = compile(spec.after).at(0);
      const W = spec.warmup_steps;
      const after = formula(spec.after, out.let(`_max(${k} - ${lit(W)}, 0.0)`, 'k'), out);
      // warmup.ts: start_lr + (target - start_lr) * (step / warmup_steps), then `after` at step - warmup_steps
      const ramp = W > 0 ? `${lit(spec.start_lr)} + ${lit(target - spec.start_lr)} * (${k} / ${lit(W)})` : after;
      return `_where(${k} < ${lit(W)}, ${ramp}, ${after})`;
    }
    default:
      return torchChild(out, k, spec, 'lr' in spec ? spec.lr : lr!);
  }
}

function exponential(out: PyLines, k: string, lr: number, D: number, rate: number, staircase: boolean, dtype: Dtype): string {
  const r = rounder(dtype);
  let p = out.let(r(`${r(k)} / ${c(dtype, D)}`), 'p');
  if (staircase) p = out.let(`_floor(${p})`, 'p');
  return r(`${c(dtype, lr)} * ${r(`_pow(${c(dtype, rate)}, ${p})`)}`);
}

function piecewise(out: PyLines, k: string, boundaries: readonly number[], values: readonly number[], dtype: Dtype): string {
  // A step equal to a boundary keeps the earlier value (PiecewiseConstantDecay: step <= b).
  let v = out.let(c(dtype, values[values.length - 1]), 'v');
  for (let i = boundaries.length - 1; i >= 0; i--) v = out.let(`_where(${k} <= ${lit(boundaries[i])}, ${c(dtype, values[i])}, ${v})`, 'v');
  return v;
}

function polynomial(out: PyLines, k: string, lr: number, decaySteps: number, endLr: number, power: number, cycle: boolean, dtype: Dtype): string {
  const r = rounder(dtype);
  const L = dtype === 'float32' ? f32(lr) : lr, E = dtype === 'float32' ? f32(endLr) : endLr, D = c(dtype, decaySteps);
  const x = out.let(cycle ? r(k) : `_min(${r(k)}, ${D})`, 'x');
  const Dc = cycle ? out.let(r(`${D} * _where(${x} == 0, 1.0, _ceil(${r(`${x} / ${D}`)}))`), 'd') : D;
  const q = out.let(r(`1.0 - ${r(`${x} / ${Dc}`)}`), 'q');
  const LE = lit(dtype === 'float32' ? f32(L - E) : L - E);
  return r(`${r(`${LE} * ${r(`_pow(${q}, ${c(dtype, power)})`)}`)} + ${lit(E)}`);
}

function inverseTime(out: PyLines, k: string, lr: number, D: number, rate: number, staircase: boolean, dtype: Dtype): string {
  const r = rounder(dtype);
  let p = out.let(r(`${r(k)} / ${c(dtype, D)}`), 'p');
  if (staircase) p = out.let(`_floor(${p})`, 'p');
  return r(`${c(dtype, lr)} / ${r(`1.0 + ${r(`${c(dtype, rate)} * ${p}`)}`)}`);
}

/** tf.ts cosineDecayValue: the cosine part decaying from `from`. */
function cosinePart(out: PyLines, x: string, D: string, from: string, alpha: number, dtype: Dtype): string {
  const r = rounder(dtype);
  const PI = c(dtype, Math.PI);
  const cf = out.let(r(`${x} / ${D}`), 'cf');
  const cd = out.let(r(`0.5 * ${r(`1.0 + ${r(`_cos(${r(`${PI} * ${cf}`)})`)}`)}`), 'cd');
  return r(`${from} * ${r(`${r(`${c(dtype, 1 - alpha)} * ${cd}`)} + ${c(dtype, alpha)}`)}`);
}

function cosine(out: PyLines, k: string, lr: number, decaySteps: number, alpha: number, warmupTarget: number | null, warmupSteps: number, dtype: Dtype): string {
  const r = rounder(dtype);
  const D = c(dtype, decaySteps), L = c(dtype, lr);
  if (warmupTarget === null) return cosinePart(out, out.let(`_min(${r(k)}, ${D})`, 'x'), D, L, alpha, dtype);
  // keras.ts: warmup from initial_learning_rate to warmup_target, then the cosine from warmup_target.
  const WS = c(dtype, warmupSteps), WT = c(dtype, warmupTarget);
  const x = out.let(`_min(${r(k)}, ${c(dtype, decaySteps + warmupSteps)})`, 'x');
  const warm = r(`${r(`${c(dtype, (dtype === 'float32' ? f32(warmupTarget) - f32(lr) : warmupTarget - lr))} * ${r(`${x} / ${WS}`)}`)} + ${L}`);
  const decay = cosinePart(out, out.let(`_max(${r(`${x} - ${WS}`)}, 0.0)`, 'x'), D, WT, alpha, dtype);
  return `_where(${x} < ${WS}, ${warm}, ${decay})`;
}

function restarts(out: PyLines, k: string, lr: number, firstDecaySteps: number, tMul: number, mMul: number, alpha: number, dtype: Dtype): string {
  const r = rounder(dtype);
  const rv = (x: number) => (dtype === 'float32' ? f32(x) : x);
  const T = rv(tMul), AL = rv(alpha);
  const cf = out.let(r(`${r(k)} / ${c(dtype, firstDecaySteps)}`), 'cf');
  const PI = c(dtype, Math.PI);
  let i: string, within: string;
  if (T !== 1) {
    const oneMinusT = rv(1 - T), logT = rv(Math.log(T));
    // i_restart = floor(log(1 - completed_fraction * (1 - t_mul)) / log(t_mul))
    i = out.let(`_floor(${r(`${r(`_log(${r(`1.0 - ${r(`${cf} * ${lit(oneMinusT)}`)}`)})`)} / ${lit(logT)}`)})`, 'i');
    const tPow = out.let(r(`_pow(${lit(T)}, ${i})`), 't');
    const sumR = out.let(r(`${r(`1.0 - ${tPow}`)} / ${lit(oneMinusT)}`), 's');
    within = out.let(r(`${r(`${cf} - ${sumR}`)} / ${tPow}`), 'w');
  } else {
    i = out.let(`_floor(${cf})`, 'i');
    within = out.let(r(`${cf} - ${i}`), 'w');
  }
  const half = out.let(r(`0.5 * ${r(`_pow(${c(dtype, mMul)}, ${i})`)}`), 'h');
  const cd = out.let(r(`${half} * ${r(`1.0 + ${r(`_cos(${r(`${PI} * ${within}`)})`)}`)}`), 'cd');
  return r(`${c(dtype, lr)} * ${r(`${r(`${lit(rv(1 - AL))} * ${cd}`)} + ${lit(AL)}`)}`);
}

interface LinearCosine { learning_rate: number; decay_steps: number; num_periods: number; alpha: number; beta: number; dtype: Dtype }
interface NoiseParams { initial_variance: number; variance_decay: number; seed: number }

function linearCosine(out: PyLines, k: string, s: LinearCosine, noise: NoiseParams | null): string {
  const { dtype } = s;
  const r = rounder(dtype);
  const D = c(dtype, s.decay_steps);
  const x = out.let(`_min(${r(k)}, ${D})`, 'x');
  let linear = out.let(r(`${r(`${D} - ${x}`)} / ${D}`), 'lin');
  if (noise) {
    // lrscope's reproducible noise (noise.ts), not TensorFlow's random stream: `_noise` in the prelude.
    const std = r(`_sqrt(${r(`${c(dtype, noise.initial_variance)} / ${r(`_pow(${r(`1.0 + ${x}`)}, ${c(dtype, noise.variance_decay)})`)}`)})`);
    linear = out.let(r(`${linear} + ${r(`${std} * _noise(${noise.seed}, ${k})`)}`), 'lin');
  }
  const twoNP = lit(dtype === 'float32' ? f32(2 * f32(s.num_periods)) : 2 * s.num_periods);
  const cd = out.let(r(`0.5 * ${r(`1.0 + ${r(`_cos(${r(`${c(dtype, Math.PI)} * ${r(`${twoNP} * ${r(`${x} / ${D}`)}`)}`)})`)}`)}`), 'cd');
  return r(`${c(dtype, s.learning_rate)} * ${r(`${r(`${r(`${c(dtype, s.alpha)} + ${linear}`)} * ${cd}`)} + ${c(dtype, s.beta)}`)}`);
}

/** The PyTorch classes' closed forms (torch.ts), float64. */
function torchChild(out: PyLines, k: string, s: TorchChildSpec, lr: number): string {
  const L = lit(lr);
  switch (s.kind) {
    case 'torch.StepLR': return `${L} * _pow(${lit(s.gamma)}, _floor(${k} / ${lit(s.step_size)}))`;
    case 'torch.MultiStepLR': {
      const passed = s.milestones.length ? s.milestones.map((m) => `_where(${k} >= ${lit(m)}, 1.0, 0.0)`).join(' + ') : '0.0';
      return `${L} * _pow(${lit(s.gamma)}, ${out.let(passed, 'n')})`;
    }
    case 'torch.ExponentialLR': return `${L} * _pow(${lit(s.gamma)}, ${k})`;
    case 'torch.CosineAnnealingLR':
      return `${lit(s.eta_min)} + ((${lit(lr - s.eta_min)}) * (1.0 + _cos((${lit(Math.PI)} * ${k}) / ${lit(s.T_max)}))) / 2.0`;
    case 'torch.CosineAnnealingWarmRestarts': {
      const T0 = s.T_0, m = s.T_mult;
      let start: string, length: string;
      if (m === 1) {
        const i = out.let(`_floor(${k} / ${lit(T0)})`, 'i');
        start = out.let(`${lit(T0)} * ${i}`, 'st');
        length = lit(T0);
      } else {
        // period i starts at T_0 (T_mult^i - 1) / (T_mult - 1); the log's guess corrected by integer comparisons
        const startOf = (i: string) => `(${lit(T0)} * (_pow(${lit(m)}, ${i}) - 1.0)) / ${lit(m - 1)}`;
        let i = out.let(`_max(0.0, _floor(_log((${k} / ${lit(T0)}) * ${lit(m - 1)} + 1.0) / ${lit(Math.log(m))}) - 1.0)`, 'i');
        for (let j = 0; j < 3; j++) i = out.let(`_where(${startOf(`${i} + 1.0`)} <= ${k}, ${i} + 1.0, ${i})`, 'i');
        start = out.let(startOf(i), 'st');
        length = out.let(`${lit(T0)} * _pow(${lit(m)}, ${i})`, 'ti');
      }
      return `${lit(s.eta_min)} + ((${lit(lr - s.eta_min)}) * (1.0 + _cos((${lit(Math.PI)} * (${k} - ${start})) / ${length}))) / 2.0`;
    }
    case 'torch.PolynomialLR': return `${L} * _pow(1.0 - _min(${lit(s.total_iters)}, ${k}) / ${lit(s.total_iters)}, ${lit(s.power)})`;
    case 'torch.LinearLR':
      return `${L} * (${lit(s.start_factor)} + (${lit(s.end_factor - s.start_factor)} * _min(${lit(s.total_iters)}, ${k})) / ${lit(s.total_iters)})`;
    case 'torch.ConstantLR':
      return `${L} * (${lit(s.factor)} + _where(${k} >= ${lit(s.total_iters)}, 1.0, 0.0) * ${lit(1 - s.factor)})`;
  }
}

function oneCycle(out: PyLines, k: string, o: Extract<ScheduleSpec, { kind: 'torch.OneCycleLR' }>): string {
  const total = o.total_steps ?? (o.epochs ?? 0) * (o.steps_per_epoch ?? 0);
  const initial = o.max_lr / o.div_factor, min = initial / o.final_div_factor;
  const phases = o.three_phase
    ? [{ end: o.pct_start * total - 1, from: initial, to: o.max_lr }, { end: 2 * o.pct_start * total - 2, from: o.max_lr, to: initial }, { end: total - 1, from: initial, to: min }]
    : [{ end: o.pct_start * total - 1, from: initial, to: o.max_lr }, { end: total - 1, from: o.max_lr, to: min }];
  // OneCycleLR.get_lr: the first phase whose end_step the step does not pass; cos or linear annealing.
  const anneal = (start: number, end: number, pct: string) => (o.anneal_strategy === 'cos'
    ? `${lit(end)} + ${lit((start - end) / 2.0)} * (_cos(${lit(Math.PI)} * ${pct}) + 1.0)`
    : `${lit(end - start)} * ${pct} + ${lit(start)}`);
  let v = 'float("nan")';
  for (let i = phases.length - 1; i >= 0; i--) {
    const start = i === 0 ? 0 : phases[i - 1].end;
    const value = anneal(phases[i].from, phases[i].to, `((${k} - ${lit(start)}) / ${lit(phases[i].end - start)})`);
    v = out.let(i === phases.length - 1 ? `_where(${k} > ${lit(total)}, float("nan"), ${value})` : `_where(${k} <= ${lit(phases[i].end)}, ${value}, ${v})`, 'v');
  }
  return v;
}

function cyclic(out: PyLines, k: string, o: Extract<ScheduleSpec, { kind: 'torch.CyclicLR' }>): string {
  const up = o.step_size_up, down = o.step_size_down ?? o.step_size_up;
  const total = up + down, ratio = up / total;
  // CyclicLR.get_lr: cycle = floor(1 + k / total_size), x = 1 + k / total_size - cycle
  const cycle = out.let(`_floor(1.0 + ${k} / ${lit(total)})`, 'cy');
  const x = out.let(`1.0 + ${k} / ${lit(total)} - ${cycle}`, 'x');
  const sf = out.let(`_where(${x} <= ${lit(ratio)}, ${x} / ${lit(ratio)}, (${x} - 1.0) / ${lit(ratio - 1)})`, 'sf');
  const scale = o.mode === 'triangular' ? '1.0' : o.mode === 'triangular2' ? `1.0 / _pow(2.0, ${cycle} - 1.0)` : `_pow(${lit(o.gamma)}, ${k})`;
  return `${lit(o.base_lr)} + ${lit(o.max_lr - o.base_lr)} * ${sf} * ${scale}`;
}

function sequential(out: PyLines, k: string, s: Extract<ScheduleSpec, { kind: 'torch.SequentialLR' }>): string {
  // SequentialLR: scheduler i runs from milestones[i - 1] on, restarted at its own step 0.
  const starts = [0, ...s.milestones];
  const values = s.schedulers.map((child, i) => formula(child, out.let(`_max(${k} - ${lit(starts[i])}, 0.0)`, 'k'), out, s.lr));
  let v = out.let(values[values.length - 1], 'v');
  for (let i = values.length - 2; i >= 0; i--) v = out.let(`_where(${k} < ${lit(starts[i + 1])}, ${values[i]}, ${v})`, 'v');
  return v;
}
