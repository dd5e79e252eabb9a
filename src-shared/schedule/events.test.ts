// Events: restart steps of cosine_decay_restarts (t_mul 1, 1.5, 2) as TensorFlow's own test
// helper np_cosine_decay_restarts counts them, the step after each polynomial_decay cycle,
// staircase and piecewise drops, and, for every preset and more, agreement with the evaluated
// curve: a jump in the curve is an event, and a restart or drop is a jump.
import { describe, expect, test } from 'vitest';
import { compile } from './compile';
import { evaluate } from './evaluate';
import { EVENT_WORDS, eventName, events } from './events';
import { PRESETS } from './presets';
import type { ScheduleSpec, ScheduleSpecInput } from './spec';
import { spec } from './test-util';

const stepsOf = (input: ScheduleSpecInput, from: number, to: number, kind?: string) =>
  events(spec(input), from, to).filter((e) => !kind || e.kind === kind).map((e) => e.step);

/** The restart count of np_cosine_decay_restarts (learning_rate_schedule_test.py): its while loop's iterations. */
function npRestartIndex(step: number, decaySteps: number, tMul: number): number {
  let i = 0;
  while (step >= decaySteps) { step -= decaySteps; decaySteps *= tMul; i++; }
  return i;
}

describe('restarts and drops at the steps the libraries put them', () => {
  for (const tMul of [1, 1.5, 2]) {
    test(`cosine_decay_restarts t_mul ${tMul}`, () => {
      const expected: number[] = [];
      // (Up to 800 steps: after ~90 restarts 0.8^i is below float32's resolution of the alpha floor and restarts stop showing.)
      for (let s = 1; s < 800; s++) if (npRestartIndex(s, 10, tMul) !== npRestartIndex(s - 1, 10, tMul)) expected.push(s);
      const got = events(spec({ kind: 'cosine_decay_restarts', learning_rate: 0.3, first_decay_steps: 10, t_mul: tMul, m_mul: 0.8, alpha: 0.011 }), 0, 800);
      expect(got.map((e) => e.step)).toEqual(expected);
      expect(got.map((e) => e.index)).toEqual(expected.map((_, i) => i + 1));
      expect(got.every((e) => e.kind === 'restart' && e.lrAfter > e.lrBefore)).toBe(true);
    });
  }
  test('polynomial_decay with cycle: end_learning_rate at each multiple, restart one step later', () => {
    const s: ScheduleSpecInput = { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 10, end_learning_rate: 0.01, cycle: true };
    expect(stepsOf(s, 0, 60)).toEqual([11, 21, 31, 41, 51]);
    const v = evaluate(spec(s), 0, 60);
    expect([v[10], v[20], v[30]]).toEqual([Math.fround(0.01), Math.fround(0.01), Math.fround(0.01)]);
  });
  test('staircase drops at multiples of decay_steps, fractional decay_steps included', () => {
    expect(stepsOf({ kind: 'exponential_decay', learning_rate: 0.6, decay_steps: 10, decay_rate: 0.6, staircase: true }, 0, 60)).toEqual([10, 20, 30, 40, 50]);
    expect(stepsOf({ kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 2.5, decay_rate: 0.2, staircase: true }, 0, 11)).toEqual([3, 5, 8, 10]);
  });
  test('piecewise_constant drops one step after each boundary', () => {
    expect(stepsOf({ kind: 'piecewise_constant', boundaries: [10, 20, 30, 40, 50], values: [0.06, 0.05, 0.04, 0.03, 0.02, 0.01] }, 0, 60)).toEqual([11, 21, 31, 41, 51]);
  });
  test('no drop where the value does not change (equal values, decay_rate 1)', () => {
    expect(stepsOf({ kind: 'piecewise_constant', boundaries: [10, 20], values: [0.1, 0.1, 0.05] }, 0, 60)).toEqual([21]);
    expect(stepsOf({ kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 1, staircase: true }, 0, 60)).toEqual([]);
  });
  test('StepLR, MultiStepLR (a repeated milestone drops once, twice as far), warm restarts, OneCycleLR phases, warmup end', () => {
    expect(stepsOf({ kind: 'torch.StepLR', lr: 0.1, step_size: 30 }, 0, 100)).toEqual([30, 60, 90]);
    const multi = events(spec({ kind: 'torch.MultiStepLR', lr: 0.1, milestones: [10, 10, 25], gamma: 0.5 }), 0, 60);
    expect(multi.map((e) => [e.step, e.index, e.lrAfter])).toEqual([[10, 2, 0.025], [25, 3, 0.0125]]);
    expect(stepsOf({ kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 5, T_mult: 2 }, 0, 100)).toEqual([5, 15, 35, 75]);
    expect(stepsOf({ kind: 'torch.OneCycleLR', max_lr: 0.1, total_steps: 100, three_phase: true }, 0, 101)).toEqual([30, 59]);
    expect(events(spec({ kind: 'warmup', warmup_steps: 50, after: { kind: 'torch.StepLR', lr: 0.1, step_size: 30 } }), 0, 200).map((e) => `${e.kind}@${e.step}`))
      .toEqual(['warmup_end@50', 'drop@80', 'drop@110', 'drop@140', 'drop@170']);
  });
  test('events in a window are the window of all events', () => {
    const s: ScheduleSpecInput = { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 7, t_mul: 1.3 };
    const all = stepsOf(s, 0, 3000);
    expect(stepsOf(s, 500, 2000)).toEqual(all.filter((x) => x >= 500 && x < 2000));
  });
});

