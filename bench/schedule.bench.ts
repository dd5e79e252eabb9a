// Schedule engine bench: npx tsx bench/schedule.bench.ts
// - every kind over 10,000,000 steps into a typed array (target: >= 20 M steps/s), against the
//   straightforward port (one Math.fround per op, Math.pow/log/cos per step) in this process,
//   and checked bit for bit against it;
// - a 2,000-point preview over the whole range (target: < 0.5 ms);
// - events over 10,000,000 steps (target: < 1 ms; proportional to the number of events), for
//   the cases above and for schedules with about 10,000 events (EVENT_CASES); the slowest case
//   of each kind is reported with its event count.
import os from 'node:os';
import { parseSpec, evaluate, events, preview, type ScheduleSpecInput, type ScheduleSpec } from '../src-shared/schedule/index';
import { compile } from '../src-shared/schedule/compile';

const N = 10_000_000;
const D = N; // continuous decays span the whole range, so no step is a constant tail

const CASES: ScheduleSpecInput[] = [
  { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 100_000, decay_rate: 0.96 },
  { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.999, staircase: true },
  { kind: 'piecewise_constant', boundaries: [1_000_000, 3_000_000, 6_000_000, 9_000_000], values: [0.1, 0.05, 0.01, 0.005, 0.001] },
  { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: D, power: 0.5 },
  { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 100_000, power: 2, cycle: true },
  { kind: 'natural_exp_decay', learning_rate: 0.1, decay_steps: 1_000_000, decay_rate: 0.5 },
  { kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.5 },
  { kind: 'cosine_decay', learning_rate: 0.1, decay_steps: D, alpha: 0.01 },
  { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 10_000, t_mul: 1.5, m_mul: 0.9, alpha: 0.01 },
  { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 10_000, t_mul: 1.0 },
  { kind: 'linear_cosine_decay', learning_rate: 0.1, decay_steps: D, num_periods: 20 },
  { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: D, num_periods: 20, initial_variance: 0.01 },
  { kind: 'keras.ExponentialDecay', initial_learning_rate: 0.1, decay_steps: 100_000, decay_rate: 0.96 },
  { kind: 'keras.PiecewiseConstantDecay', boundaries: [1_000_000, 5_000_000], values: [0.1, 0.01, 0.001] },
  { kind: 'keras.PolynomialDecay', initial_learning_rate: 0.1, decay_steps: D, power: 1 },
  { kind: 'keras.InverseTimeDecay', initial_learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.5 },
  { kind: 'keras.CosineDecay', initial_learning_rate: 0, decay_steps: D - 100_000, warmup_target: 0.1, warmup_steps: 100_000 },
  { kind: 'keras.CosineDecayRestarts', initial_learning_rate: 0.1, first_decay_steps: 10_000 },
  { kind: 'torch.StepLR', lr: 0.1, step_size: 30_000 },
  { kind: 'torch.MultiStepLR', lr: 0.1, milestones: [3_000_000, 8_000_000] },
  { kind: 'torch.ExponentialLR', lr: 0.1, gamma: 0.9999999 },
  { kind: 'torch.CosineAnnealingLR', lr: 0.1, T_max: N },
  { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 10_000, T_mult: 2 },
  { kind: 'torch.OneCycleLR', max_lr: 0.1, total_steps: N },
  { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_up: 20_000, mode: 'exp_range', gamma: 0.9999999 },
  { kind: 'torch.PolynomialLR', lr: 0.1, total_iters: N, power: 2 },
  { kind: 'torch.LinearLR', lr: 0.1, start_factor: 0.01, total_iters: N },
  { kind: 'torch.ConstantLR', lr: 0.1, factor: 0.5, total_iters: 5_000_000 },
  { kind: 'torch.SequentialLR', lr: 0.1, milestones: [100_000], schedulers: [{ kind: 'torch.LinearLR', start_factor: 0.01, total_iters: 100_000 }, { kind: 'torch.CosineAnnealingLR', T_max: N }] },
  { kind: 'warmup', warmup_steps: 100_000, after: { kind: 'cosine_decay', learning_rate: 0.1, decay_steps: D } },
  { kind: 'hf.inverse_sqrt', lr: 0.001, num_warmup_steps: 4000, timescale: null },
];

