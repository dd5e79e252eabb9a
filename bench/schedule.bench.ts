// Schedule engine bench: npx tsx bench/schedule.bench.ts [--quick]   (--quick: 1,000,000 steps)
// - every kind over 10,000,000 steps into a typed array (target: >= 20 M steps/s), against the
//   straightforward port (one Math.fround per op, Math.pow/log/cos per step) run alternately in
//   this process, and checked bit for bit against it;
// - a 2,000-point preview over the whole range (target: < 0.5 ms);
// - events over 10,000,000 steps (target: < 1 ms; proportional to the number of events), for
//   the cases above and for schedules with about 10,000 events (EVENT_CASES); the slowest case
//   of each kind is reported with its event count;
// - where Debian's python3-numpy and python3-torch are installed (/usr/bin/python3), the same
//   schedules as TensorFlow writes them, vectorised in numpy float32, and PyTorch's own scheduler
//   class stepped once per step (scheduler.step()), alternately with lrscope in the same run
//   (bench/schedule_ref.py), with the ratios and how far the curves agree.
// Every figure: the median of ROUNDS runs after a warm-up, with min–max (bench/lib/measure.ts).
import { spawn, spawnSync as spawnSyncImpl } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { alternate, median, meets, quick, report, ROUNDS, sample, spread, type Row } from './lib/measure';
import { parseSpec, evaluate, events, preview, type ScheduleSpecInput, type ScheduleSpec } from '../src-shared/schedule/index';
import { compile } from '../src-shared/schedule/compile';

const N = quick ? 1_000_000 : 10_000_000;
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

function labelOf(spec: ScheduleSpec): string {
  return `${spec.kind}${'staircase' in spec && spec.staircase ? ' (staircase)' : ''}${'cycle' in spec && spec.cycle ? ' (cycle)' : ''}${'t_mul' in spec ? ` (t_mul ${spec.t_mul})` : ''}${'dtype' in spec && spec.dtype === 'float64' ? ' float64' : ''}`;
}

/** Rates in M steps/s from times in ms over `steps` steps. */
const rates = (ms: number[], steps = N) => ms.map((t) => steps / t / 1000);

const out = report(
  `Schedule engine (\`npx tsx bench/schedule.bench.ts${quick ? ' --quick' : ''}\`)`,
  `Every kind over ${N.toLocaleString('en')} steps into a typed array; baseline: the straightforward port (Math.fround per op, Math.pow/log/cos per step), alternately, and checked bit for bit.`,
);
const rows: Row[] = [];
let failures = 0;
for (const input of CASES) {
  const spec = parsed(input);
  const tf = isTf(spec.kind) && !('dtype' in spec && spec.dtype === 'float64');
  const fast = tf ? new Float32Array(N) : new Float64Array(N);
  const naive = tf ? new Float32Array(N) : new Float64Array(N);
  const curve = compile(spec);
  const ms = await alternate({
    fast: () => evaluate(spec, 0, N, fast),
    naive: () => { for (let s = 0; s < N; s++) naive[s] = curve.at(s); },
  });
  let mismatches = 0;
  for (let s = 0; s < N; s++) if (!Object.is(fast[s], naive[s])) mismatches++;
  const mps = N / median(ms.fast) / 1000;
  const ok = mps >= 20 && mismatches === 0;
  if (!ok) failures++;
  rows.push({
    what: labelOf(spec),
    figure: spread(rates(ms.fast), 'M steps/s', 1),
    baseline: `naive ${(N / median(ms.naive) / 1000).toFixed(1)} M/s; ${(median(ms.naive) / median(ms.fast)).toFixed(1)}×; ${mismatches === 0 ? 'bit-exact' : `${mismatches} steps differ`}`,
    requirement: meets(ok, '≥ 20 M steps/s, bit-exact'),
  });
}

// 2,000-point previews over the whole range, every kind; the slowest counts.
let worstPreview: number[] = [0];
let worstPreviewKind = '';
for (const input of CASES) {
  const spec = parsed(input);
  const ms = await sample(() => preview(spec, 0, N, 2000), Math.max(ROUNDS, 21), 50); // warm-up: the JIT settles, as in a live preview
  if (median(ms) > median(worstPreview)) { worstPreview = ms; worstPreviewKind = spec.kind; }
}
rows.push({ what: `2,000-point preview over 0..${N.toLocaleString('en')}, slowest kind (${worstPreviewKind})`, figure: spread(worstPreview, 'ms', 3), requirement: meets(median(worstPreview) < 0.5, '< 0.5 ms') });

// Events over the range for the kinds that have them: the slowest case of each kind.
const worstEvents = new Map<string, { label: string; count: number; ms: number[] }>();
for (const input of [...CASES, ...EVENT_CASES]) {
  const spec = parsed(input);
  const count = events(spec, 0, N).length;
  if (count === 0) continue;
  const ms = await sample(() => events(spec, 0, N), Math.max(ROUNDS, 21), 20);
  const prev = worstEvents.get(spec.kind);
  if (!prev || median(ms) > median(prev.ms)) worstEvents.set(spec.kind, { label: labelOf(spec), count, ms });
}
for (const w of worstEvents.values()) {
  rows.push({ what: `events of ${w.label}: ${w.count.toLocaleString('en')} over ${N.toLocaleString('en')} steps`, figure: spread(w.ms, 'ms', 3), baseline: `${((median(w.ms) * 1e6) / w.count).toFixed(0)} ns/event`, requirement: meets(median(w.ms) < 1, '< 1 ms') });
}


