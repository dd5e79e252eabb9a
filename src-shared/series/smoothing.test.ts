// Cases translated from TensorBoard's own test of the same function:
// tensorflow/tensorboard tensorboard/webapp/widgets/line_chart_v2/data_transformer_test.ts
import { describe, expect, it } from 'vitest';
import { smooth } from './smoothing';

const arr = (a: Float64Array) => Array.from(a);

describe('smooth (TensorBoard classic smoothing)', () => {
  it('smoothes data series', () => {
    const s1 = arr(smooth([1, 0.5, 0], 0.6));
    expect(s1[0]).toBeCloseTo(1, 12);
    expect(s1[1]).toBeCloseTo(0.6875, 12);
    expect(s1[2]).toBeCloseTo(((0.5 * 0.4 + 0.4 * 1 * 0.6) * 0.6 + 0) / (1 - Math.pow(0.6, 3)), 12);
    const s2 = arr(smooth([0, 0.5, 1], 0.6));
    expect(s2[0]).toBe(0);
    expect(s2[1]).toBeCloseTo(0.3125, 12);
    expect(s2[2]).toBeCloseTo((1 * 0.4 + 0.5 * 0.4 * 0.6) / (1 - Math.pow(0.6, 3)), 12);
    expect(arr(smooth([], 0.6))).toEqual([]);
  });

  it('does not smooth at all when weight is 0', () => {
    expect(arr(smooth([1, 0.5, 0], 0))).toEqual([1, 0.5, 0]);
  });

  it('omits not finite values in smoothing', () => {
    const out = arr(smooth([-Infinity, 1, NaN, Infinity, 0.5], 0.6));
    expect(out.slice(0, 4)).toEqual([-Infinity, 1, NaN, Infinity]);
    expect(out[4]).toBeCloseTo(0.6875, 12);
  });

  it('returns 0 when smoothing weight is 1', () => {
    expect(arr(smooth([1, 0.5, 0], 1))).toEqual([0, 0, 0]);
  });

  it('does not inject floating point noise when numbers are constant', () => {
    expect(arr(smooth([0.3, 0.3, 0.3], 0.1))).toEqual([0.3, 0.3, 0.3]);
  });

  it.each([NaN, -1, -Infinity, Infinity])('clips smoothing weight %s to 0', (w) => {
    expect(arr(smooth([1, 0.5], w))).toEqual([1, 0.5]);
  });

  it('clips smoothing weight larger than 1 to 1', () => {
    expect(arr(smooth([1, 0.5], 2))).toEqual([0, 0]);
  });
});
