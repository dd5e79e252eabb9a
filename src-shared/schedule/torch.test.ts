// Golden tests for the PyTorch kinds against real torch.optim.lr_scheduler runs
// (scripts/torch-reference/make_reference.py, run with Debian's python3-torch; the JSON is committed).
import { describe, expect, test } from 'vitest';
import { evaluate, evaluateAt } from './evaluate';
import type { ScheduleSpecInput } from './spec';
import { spec } from './test-util';
import reference from '../../scripts/torch-reference/torch_reference.json';

// PyTorch steps with get_lr(), multiplying the previous rate; we use the closed form. The two
// drift apart by a few units in the last place (3.5e-15 at most over these cases).
const RTOL = 1e-14;

describe(`real PyTorch ${reference.torch_version}`, () => {
  for (const c of reference.cases) {
    test(c.name, () => {
      const s = spec(c.spec as ScheduleSpecInput);
      const ours = evaluate(s, 0, c.lr.length);
      c.lr.forEach((expected, k) => {
        const tol = RTOL * Math.abs(expected) + 1e-300;
        if (!(Math.abs(ours[k] - expected) <= tol)) expect({ step: k, lr: ours[k] }).toEqual({ step: k, lr: expected });
      });
    });
  }
  test('the reference covers every PyTorch kind', () => {
    const kinds = new Set(reference.cases.map((c) => c.spec.kind));
    expect([...kinds].sort()).toEqual(['torch.ConstantLR', 'torch.CosineAnnealingLR', 'torch.CosineAnnealingWarmRestarts', 'torch.CyclicLR', 'torch.ExponentialLR', 'torch.LinearLR', 'torch.MultiStepLR', 'torch.OneCycleLR', 'torch.PolynomialLR', 'torch.SequentialLR', 'torch.StepLR']);
  });
});

describe('PyTorch semantics the reference shows', () => {
  test('OneCycleLR ignores the optimizer lr, and steps past total_steps (PyTorch raises) are NaN', () => {
    const a = evaluateAt(spec({ kind: 'torch.OneCycleLR', lr: 0.5, max_lr: 0.1, total_steps: 100 }), [0, 100, 101]);
    const b = evaluateAt(spec({ kind: 'torch.OneCycleLR', max_lr: 0.1, total_steps: 100 }), [0, 100, 101]);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a[0]).toBeCloseTo(0.1 / 25, 15);
    expect(a[2]).toBeNaN();
  });
  test('CosineAnnealingLR is not clamped after T_max', () => {
    const v = evaluateAt(spec({ kind: 'torch.CosineAnnealingLR', lr: 0.1, T_max: 10 }), [10, 15, 20]);
    expect(v[0]).toBe(0);
    expect(v[1]).toBeGreaterThan(0.04);
    expect(v[2]).toBeCloseTo(0.1, 15);
  });
  test('CyclicLR starts at base_lr', () => {
    expect(evaluateAt(spec({ kind: 'torch.CyclicLR', base_lr: 0.001, max_lr: 0.1 }), [0])[0]).toBe(0.001);
  });
});