// ---------------------------------------------------------------------------------------------
// lrscope against numpy (vectorised, float32) and PyTorch (scheduler.step() per step), the same
// schedules, alternately in the same run. Python answers one job per line (bench/schedule_ref.py).

const PYTHON = process.env.LRSCOPE_PYTHON ?? '/usr/bin/python3'; // Debian's, with python3-numpy and python3-torch
const TORCH_STEPS = quick ? 10_000 : 50_000;
const SAME_SCHEDULES: { name: string; spec: ScheduleSpecInput; torch: string }[] = [
  { name: 'staircase', spec: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 30_000, decay_rate: 0.5, staircase: true }, torch: 'StepLR(step_size=30000, gamma=0.5)' },
  { name: 'exponential', spec: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 1, decay_rate: 0.9999999 }, torch: 'ExponentialLR(gamma=0.9999999)' },
  { name: 'cosine', spec: { kind: 'cosine_decay', learning_rate: 0.1, decay_steps: N, alpha: 0.01 }, torch: `CosineAnnealingLR(T_max=${N}, eta_min=0.001)` },
];

/** Why numpy and torch cannot be timed here, or null when they can. */
function pythonMissing(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is not installed`;
  const probe = spawnSyncText(PYTHON, ['-c', 'import numpy, torch']);
  return probe === null ? null : `${PYTHON} cannot import numpy and torch (apt-get install python3-numpy python3-torch): ${probe}`;
}

function spawnSyncText(cmd: string, args: string[]): string | null {
  const r = spawnSyncImpl(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? null : (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').at(-1)!;
}

/** Largest relative difference between two curves over their first `n` steps. */
function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const d = a[i] === b[i] ? 0 : Math.abs(a[i]! - b[i]!) / Math.abs(b[i]!);
    if (!(d <= worst)) worst = d;
  }
  return worst;
}

async function againstNumpyAndTorch(rows: Row[]): Promise<string[]> {
  const missing = pythonMissing();
  if (missing) return [`numpy and PyTorch not timed: ${missing}.`];
  const dir = mkdtempSync(join(os.tmpdir(), 'lrscope-schedule-ref-'));
  const python = spawn(PYTHON, [join(import.meta.dirname, 'schedule_ref.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: python.stdout })[Symbol.asyncIterator]();
  const ask = async (job: object) => {
    python.stdin.write(`${JSON.stringify(job)}\n`);
    const line = await answers.next();
    if (line.done) throw new Error('bench/schedule_ref.py ended early');
    return JSON.parse(line.value) as { numpy_ms: number; torch_ms: number; torch_n: number };
  };
  const notes: string[] = [];
  try {
    for (const { name, spec: input, torch } of SAME_SCHEDULES) {
      const spec = parsed(input);
      const ours = new Float32Array(N);
      const numpyMs: number[] = [];
      const torchMs: number[] = [];
      const t = await alternate({
        lrscope: () => evaluate(spec, 0, N, ours),
        python: async () => {
          const r = await ask({ case: name, n: N, torch_n: TORCH_STEPS, out: dir });
          numpyMs.push(r.numpy_ms);
          torchMs.push(r.torch_ms);
          return 0;
        },
      });
      numpyMs.shift(); // the warm-up round, as alternate() drops its own
      torchMs.shift();
      const numpyCurve = new Float32Array(readFileSync(join(dir, `${name}.numpy.f32`)).buffer.slice(0));
      const torchRates = new Float64Array(readFileSync(join(dir, `${name}.torch.f64`)).buffer.slice(0));
      const ourRate = N / median(t.lrscope) / 1000;
      const numpyRate = N / median(numpyMs) / 1000;
      const torchRate = TORCH_STEPS / median(torchMs) / 1000;
      rows.push({
        what: `${labelOf(spec)} float32 vs numpy float32 vs torch.optim.lr_scheduler.${torch}`,
        figure: `lrscope ${spread(rates(t.lrscope), 'M steps/s', 1)}`,
        baseline: `numpy ${spread(rates(numpyMs), 'M steps/s', 1)}: lrscope ${(ourRate / numpyRate).toFixed(1)}×; torch step() ${spread(rates(torchMs, TORCH_STEPS), 'M steps/s', 3)} (${TORCH_STEPS.toLocaleString('en')} steps): lrscope ${(ourRate / torchRate).toFixed(0)}×`,
        requirement: '–',
      });
      notes.push(
        `${name}: largest relative difference, lrscope vs numpy float32 over ${N.toLocaleString('en')} steps ${maxRelDiff(ours, numpyCurve, N).toExponential(1)}; ` +
          `vs torch's rates (float64) over its ${TORCH_STEPS.toLocaleString('en')} steps ${maxRelDiff(ours, torchRates, TORCH_STEPS).toExponential(1)}.`,
      );
    }
  } finally {
    python.stdin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  return notes;
}

// Last: the functions and constants above are all initialised by now.
const notes = await againstNumpyAndTorch(rows);
out.end(rows, notes);
if (failures > 0) {
  console.log(`${failures} kind(s) below 20 M steps/s or not bit-exact`);
  process.exitCode = 1;
}
