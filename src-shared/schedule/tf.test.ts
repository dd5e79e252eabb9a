// Golden tests for the TensorFlow and Keras kinds.
// 1. The cases of TensorFlow's own tests, with their float64 numpy expectations and tolerance
//    (assertAllClose(..., 1e-6)): tensorflow/python/keras/optimizer_v2/legacy_learning_rate_decay_test.py,
//    learning_rate_schedule_test.py, and Keras 3 keras/src/optimizers/schedules/learning_rate_schedule_test.py.
// 2. The same cases (and the seed presets, large steps) bit for bit against float32 values replayed
//    with numpy float32 and glibc's cosf/expf/logf/powf: scripts/torch-reference/tf_float32_reference.py.
import { describe, expect, test } from 'vitest';
import { evaluate, evaluateAt } from './evaluate';
import type { ScheduleSpecInput } from './spec';
import { spec, expectClose, float32Bits } from './test-util';
import reference from '../../scripts/torch-reference/tf_float32_reference.json';

function lrAt(input: ScheduleSpecInput, step: number): number {
  return evaluateAt(spec(input), [step])[0];
}

/** TF's tolerance check, and the value is a float32 (the dtype of a Python float learning rate). */
function expectTf(input: ScheduleSpecInput, step: number, expected: number): void {
  const v = lrAt(input, step);
  expectClose(v, expected);
  expect(Math.fround(v)).toBe(v);
}

