// The fast path (evaluate into a typed array: hoisted stairs and periods, powf) must give the
// straightforward port's values (evaluateAt: one rounding per op, Math.pow) bit for bit.
import { describe, expect, test } from 'vitest';
import { evaluate, evaluateAt } from './evaluate';
import { listKinds } from './kinds';
import { PRESETS } from './presets';
import type { ScheduleSpecInput } from './spec';
import { spec } from './test-util';
import { powf } from './f32';
import { powfSpan, powfSteps, POW_SPAN } from './powf-span';

const CASES: ScheduleSpecInput[] = [
  { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 1000, decay_rate: 0.96 },
  { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 0.37, decay_rate: 0.99999, staircase: true },
  { kind: 'natural_exp_decay', learning_rate: 0.6, decay_steps: 7.5, decay_rate: 0.01 },
  { kind: 'natural_exp_decay', learning_rate: 0.6, decay_steps: 7.5, decay_rate: 0.01, staircase: true },
  { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 5000, power: 0.7 },
  { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 999.5, power: 2, cycle: true },
  { kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: true },
  { kind: 'cosine_decay', learning_rate: 0.1, decay_steps: 30000, alpha: 0.05 },
  { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 100, t_mul: 1.5, m_mul: 0.9, alpha: 0.01 },
  { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 77, t_mul: 1, m_mul: 0.95 },
  { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 100, t_mul: 0.5 },
  { kind: 'linear_cosine_decay', learning_rate: 0.1, decay_steps: 30000, num_periods: 7 },
  { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 30000, seed: 3 },
  // The noise std's pow by spans (powf-span.ts): past decay_steps, across 2^24, other exponents, none (|y| > 64).
  { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 20_000_000, variance_decay: 1.7, seed: 5 },
  { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 45_000.5, variance_decay: -0.3, initial_variance: 0.001 },
  { kind: 'noisy_linear_cosine_decay', learning_rate: 0.1, decay_steps: 1e9, variance_decay: 70, initial_variance: 1e30 },
  { kind: 'keras.CosineDecay', initial_learning_rate: 0.01, decay_steps: 20000, warmup_target: 0.1, warmup_steps: 3000, alpha: 0.1 },
  { kind: 'keras.PolynomialDecay', initial_learning_rate: 0.1, decay_steps: 100, cycle: true, power: 3 },
  { kind: 'torch.ExponentialLR', lr: 0.1, gamma: 0.9999 },
  { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 13, T_mult: 3 },
  { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_up: 700, mode: 'exp_range', gamma: 0.99995 },
  { kind: 'keras.ExponentialDecay', initial_learning_rate: 0.1, decay_steps: 100, decay_rate: 0.5, staircase: true },
  { kind: 'keras.PiecewiseConstantDecay', boundaries: [100, 5000, 16777300], values: [0.1, 0.05, 0.01, 0.001] },
  { kind: 'keras.InverseTimeDecay', initial_learning_rate: 0.1, decay_steps: 3, decay_rate: 0.5 },
  { kind: 'keras.CosineDecayRestarts', initial_learning_rate: 0.1, first_decay_steps: 300, t_mul: 3, m_mul: 0.5, alpha: 0.2 },
  { kind: 'torch.StepLR', lr: 0.1, step_size: 7, gamma: 0.99 },
  { kind: 'torch.MultiStepLR', lr: 0.1, milestones: [10, 10, 3000, 16777220], gamma: 0.5 },
  { kind: 'torch.CosineAnnealingLR', lr: 0.1, T_max: 1000, eta_min: 0.001 },
  { kind: 'torch.OneCycleLR', max_lr: 0.1, total_steps: 50_000, three_phase: true },
  { kind: 'torch.PolynomialLR', lr: 0.1, total_iters: 40_000, power: 1.7 },
  { kind: 'torch.LinearLR', lr: 0.1, start_factor: 0.1, total_iters: 1000 },
  { kind: 'torch.ConstantLR', lr: 0.1, factor: 0.25, total_iters: 1000 },
  { kind: 'torch.SequentialLR', lr: 0.1, milestones: [100, 5000], schedulers: [{ kind: 'torch.LinearLR', start_factor: 0.01, total_iters: 100 }, { kind: 'torch.ExponentialLR', gamma: 0.999 }, { kind: 'torch.StepLR', step_size: 1000 }] },
  { kind: 'hf.inverse_sqrt', lr: 0.001, num_warmup_steps: 4000, timescale: null },
  { kind: 'warmup', warmup_steps: 500, after: { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 1000 } },
];

