// Negative steps where TensorFlow takes them: piecewise_constant accepts any x. The reference is
// TensorFlow's own test (learning_rate_decay_test.py, testPiecewiseConstant): x starts at -999.
import { describe, expect, it } from 'vitest';
import { acceptsNegativeSteps, evaluateAt, events, parseSpec, type ScheduleSpec } from './index';

function spec(input: object): ScheduleSpec {
  const r = parseSpec(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.spec;
}

const TF_TEST = { boundaries: [100, 110, 120], values: [1.0, 0.1, 0.01, 0.001] };

describe('negative steps', () => {
  it("piecewise_constant at TensorFlow's own test steps, -999 included", () => {
    for (const kind of ['piecewise_constant', 'keras.PiecewiseConstantDecay']) {
      const s = spec({ kind, ...TF_TEST });
      expect(acceptsNegativeSteps(s)).toBe(true);
      expect(Array.from(evaluateAt(s, [-999, 100, 105, 110, 120, 999]))).toEqual([1.0, 1.0, 0.1, 0.1, 0.01, 0.001].map(Math.fround));
    }
  });

  it('events from a negative step: the drops where they are', () => {
    const s = spec({ kind: 'piecewise_constant', ...TF_TEST });
    expect(events(s, -1000, 200).map((e) => e.step)).toEqual([101, 111, 121]);
  });

  it('kinds that count steps from 0 give NaN there and refuse negative ranges', () => {
    const s = spec({ kind: 'torch.StepLR', lr: 0.1, step_size: 2 });
    expect(acceptsNegativeSteps(s)).toBe(false);
    expect(Array.from(evaluateAt(s, [-1, 0]))).toEqual([NaN, 0.1]);
    expect(() => events(s, -1, 10)).toThrow(RangeError);
  });
});