describe('TensorFlow tests, float64 expectations with their tolerance', () => {
  test('LRDecayTest.testContinuous: exponential_decay(0.05, 5, 10, 0.96)', () => {
    expectTf({ kind: 'exponential_decay', learning_rate: 0.05, decay_steps: 10, decay_rate: 0.96 }, 5, 0.05 * 0.96 ** (5.0 / 10.0));
  });
  test('LRDecayTest.testStaircase / testVariables', () => {
    const s: ScheduleSpecInput = { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 3, decay_rate: 0.96, staircase: true };
    expectTf(s, 1, 0.1);
    expectTf(s, 2, 0.1);
    expectTf(s, 100, 0.1 * 0.96 ** Math.floor(100 / 3));
  });
  test('LRDecayTest.testPiecewiseConstant: a step equal to a boundary keeps the old value', () => {
    const s: ScheduleSpecInput = { kind: 'piecewise_constant', boundaries: [100, 110, 120], values: [1.0, 0.1, 0.01, 0.001] };
    for (const [step, v] of [[0, 1.0], [100, 1.0], [105, 0.1], [110, 0.1], [120, 0.01], [999, 0.001]]) expectTf(s, step, v);
  });
  test('LRDecayTest.testPiecewiseConstantEdgeCases (int64 step)', () => {
    const s: ScheduleSpecInput = { kind: 'piecewise_constant', boundaries: [1, 2, 3], values: [0.4, 0.5, 0.6, 0.7] };
    for (const [step, v] of [[0, 0.4], [1, 0.4], [2, 0.5], [3, 0.6], [4, 0.7]]) expectTf(s, step, v);
  });
  test('LinearDecayTest and SqrtDecayTest: polynomial_decay', () => {
    const lr = 0.05, end = 0.001;
    for (const power of [1, 0.5]) {
      expectTf({ kind: 'polynomial_decay', learning_rate: lr, decay_steps: 10, end_learning_rate: 0.0, power }, 5, lr * 0.5 ** power);
      const s: ScheduleSpecInput = { kind: 'polynomial_decay', learning_rate: lr, decay_steps: 10, end_learning_rate: end, power };
      expectTf(s, 10, end);
      expectTf(s, 5, (lr - end) * 0.5 ** power + end);
      expectTf(s, 15, end);
      expectTf({ ...s, cycle: true }, 15, (lr - end) * 0.25 ** power + end);
    }
  });
  test('PolynomialDecayTest.testBeginWithCycle: step 0 uses multiplier 1', () => {
    expectTf({ kind: 'polynomial_decay', learning_rate: 0.001, decay_steps: 10, cycle: true }, 0, 0.001);
  });
  test('ExponentialDecayTest (natural_exp_decay): testDecay and testStaircase', () => {
    for (let i = 0; i <= 10; i++) {
      expectTf({ kind: 'natural_exp_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.96 }, i, 0.1 * Math.exp((-i / 10) * 0.96));
      expectTf({ kind: 'natural_exp_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.96, staircase: true }, i, 0.1 * Math.exp(-0.96 * Math.floor(i / 10)));
    }
  });
  test('InverseDecayTest: testDecay and testStaircase', () => {
    for (let i = 0; i <= 10; i++) {
      expectTf({ kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.96 }, i, 0.1 / (1 + (i / 10) * 0.96));
      expectTf({ kind: 'inverse_time_decay', learning_rate: 0.1, decay_steps: 10, decay_rate: 0.96, staircase: true }, i, 0.1 / (1 + 0.96 * Math.floor(i / 10)));
    }
  });

  // np_cosine_decay, np_cosine_decay_restarts and np_linear_cosine_decay of the test files.
  const npCosine = (step: number, D: number, alpha = 0) => {
    const cf = Math.min(step, D) / D;
    return (1 - alpha) * (0.5 * (1 + Math.cos(Math.PI * cf))) + alpha;
  };
  const npRestarts = (step: number, D: number, tMul = 2, mMul = 1, alpha = 0) => {
    let fac = 1;
    while (step >= D) { step -= D; D *= tMul; fac *= mMul; }
    return (1 - alpha) * (fac * 0.5 * (1 + Math.cos(Math.PI * (step / D)))) + alpha;
  };
  const npLinearCosine = (step: number, D: number, alpha = 0, beta = 0.001, numPeriods = 0.5) => {
    step = Math.min(step, D);
    const cosineDecayed = 0.5 * (1 + Math.cos(Math.PI * ((2 * numPeriods * step) / D)));
    return (alpha + (D - step) / D) * cosineDecayed + beta;
  };
  const steps = [0, 250, 500, 750, 1000, 1250];

  test('CosineDecayTest: testDecay and testAlpha', () => {
    for (const s of steps) {
      expectTf({ kind: 'cosine_decay', learning_rate: 1.0, decay_steps: 1000 }, s, npCosine(s, 1000));
      expectTf({ kind: 'cosine_decay', learning_rate: 1.0, decay_steps: 1000, alpha: 0.1 }, s, npCosine(s, 1000, 0.1));
    }
  });
  test('CosineDecayRestartsTest: testDecay, testAlpha, testMMul, testTMul', () => {
    for (const s of steps) {
      expectTf({ kind: 'cosine_decay_restarts', learning_rate: 1.0, first_decay_steps: 1000 }, s, npRestarts(s, 1000));
      expectTf({ kind: 'cosine_decay_restarts', learning_rate: 1.0, first_decay_steps: 1000, alpha: 0.1 }, s, npRestarts(s, 1000, 2, 1, 0.1));
      expectTf({ kind: 'cosine_decay_restarts', learning_rate: 1.0, first_decay_steps: 1000, m_mul: 0.9 }, s, npRestarts(s, 1000, 2, 0.9));
      expectTf({ kind: 'cosine_decay_restarts', learning_rate: 1.0, first_decay_steps: 1000, t_mul: 1.0 }, s, npRestarts(s, 1000, 1));
    }
  });
  test('LinearCosineDecayTest: testDefaultDecay and testNonDefaultDecay', () => {
    for (const s of steps) {
      expectTf({ kind: 'linear_cosine_decay', learning_rate: 1.0, decay_steps: 1000 }, s, npLinearCosine(s, 1000));
      expectTf({ kind: 'linear_cosine_decay', learning_rate: 1.0, decay_steps: 1000, alpha: 0.1, beta: 1e-4, num_periods: 5 }, s, npLinearCosine(s, 1000, 0.1, 1e-4, 5));
    }
  });
  test('NoisyLinearCosineDecayTest: evaluates (TF checks nothing numerically); noise is reproducible per seed', () => {
    const s: ScheduleSpecInput = { kind: 'noisy_linear_cosine_decay', learning_rate: 1.0, decay_steps: 1000, initial_variance: 0.5, variance_decay: 0.1, alpha: 0.1, beta: 1e-4, num_periods: 5, seed: 7 };
    const a = evaluate(spec(s), 0, 1500);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(evaluateAt(spec(s), [1234])[0]).toBe(a[1234]);
    expect(evaluateAt(spec({ ...s, seed: 8 }), [1234])[0]).not.toBe(a[1234]);
  });

  test('Keras 3 CosineDecayTest.test_warmup and test_warmup_decay: from initial_learning_rate to warmup_target, then decay from warmup_target', () => {
    const linearWarmup = (step: number, warmup: number, initial: number, target: number) => (step / warmup) * (target - initial);
    for (const s of steps) {
      const v = lrAt({ kind: 'keras.CosineDecay', initial_learning_rate: 0.0, decay_steps: 10, warmup_target: 10.0, warmup_steps: 1500 }, s);
      expectClose(v, linearWarmup(s, 1500, 0, 10), 1e-6, 1e-6);
    }
    for (let s = 0; s < 3000; s += 250) {
      const v = lrAt({ kind: 'keras.CosineDecay', initial_learning_rate: 0.0, decay_steps: 1000, warmup_target: 10.0, warmup_steps: 2000 }, s);
      expectClose(v, s < 2001 ? linearWarmup(s, 2000, 0, 10) : 10 * npCosine(s - 2000, 1000), 1e-6, 1e-6);
    }
  });
  test('Keras 3 test_float64: CosineDecay and CosineDecayRestarts with an np.float64 learning rate', () => {
    for (const s of steps) {
      const a = lrAt({ kind: 'keras.CosineDecay', initial_learning_rate: 1.0, decay_steps: 1000, dtype: 'float64' }, s);
      expectClose(a, npCosine(s, 1000));
      const b = lrAt({ kind: 'keras.CosineDecayRestarts', initial_learning_rate: 1.0, first_decay_steps: 1000, dtype: 'float64' }, s);
      expectClose(b, npRestarts(s, 1000));
    }
    // float64 keeps digits float32 cannot hold.
    expect(lrAt({ kind: 'keras.CosineDecay', initial_learning_rate: 0.1, decay_steps: 1000, dtype: 'float64' }, 333)).not.toBe(
      lrAt({ kind: 'keras.CosineDecay', initial_learning_rate: 0.1, decay_steps: 1000 }, 333));
  });
});

describe('float32, bit for bit (tf_float32_reference.json)', () => {
  for (const c of reference.cases) {
    test(c.name, () => {
      const s = spec(c.spec as ScheduleSpecInput);
      const scalar = evaluateAt(s, c.steps);
      expect(Array.from(scalar, float32Bits)).toEqual(c.bits);
      expect(Array.from(scalar)).toEqual(c.float32); // float32 values exactly, not just the same bits once rounded
      // The fast path (typed array over a range) gives the same values.
      for (let i = 0; i < c.steps.length; i++) {
        expect(evaluate(s, c.steps[i], c.steps[i] + 1, new Float32Array(1))[0]).toBe(c.float32[i]);
      }
    });
  }
});