/**
 * Steps where the curve jumps: a change much larger than the changes on either side, and more
 * than float32 quantization (on a flat stretch a float32 curve moves by single ulps, 1.2e-7).
 */
function jumps(v: Float64Array): number[] {
  const out: number[] = [];
  const d = (k: number) => (k >= 1 && k < v.length ? Math.abs(v[k] - v[k - 1]) : 0);
  for (let k = 1; k < v.length; k++) {
    if (d(k) > 1e-5 * Math.abs(v[k - 1]) && d(k) > 4 * Math.max(d(k - 1), d(k + 1))) out.push(k);
  }
  return out;
}

function expectEventsMatchCurve(s: ScheduleSpec, from: number, to: number): void {
  const v = evaluate(s, from, to);
  const ev = events(s, from + 1, to);
  for (const e of ev) {
    expect([e.step, e.lrBefore, e.lrAfter]).toEqual([e.step, v[e.step - 1 - from], v[e.step - from]]);
  }
  const eventSteps = new Set(ev.map((e) => e.step));
  for (const j of jumps(v)) expect({ jumpAt: j + from, isEvent: eventSteps.has(j + from) }).toEqual({ jumpAt: j + from, isEvent: true });
  const jumpSteps = new Set(jumps(v).map((j) => j + from));
  for (const e of ev) {
    if (e.kind === 'drop' || e.kind === 'restart') expect({ event: e, isJump: jumpSteps.has(e.step) }).toMatchObject({ isJump: true });
  }
}

describe('events agree with the evaluated curve', () => {
  for (const p of PRESETS) {
    test(`preset ${p.id}`, () => {
      // The noise is not a schedule jump; judge the noisy preset by its curve without noise.
      const s = p.spec.kind === 'noisy_linear_cosine_decay' ? { ...p.spec, initial_variance: 0 } : p.spec;
      expectEventsMatchCurve(s, p.steps.from, p.steps.to + 1);
      expect(events(p.spec, p.steps.from, p.steps.to + 1).length).toBeGreaterThanOrEqual(0);
    });
  }
  test('float32 stairs above 2^24, where steps themselves round', () => {
    const s = spec({ kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 3.7, decay_rate: 0.999, staircase: true });
    const from = 2 ** 24 - 50, to = 2 ** 24 + 400;
    const v = evaluate(s, from, to);
    const changes: number[] = [];
    for (let k = 1; k < v.length; k++) if (v[k] !== v[k - 1]) changes.push(from + k);
    expect(events(s, from + 1, to).map((e) => e.step)).toEqual(changes);
  });
  test('restarts at large steps (t_mul 2, float32 log)', () => {
    const s = spec({ kind: 'cosine_decay_restarts', learning_rate: 0.01, first_decay_steps: 1000, t_mul: 2, m_mul: 0.9, alpha: 0.05 });
    for (const [from, to] of [[1_022_000, 1_024_000], [2_046_000, 2_048_000], [16_775_000, 16_780_000]]) expectEventsMatchCurve(s, from, to);
  });
});