// About 10,000 stairs, restarts or cycles in 10 M steps (1,000-step periods), the worst case
// for events() that the CASES above do not reach.
const steps1000 = Array.from({ length: 10_000 }, (_, i) => (i + 1) * 1000);
const EVENT_CASES: ScheduleSpecInput[] = [
  { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.999, staircase: true, dtype: 'float64' },
  { kind: 'natural_exp_decay', learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.001, staircase: true },
  { kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.5, staircase: true },
  { kind: 'piecewise_constant', boundaries: steps1000, values: [1, ...steps1000.map((b) => 1000 / b)] },
  { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 1000, power: 0.7, cycle: true },
  { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 1000, t_mul: 1, m_mul: 0.9999 },
  { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 1, t_mul: 1.001, m_mul: 0.9999 },
  { kind: 'keras.ExponentialDecay', initial_learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.999, staircase: true },
  { kind: 'keras.PolynomialDecay', initial_learning_rate: 0.1, decay_steps: 1000, power: 2, cycle: true },
  { kind: 'keras.CosineDecayRestarts', initial_learning_rate: 0.1, first_decay_steps: 1000, t_mul: 1, m_mul: 0.9999 },
  { kind: 'torch.StepLR', lr: 0.1, step_size: 1000, gamma: 0.999 },
  { kind: 'torch.MultiStepLR', lr: 0.1, milestones: steps1000, gamma: 0.999 },
  { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 1000 },
  { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_up: 500 },
  { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_up: 500, mode: 'exp_range', gamma: 0.9999999 },
  { kind: 'torch.SequentialLR', lr: 0.1, milestones: [1000], schedulers: [{ kind: 'torch.LinearLR', total_iters: 1000 }, { kind: 'torch.StepLR', step_size: 1000, gamma: 0.999 }] },
  { kind: 'warmup', warmup_steps: 1000, after: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.999, staircase: true } },
];

function parsed(input: ScheduleSpecInput): ScheduleSpec {
  const r = parseSpec(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.spec;
}

const isTf = (kind: string) => !kind.startsWith('torch.') && kind !== 'hf.inverse_sqrt' && kind !== 'warmup';

/** Best of `runs` wall times in ms. */
function time(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function labelOf(spec: ScheduleSpec): string {
  return `${spec.kind}${'staircase' in spec && spec.staircase ? ' (staircase)' : ''}${'cycle' in spec && spec.cycle ? ' (cycle)' : ''}${'t_mul' in spec ? ` (t_mul ${spec.t_mul})` : ''}${'dtype' in spec && spec.dtype === 'float64' ? ' float64' : ''}`;
}

const rows: string[][] = [];
let failures = 0;
for (const input of CASES) {
  const spec = parsed(input);
  const tf = isTf(spec.kind) && !('dtype' in spec && spec.dtype === 'float64');
  const fast = tf ? new Float32Array(N) : new Float64Array(N);
  const naive = tf ? new Float32Array(N) : new Float64Array(N);
  const curve = compile(spec);
  const fastMs = time(3, () => evaluate(spec, 0, N, fast));
  const naiveMs = time(1, () => { for (let s = 0; s < N; s++) naive[s] = curve.at(s); });
  let mismatches = 0;
  for (let s = 0; s < N; s++) if (!Object.is(fast[s], naive[s])) mismatches++;
  const mps = N / fastMs / 1000;
  const ok = mps >= 20 && mismatches === 0;
  if (!ok) failures++;
  rows.push([labelOf(spec), mps.toFixed(1), (N / naiveMs / 1000).toFixed(1), (naiveMs / fastMs).toFixed(1) + '×', mismatches === 0 ? 'bit-exact' : `${mismatches} differ`, ok ? 'ok' : 'FAIL']);
}

// 2,000-point previews over the whole range, every kind; the slowest counts.
let worstPreview = 0, worstPreviewKind = '';
for (const input of CASES) {
  const spec = parsed(input);
  for (let i = 0; i < 50; i++) preview(spec, 0, N); // let the JIT settle, as in a live preview
  const ms = time(20, () => preview(spec, 0, N, 2000));
  if (ms > worstPreview) { worstPreview = ms; worstPreviewKind = spec.kind; }
}

// Events over 10,000,000 steps for the kinds that have them: the slowest case of each kind.
const worstEvents = new Map<string, { label: string; count: number; ms: number }>();
for (const input of [...CASES, ...EVENT_CASES]) {
  const spec = parsed(input);
  const count = events(spec, 0, N).length;
  if (count === 0) continue;
  for (let i = 0; i < 20; i++) events(spec, 0, N); // let the JIT settle
  const ms = time(20, () => events(spec, 0, N));
  const prev = worstEvents.get(spec.kind);
  if (!prev || ms > prev.ms) worstEvents.set(spec.kind, { label: labelOf(spec), count, ms });
}
const eventRows = [...worstEvents.values()].map((w) => [w.label, String(w.count), w.ms.toFixed(3), (w.ms * 1e6 / w.count).toFixed(0), w.ms < 1 ? 'ok' : 'over 1 ms']);

function print(headers: string[], body: string[][]): void {
  const all = [headers, ...body];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  for (const r of all) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
}

console.log(`schedule bench: ${os.cpus()[0]?.model ?? 'unknown cpu'} (${os.cpus().length} cores), node ${process.version}, ${N.toLocaleString('en')} steps\n`);
print(['kind', 'M steps/s', 'naive M/s', 'speedup', 'vs naive', '>= 20 M/s'], rows);
console.log(`\n2,000-point preview over 0..${N}: slowest ${worstPreview.toFixed(3)} ms (${worstPreviewKind}) ${worstPreview < 0.5 ? 'ok' : 'over 0.5 ms'}\n`);
print(['events over 10 M steps (slowest case per kind)', 'events', 'ms', 'ns/event', '< 1 ms'], eventRows);
if (failures > 0) {
  console.log(`\n${failures} kind(s) below 20 M steps/s or not bit-exact`);
  process.exitCode = 1;
}
