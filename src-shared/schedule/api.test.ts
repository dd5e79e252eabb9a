// listKinds, describeStep, presets and the evaluate API's contract.
import { describe, expect, test } from 'vitest';
import { evaluate, evaluateAt, preview } from './evaluate';
import { describeStep } from './describe';
import { listKinds } from './kinds';
import { PRESETS, SEED_PRESETS, hfScheduleSpec } from './presets';
import { parseSpec } from './validate';
import { spec } from './test-util';

describe('listKinds', () => {
  test('every kind of the issue, with group, label and parameters in the libraries\' names', () => {
    const kinds = listKinds();
    expect(kinds.length).toBe(28);
    const exp = kinds.find((k) => k.kind === 'exponential_decay');
    expect(exp?.group).toBe('tensorflow');
    expect(exp?.params.map((p) => [p.name, p.type, p.default])).toEqual([
      ['learning_rate', 'number', undefined], ['decay_steps', 'number', undefined], ['decay_rate', 'number', undefined],
      ['staircase', 'boolean', false], ['dtype', 'choice', 'float32'],
    ]);
    expect(kinds.find((k) => k.kind === 'torch.OneCycleLR')?.params.find((p) => p.name === 'anneal_strategy')?.options).toEqual(['cos', 'linear']);
    for (const k of kinds) for (const p of k.params) expect(p.help.length, `${k.kind}.${p.name}`).toBeGreaterThan(5);
  });
  test('the defaults listed are the ones parsing fills in', () => {
    const cosine = listKinds().find((k) => k.kind === 'keras.CosineDecay');
    const parsed = spec({ kind: 'keras.CosineDecay', initial_learning_rate: 0.1, decay_steps: 10 });
    for (const p of cosine?.params ?? []) if ('default' in p) expect(parsed[p.name as keyof typeof parsed]).toEqual(p.default);
  });
});

describe('describeStep', () => {
  test('in the user\'s words', () => {
    const restarts = SEED_PRESETS.find((p) => p.id === 'cosine_decay_restarts');
    if (!restarts) throw new Error('preset missing');
    expect(describeStep(restarts.spec, 0).label).toBe('cycle 1, 0 % through');
    expect(describeStep(restarts.spec, 30).label).toBe('cycle 3, 22 % through');
    expect(describeStep(spec({ kind: 'exponential_decay', learning_rate: 1, decay_steps: 10, decay_rate: 0.5, staircase: true }), 35).label).toBe('stair 4');
    expect(describeStep(spec({ kind: 'torch.OneCycleLR', max_lr: 0.1, total_steps: 100 }), 64).label).toBe('phase 2 of 2 (annealing), 50 % through');
    expect(describeStep(spec({ kind: 'warmup', warmup_steps: 10, after: { kind: 'torch.StepLR', lr: 0.1, step_size: 5 } }), 4).label).toBe('warmup, 40 % through');
    expect(describeStep(spec({ kind: 'torch.StepLR', lr: 0.1, step_size: 5 }), -1).label).toBe('not a step');
  });
});

describe('presets', () => {
  test('the seed article\'s 13 presets over steps 0–59, and the six Hugging Face names', () => {
    expect(SEED_PRESETS.length).toBe(13);
    expect(SEED_PRESETS.every((p) => p.steps.from === 0 && p.steps.to === 59)).toBe(true);
    expect(PRESETS.filter((p) => p.id.startsWith('hf.')).map((p) => p.id)).toEqual(['hf.linear', 'hf.cosine', 'hf.cosine_with_restarts', 'hf.polynomial', 'hf.constant_with_warmup', 'hf.inverse_sqrt']);
    for (const p of PRESETS) expect(parseSpec(JSON.parse(JSON.stringify(p.spec)))).toEqual({ ok: true, spec: p.spec });
  });
  // The lr_lambda formulas of transformers/optimization.py, times the base rate.
  test('Hugging Face schedules follow their lr_lambda', () => {
    const lr = 1e-3, W = 10, T = 100;
    const o = { lr, num_warmup_steps: W, num_training_steps: T, num_cycles: 2 };
    const steps = Array.from({ length: 130 }, (_, i) => i);
    const progress = (s: number) => (s - W) / Math.max(1, T - W);
    const hf: Record<string, (s: number) => number> = {
      linear: (s) => (s < W ? s / Math.max(1, W) : Math.max(0, (T - s) / Math.max(1, T - W))),
      cosine: (s) => (s < W ? s / W : Math.max(0, 0.5 * (1 + Math.cos(Math.PI * 0.5 * 2 * progress(s))))),
      cosine_with_restarts: (s) => (s < W ? s / W : progress(s) >= 1 ? 0 : Math.max(0, 0.5 * (1 + Math.cos(Math.PI * ((2 * progress(s)) % 1))))),
      polynomial: (s) => (s < W ? s / W : s > T ? 1e-7 / lr : ((lr - 1e-7) * (1 - (s - W) / (T - W)) ** 1 + 1e-7) / lr),
      constant_with_warmup: (s) => (s < W ? s / W : 1),
      inverse_sqrt: (s) => (s < W ? s / W : 1 / Math.sqrt(s / W)),
    };
    for (const [name, lambda] of Object.entries(hf)) {
      const v = evaluateAt(hfScheduleSpec(name as never, o), steps);
      steps.forEach((s) => expect(Math.abs(v[s] - lr * lambda(s)), `${name} at ${s}`).toBeLessThanOrEqual(1e-15));
    }
  });
});

describe('evaluate', () => {
  const s = spec({ kind: 'cosine_decay', learning_rate: 0.1, decay_steps: 100 });
  test('fills [fromStep, toStep) into the given typed array or a new Float64Array', () => {
    const out = new Float32Array(10);
    expect(evaluate(s, 5, 15, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(evaluateAt(s, [5, 6, 7, 8, 9, 10, 11, 12, 13, 14])));
    expect(evaluate(s, 0, 3)).toBeInstanceOf(Float64Array);
  });
  test('rejects bad ranges; evaluateAt gives NaN for steps that are not integers >= 0', () => {
    expect(() => evaluate(s, 5, 4)).toThrow(RangeError);
    expect(() => evaluate(s, -1, 4)).toThrow(RangeError);
    expect(() => evaluate(s, 0, 10, new Float64Array(5))).toThrow(RangeError);
    expect(Array.from(evaluateAt(s, [-1, 1.5, 0])).map(Number.isNaN)).toEqual([true, true, false]);
  });
  test('preview samples evenly, ends included', () => {
    const p = preview(s, 0, 1_000_001, 5);
    expect(Array.from(p.steps)).toEqual([0, 250000, 500000, 750000, 1000000]);
  });
});
