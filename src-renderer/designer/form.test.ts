import { describe, expect, it, test } from 'vitest';
import { SEED_PRESETS } from '../../src-shared/schedule/index';
import { formForKind, formFromSpec, newForm, toSpec } from './form';

describe('designer form', () => {
  test('every seed preset round-trips through the form to the same spec', () => {
    for (const preset of SEED_PRESETS) {
      const result = toSpec(formFromSpec(preset.spec));
      expect(result.ok, preset.id).toBe(true);
      if (result.ok) expect(result.spec).toEqual(preset.spec);
    }
  });

  test("decay_steps = 0 is the engine's message on the decay_steps field", () => {
    const form = formFromSpec({ kind: 'exponential_decay', learning_rate: 0.6, decay_steps: 10, decay_rate: 0.6, staircase: true });
    form.values.decay_steps = '0';
    expect(toSpec(form)).toEqual({ ok: false, errors: { decay_steps: 'must be > 0' }, general: [] });
  });

  test('text that is not a number is named at its field, before the engine sees it', () => {
    const form = newForm('piecewise_constant');
    form.values.boundaries = '10, x, 30';
    form.values.values = '0x10';
    const result = toSpec(form);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual({ boundaries: '“x” is not a number (write e.g. 10, 20, 30)', values: '“0x10” is not a number (write e.g. 10, 20, 30)' });
  });

  test("a warmup's schedule reports errors under after.<field>", () => {
    const form = newForm('warmup');
    form.nested.after!.values.decay_steps = '-5';
    const result = toSpec(form);
    expect(result.errors).toEqual({ 'after.decay_steps': 'must be > 0' });
  });

  test('empty optional fields take the library default; empty required ones are refused', () => {
    const form = newForm('polynomial_decay');
    form.values.end_learning_rate = '';
    const ok = toSpec(form);
    expect(ok.ok && ok.spec.kind === 'polynomial_decay' && ok.spec.end_learning_rate).toBe(0.0001);
    form.values.learning_rate = '';
    expect(toSpec(form).errors).toEqual({ learning_rate: 'is required' });
  });
});

describe('switching kinds carries the user\'s values, never an empty field (issue 9, item 10)', () => {
  it('OneCycleLR → CyclicLR → SequentialLR opens valid, without "lr: is required"', () => {
    let form = newForm('torch.OneCycleLR');
    for (const kind of ['torch.CyclicLR', 'torch.SequentialLR']) {
      form = formForKind(form, kind);
      const result = toSpec(form);
      expect({ kind, errors: result.errors }).toEqual({ kind, errors: {} });
      expect(result.ok).toBe(true);
    }
  });
  it('a value the user typed is kept across kinds', () => {
    const form = newForm('exponential_decay');
    form.values.learning_rate = '0.3';
    form.values.decay_steps = '250';
    const next = formForKind(form, 'inverse_time_decay');
    expect(next.values.learning_rate).toBe('0.3');
    expect(next.values.decay_steps).toBe('250');
  });
});