describe('events with many stairs and restarts (the rates come from the search, not at())', () => {
  const many: ScheduleSpecInput[] = [
    { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 37, decay_rate: 0.999, staircase: true },
    { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 0.7, decay_rate: 0.9999, staircase: true, dtype: 'float64' },
    { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 40, decay_rate: 0.999, staircase: true, dtype: 'float64' },
    { kind: 'natural_exp_decay', learning_rate: 0.6, decay_steps: 7.5, decay_rate: 0.001, staircase: true },
    { kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 3.3, decay_rate: 0.5, staircase: true },
    { kind: 'piecewise_constant', boundaries: Array.from({ length: 300 }, (_, i) => 7 * i + 3), values: Array.from({ length: 301 }, (_, i) => (i % 7 === 3 ? 0.5 : 1 / (i + 1))) },
    { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 13, power: 0.7, cycle: true },
    { kind: 'polynomial_decay', learning_rate: 0.1, decay_steps: 12.5, power: 2, cycle: true, dtype: 'float64' },
    { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 11, t_mul: 1, m_mul: 0.99, alpha: 0.01 },
    { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 1, t_mul: 1.01, m_mul: 0.999 },
    { kind: 'cosine_decay_restarts', learning_rate: 0.1, first_decay_steps: 3, t_mul: 1.2, m_mul: 0.9, dtype: 'float64' },
    { kind: 'torch.StepLR', lr: 0.1, step_size: 9, gamma: 0.99 },
    { kind: 'torch.MultiStepLR', lr: 0.1, milestones: [0, 5, 5, 6, 100, 101, 101, 101, 3000], gamma: 0.5 },
    { kind: 'torch.CosineAnnealingWarmRestarts', lr: 0.1, T_0: 7, T_mult: 1 },
    { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_up: 5, step_size_down: 8, mode: 'triangular2' },
    { kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, step_size_up: 500, mode: 'exp_range', gamma: 0.99999 },
    { kind: 'torch.SequentialLR', lr: 0.1, milestones: [50], schedulers: [{ kind: 'torch.LinearLR', total_iters: 50 }, { kind: 'torch.StepLR', step_size: 10, gamma: 0.9 }] },
    { kind: 'warmup', warmup_steps: 20, after: { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.99, staircase: true } },
  ];
  for (const input of many) {
    test(`${input.kind} ${JSON.stringify(input).slice(0, 80)}`, () => {
      const s = spec(input);
      for (const [from, to] of [[0, 20_000], [7_777, 9_000], [2 ** 24 - 3_000, 2 ** 24 + 3_000]]) {
        const v = evaluate(s, from - 1 < 0 ? 0 : from - 1, to);
        const at = (k: number) => v[k - (from - 1 < 0 ? 0 : from - 1)];
        const ev = events(s, from, to);
        // The rates either side, bit for bit as the curve has them.
        for (const e of ev) expect([e.step, e.lrBefore, e.lrAfter]).toEqual([e.step, e.step > 0 ? at(e.step - 1) : at(e.step), at(e.step)]);
        // Stairs and piecewise steps: an event exactly where the value changes.
        if ('staircase' in input || ['piecewise_constant', 'torch.StepLR', 'torch.MultiStepLR'].includes(input.kind)) {
          const changes: number[] = [];
          for (let k = Math.max(from, 1); k < to; k++) if (at(k) !== at(k - 1)) changes.push(k);
          expect(ev.map((e) => e.step)).toEqual(changes);
        }
        // A window gives the window of the events over a wider range.
        const wide = events(s, Math.max(0, from - 500), to + 500).filter((e) => e.step >= from && e.step < to);
        expect(ev).toEqual(wide);
      }
    });
  }
});

describe('stairs of an integer period in float64 (markPowerStairs: no division per event below 2^50)', () => {
  test.each([
        // Rates that neither underflow nor overflow by stair 2^50 / D.
    { kind: 'torch.StepLR', lr: 0.1, step_size: 7, gamma: 1 - 2 ** -53 },
    { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 3, decay_rate: 1 - 2 ** -52, staircase: true, dtype: 'float64' },
  ] satisfies ScheduleSpecInput[])('$kind: each change of the rate, around 2^50 too, with the rates of at()', (input) => {
    const s = spec(input);
    const curve = compile(s);
    for (const [from, to] of [[0, 500], [2 ** 50 - 100, 2 ** 50 + 100]]) {
      const changes: [number, number, number][] = [];
      for (let k = Math.max(from, 1); k < to; k++) if (curve.at(k) !== curve.at(k - 1)) changes.push([k, curve.at(k - 1), curve.at(k)]);
      expect(changes.length).toBeGreaterThan(0);
      expect(events(s, from, to).map((e) => [e.step, e.lrBefore, e.lrAfter])).toEqual(changes);
    }
  });
});