function expectSame(input: ScheduleSpecInput, from: number, to: number): void {
  const s = spec(input);
  const fast = evaluate(s, from, to);
  const steps = Float64Array.from({ length: to - from }, (_, i) => from + i);
  const straight = evaluateAt(s, steps);
  for (let i = 0; i < fast.length; i++) {
    if (!Object.is(fast[i], straight[i])) expect({ step: from + i, fast: fast[i] }).toEqual({ step: from + i, fast: straight[i] });
  }
}

describe('fast path equals the straightforward port', () => {
  for (const c of CASES) {
    test(`${c.kind} ${JSON.stringify(c).slice(0, 90)}`, () => {
      expectSame(c, 0, 60_000);
      expectSame(c, 2 ** 24 - 20_000, 2 ** 24 + 20_000); // float32 steps stop being exact at 2^24
      expectSame(c, 123_456_789, 123_466_789);
    });
  }
  test('every preset, over its steps and far beyond', () => {
    for (const p of PRESETS) {
      expectSame(p.spec, p.steps.from, p.steps.to + 1);
      expectSame(p.spec, 0, 20_000);
    }
  });
  test('every kind is covered by a case or a preset', () => {
    const covered = new Set([...CASES.map((c) => c.kind), ...PRESETS.map((p) => p.spec.kind)]);
    const uncovered = listKinds().map((k) => k.kind).filter((k) => !covered.has(k as never));
    expect(uncovered).toEqual([]);
  });
});

describe('powf', () => {
  test('equals Math.fround(Math.pow) for float32 operands, including where it falls back', () => {
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (let i = 0; i < 300_000; i++) {
      const x = Math.fround(rnd() * 2);
      const y = Math.fround((rnd() - 0.3) * 200);
      expect(powf(x, y, Math.log(x))).toBe(Math.fround(Math.pow(x, y)));
    }
    expect(powf(0, 2, Math.log(0))).toBe(0);
    expect(powf(-0.5, 2, Math.log(-0.5))).toBe(0.25);
  });
});

describe('powfSpan', () => {
  test('equals Math.fround(Math.pow(b, y)) over spans of consecutive integers', () => {
    const out = new Float64Array(POW_SPAN);
    for (const y of [0.55, -0.55, 1, 2, 0.1, 3.7, -17.3, 63.9, 0]) {
      for (const b0 of [256, 300, 1000, 65_537, 262_144, 1_000_003, 16_776_000]) {
        const m = powfSpan(b0, POW_SPAN, Math.fround(y), out);
        expect(m).toBe(Math.min(POW_SPAN, Math.floor(b0 / 256)));
        for (let j = 0; j < m; j++) if (out[j] !== Math.fround(Math.pow(b0 + j, Math.fround(y)))) expect({ b: b0 + j, y, got: out[j] }).toBe('fround(Math.pow)');
      }
    }
  });
  test('powfSteps serves every step: by the series, else one powf a step up to b0 = 256 or POW_SPAN steps', () => {
    const out = new Float64Array(POW_SPAN);
    const cases: [number, number, number, number][] = [[1, 10_000, 0.55, 255], [200, 30, 0.55, 30], [1e6, 10_000, 0.55, POW_SPAN], [1e6, 10_000, 70, POW_SPAN], [300, 5, 70, 5]];
    for (const [b0, n, y, count] of cases) {
      expect(powfSteps(b0, n, Math.fround(y), out)).toBe(count);
      for (let j = 0; j < count; j++) if (out[j] !== Math.fround(Math.pow(b0 + j, Math.fround(y)))) expect({ b: b0 + j, y, got: out[j] }).toBe('fround(Math.pow)');
    }
  });
  test('declines where the series does not serve: small bases, |y| > 64', () => {
    const out = new Float64Array(POW_SPAN);
    expect(powfSpan(255, 10, 0.5, out)).toBe(0);
    expect(powfSpan(1e6, 10, 65, out)).toBe(0);
    expect(powfSpan(1e6, 10, NaN, out)).toBe(0);
    expect(powfSpan(1e6, 3, 0.5, out)).toBe(3);
  });
});
