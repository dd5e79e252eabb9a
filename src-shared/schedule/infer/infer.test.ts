// Infer recovers the exact parameters of logs made by the engine (whose rates are tested against
// TensorFlow's and PyTorch's own), through the mess real logs have: resumed stretches logged
// twice, logging every N steps, 6 significant digits, a first step of 1, float32 or float64.
import { describe, expect, test } from 'vitest';
import { evaluate } from '../evaluate';
import type { ScheduleSpec, ScheduleSpecInput } from '../spec';
import { spec as parsed } from '../test-util';
import { inferSchedule } from './index';

interface Log { steps: number[]; values: number[] }

function logOf(s: ScheduleSpec, n: number, every = 1, from = 0): Log {
  const all = evaluate(s, 0, n);
  const steps: number[] = [], values: number[] = [];
  for (let k = from; k < n; k += every) { steps.push(k); values.push(all[k]); }
  return { steps, values };
}

/** Some candidate that fits has exactly these parameters (numbers to 1e-12 relative), and the first candidate fits. */
function expectRecovers(truth: ScheduleSpecInput, log: Log, dtype?: 'float32' | 'float64', offset = 0) {
  const want = parsed(truth);
  const result = inferSchedule(log.steps, log.values);
  expect(result.fits, result.message ?? '').toBe(true);
  const fitting = result.candidates.filter((c) => c.maxRelError <= result.threshold);
  const same = (a: unknown, b: unknown): boolean => {
    if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-12 * Math.abs(b);
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
    if (a && b && typeof a === 'object' && typeof b === 'object') return Object.keys(b).every((k) => k.includes('momentum') || same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
    return a === b;
  };
  const match = fitting.find((c) => same(c.spec, want) && c.stepOffset === offset);
  expect(match, `no fitting candidate equals ${JSON.stringify(want)}; got\n${fitting.map((c) => `${c.call} ${c.maxRelError}`).join('\n')}`).toBeDefined();
  if (dtype) expect(match!.dtype).toBe(dtype);
  return result;
}

describe('exact parameters', () => {
  test('piecewise_constant: the boundary step keeps the earlier value', () => {
    const truth: ScheduleSpecInput = { kind: 'piecewise_constant', boundaries: [100, 250], values: [0.1, 0.03, 0.001], dtype: 'float64' };
    const r = expectRecovers(truth, logOf(parsed(truth), 400));
    expect(r.candidates[0].spec.kind).toBe('piecewise_constant');
  });
  test('exponential_decay with staircase (float32) and StepLR (float64)', () => {
    const tf = { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 300, decay_rate: 0.5, staircase: true } as const;
    expectRecovers(tf, logOf(parsed(tf), 2000), 'float32');
    const torch = { kind: 'torch.StepLR', lr: 0.05, step_size: 30, gamma: 0.1 } as const;
    expectRecovers(torch, logOf(parsed(torch), 100));
  });
  test('exponential_decay without staircase, float32', () => {
    const truth = { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 100, decay_rate: 0.96 } as const;
    expectRecovers(truth, logOf(parsed(truth), 3000), 'float32');
  });
  test('inverse_time_decay with and without staircase', () => {
    const smooth = { kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 100, decay_rate: 0.5, dtype: 'float64' } as const;
    expectRecovers(smooth, logOf(parsed(smooth), 2000), 'float64');
    const stairs = { kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 100, decay_rate: 0.5, staircase: true, dtype: 'float64' } as const;
    expectRecovers(stairs, logOf(parsed(stairs), 1000));
  });
  test('polynomial_decay with cycle and power 2', () => {
    const truth = { kind: 'polynomial_decay', learning_rate: 0.05, decay_steps: 300, end_learning_rate: 0.001, power: 2, cycle: true, dtype: 'float64' } as const;
    expectRecovers(truth, logOf(parsed(truth), 2000));
  });
  test('cosine_decay_restarts with t_mul, m_mul and alpha (float32)', () => {
    const truth = { kind: 'cosine_decay_restarts', learning_rate: 0.004, first_decay_steps: 500, t_mul: 2, m_mul: 0.8, alpha: 0.01 } as const;
    expectRecovers(truth, logOf(parsed(truth), 6000), 'float32');
  });
  test('CosineAnnealingWarmRestarts with T_mult', () => {
    const truth = { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 100, T_mult: 2, eta_min: 0.0001 } as const;
    expectRecovers(truth, logOf(parsed(truth), 1500));
  });
  test('OneCycleLR with pct_start, div factors and linear annealing', () => {
    const truth = { kind: 'torch.OneCycleLR', max_lr: 0.01, total_steps: 1000, pct_start: 0.25, anneal_strategy: 'linear', div_factor: 10, final_div_factor: 100 } as const;
    expectRecovers(truth, logOf(parsed(truth), 1000));
  });
  test('linear_cosine_decay with num_periods and beta', () => {
    const truth = { kind: 'linear_cosine_decay', learning_rate: 0.1, decay_steps: 1000, num_periods: 2, alpha: 0, beta: 0.01, dtype: 'float64' } as const;
    expectRecovers(truth, logOf(parsed(truth), 1200));
  });
  test('warmup into a cosine decay', () => {
    const truth = { kind: 'warmup', warmup_steps: 200, start_lr: 0, after: { kind: 'torch.CosineAnnealingLR', lr: 0.001, T_max: 1800, eta_min: 0 } } as const;
    expectRecovers(truth, logOf(parsed(truth), 2000));
  });
});

describe('messy logs', () => {
  const truth = { kind: 'cosine_decay', learning_rate: 0.3, decay_steps: 1000, alpha: 0.01, dtype: 'float64' } as const;
  test('a resumed run logs a stretch twice: the later rows count', () => {
    const good = logOf(parsed(truth), 1000);
    // The abandoned attempt logged 300..599 with wrong values; the resume logged them again.
    const steps = [...good.steps.slice(0, 600), ...good.steps.slice(300)];
    const values = [...good.values.slice(0, 300), ...good.values.slice(300, 600).map((v) => v * 1.5), ...good.values.slice(300)];
    expectRecovers(truth, { steps, values });
  });
  test('logged every 50 steps', () => expectRecovers(truth, logOf(parsed(truth), 1200, 50)));
  test('rounded to 6 significant digits', () => {
    const log = logOf(parsed(truth), 1200);
    const r = expectRecovers(truth, { steps: log.steps, values: log.values.map((v) => Number(v.toPrecision(6))) });
    expect(r.precision).toBe(5e-6);
  });
  test('a log counting steps from 1', () => {
    const log = logOf(parsed(truth), 1200);
    expectRecovers(truth, { steps: log.steps.map((s) => s + 1), values: log.values }, undefined, -1);
  });
  test('float64 arithmetic is told from float32', () => {
    const f64 = { kind: 'cosine_decay_restarts', learning_rate: 0.004, first_decay_steps: 500, t_mul: 2, m_mul: 0.8, alpha: 0.01, dtype: 'float64' } as const;
    expectRecovers(f64, logOf(parsed(f64), 3000), 'float64');
  });
});

describe('nothing fits', () => {
  test('noise is not a schedule: nothing fits, said plainly', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const steps = Array.from({ length: 500 }, (_, i) => i);
    const r = inferSchedule(steps, steps.map(() => 0.01 * (0.5 + rand())));
    expect(r.fits).toBe(false);
    expect(r.message).toMatch(/^nothing fits/);
  });
  test('too few points', () => {
    expect(inferSchedule([0, 1], [0.1, 0.1]).message).toMatch(/too few/);
  });
});