describe('nested curves (warmup, SequentialLR) shift their marks to global steps', () => {
  test('through events() and through any other Mark alike', () => {
    const s = spec({ kind: 'warmup', warmup_steps: 20, after: { kind: 'torch.SequentialLR', lr: 0.1, milestones: [50], schedulers: [{ kind: 'torch.LinearLR', total_iters: 50 }, { kind: 'torch.StepLR', step_size: 10, gamma: 0.9 }] } });
    const seen: string[] = [];
    compile(s).marks(0, 120, (step, kind) => seen.push(`${kind}@${step}`));
    expect(seen).toEqual(['warmup_end@20', 'phase@70', 'drop@80', 'drop@90', 'drop@100', 'drop@110']);
    expect(events(s, 0, 120).map((e) => `${e.kind}@${e.step}`)).toEqual(seen);
  });
});

describe('CyclicLR restarts where PyTorch\'s cycle = floor(1 + last_epoch / total_size) changes', () => {
  test.each([
    { step_size_up: 5, step_size_down: 8 }, // integer total_size: no search (markWholeCycles)
    { step_size_up: 2.5, step_size_down: 4 }, // fractional: searched
  ])('step_size_up $step_size_up, step_size_down $step_size_down', (sizes) => {
    const s = spec({ kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1, mode: 'exp_range', gamma: 0.9999999, ...sizes });
    const total = sizes.step_size_up + sizes.step_size_down;
    const cycle = (k: number) => Math.floor(1 + k / total);
    for (const [from, to] of [[0, 300], [1_000_003, 1_000_200]]) {
      const starts: number[] = [];
      for (let k = Math.max(from, 1); k < to; k++) if (cycle(k) !== cycle(k - 1)) starts.push(k);
      expect(events(s, from, to).map((e) => e.step)).toEqual(starts);
    }
  });
});

describe('polynomial_decay with cycle restarts where TensorFlow\'s multiplier = ceil(step / decay_steps) changes', () => {
  test.each([
    { decay_steps: 13, dtype: 'float32' as const }, // integer: no multiplier() per restart below 2^24
    { decay_steps: 12, dtype: 'float64' as const },
    { decay_steps: 12.5, dtype: 'float32' as const }, // fractional: searched
  ])('decay_steps $decay_steps, $dtype', (o) => {
    const s = spec({ kind: 'polynomial_decay', learning_rate: 0.1, power: 0.7, cycle: true, ...o });
    const r = o.dtype === 'float32' ? Math.fround : (x: number) => x;
    const multiplier = (k: number) => (k === 0 ? 1 : Math.ceil(r(r(k) / r(o.decay_steps))));
    for (const [from, to] of [[0, 300], [2 ** 24 - 300, 2 ** 24]]) {
      const starts: number[] = [];
      for (let k = Math.max(from, 1); k < to; k++) if (multiplier(k) !== multiplier(k - 1)) starts.push(k);
      expect(events(s, from, to).map((e) => e.step)).toEqual(starts);
    }
  });
});

describe('an event that raises the rate is a rise, never a drop (issue 9, item 5)', () => {
  test('piecewise 0.01 → 0.03 → 0.5 rises twice, named "rise 1", "rise 2" by the engine', () => {
    const got = events(spec({ kind: 'piecewise_constant', boundaries: [100, 200], values: [0.01, 0.03, 0.5] }), 0, 300);
    expect(got.map((e) => [e.kind, e.step, e.index])).toEqual([['rise', 101, 1], ['rise', 201, 2]]);
    expect(got.map(eventName)).toEqual(['rise 1', 'rise 2']);
  });
  test('a piecewise schedule that goes up then down: one rise, one drop', () => {
    const got = events(spec({ kind: 'piecewise_constant', boundaries: [10, 20], values: [0.01, 0.1, 0.001] }), 0, 30);
    expect(got.map((e) => `${eventName(e)}@${e.step}`)).toEqual(['rise 1@11', 'drop 2@21']);
  });
  test('a staircase with decay_rate > 1 and MultiStepLR with gamma > 1 rise', () => {
    expect(events(spec({ kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 2, staircase: true }), 0, 30).map((e) => e.kind)).toEqual(['rise', 'rise']);
    expect(events(spec({ kind: 'torch.MultiStepLR', lr: 0.1, milestones: [5], gamma: 3 }), 0, 30).map((e) => e.kind)).toEqual(['rise']);
  });
  test('every kind has its word in one place', () => {
    expect(EVENT_WORDS).toEqual({ restart: 'restart', drop: 'drop', rise: 'rise', warmup_end: 'warmup end', phase: 'phase' });
    expect(eventName({ step: 5, kind: 'warmup_end', lrBefore: 0, lrAfter: 1, index: 1 })).toBe('warmup end');
  });
});
