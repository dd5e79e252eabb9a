import { describe, expect, it } from 'vitest';
import { logSplits, quantileSorted, yDomain } from './y-range';

describe('the "ignore outliers" y range (TensorBoard computeDomain)', () => {
  it('quantiles interpolate as d3.quantile does', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([0, 10], 0.05)).toBeCloseTo(0.5, 12);
  });

  it('a diverged run: one finite 2.9e29 does not stretch the axis; non-finite values are left out', () => {
    const loss = Float64Array.from({ length: 1000 }, (_, i) => 2 - i / 1000);
    loss[990] = 2.9e29;
    for (let i = 991; i < 1000; i++) loss[i] = i === 991 ? Infinity : NaN;
    const [lo, hi] = yDomain([loss], { ignoreOutliers: true, log: false })!;
    // 5th–95th percentile of the finite values, padded by 20 % of their span (TensorBoard's padding).
    const sorted = Array.from(loss).filter(Number.isFinite).sort((a, b) => a - b);
    const a = quantileSorted(sorted, 0.05);
    const b = quantileSorted(sorted, 0.95);
    expect(hi).toBeCloseTo(b + 0.2 * (b - a), 12);
    expect(lo).toBeCloseTo(a - 0.2 * (b - a), 12);
    expect(hi).toBeLessThan(3);
    // Off: everything shown.
    expect(yDomain([loss], { ignoreOutliers: false, log: false })![1]).toBeGreaterThan(2.9e29);
  });

  it('includes zero when that less than doubles the span, as TensorBoard does', () => {
    const [lo] = yDomain([Float64Array.from([0.1, 0.5, 1, 1.5, 2])], { ignoreOutliers: true, log: false })!;
    expect(lo).toBeLessThanOrEqual(0);
  });

  it('a constant series gets a range around it; no finite value gives none', () => {
    const [lo, hi] = yDomain([Float64Array.from([3, 3, 3])], { ignoreOutliers: true, log: false })!;
    expect(lo).toBeLessThan(3);
    expect(hi).toBeGreaterThan(3);
    expect(yDomain([Float64Array.from([NaN, Infinity])], { ignoreOutliers: true, log: false })).toBeNull();
  });

  it('on a log axis the percentiles are taken over positive values, padded in decades', () => {
    const v = Float64Array.from({ length: 100 }, (_, i) => 10 ** (-(i % 4)));
    v[5] = 2.9e29;
    v[6] = 0;
    const [lo, hi] = yDomain([v], { ignoreOutliers: true, log: true })!;
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(1e-3);
    expect(hi).toBeGreaterThan(1);
    expect(hi).toBeLessThan(100);
  });
});

describe('log axis ticks never overlap', () => {
  it('1e-3 … 3e29 on 300 px: decades thinned to keep labels at least 24 px apart', () => {
    const splits = logSplits(1e-3, 3e29, 300);
    expect(splits.length).toBeGreaterThan(2);
    const px = (v: number) => ((Math.log10(v) - Math.log10(1e-3)) / (Math.log10(3e29) - Math.log10(1e-3))) * 300;
    for (let i = 1; i < splits.length; i++) expect(px(splits[i]!) - px(splits[i - 1]!)).toBeGreaterThanOrEqual(24);
    for (const s of splits) expect(Math.log10(s) % 1).toBeCloseTo(0, 9);
  });
  it('within one or two decades: 1, 2, 5 multiples', () => {
    expect(logSplits(0.1, 1, 300)).toEqual([0.1, 0.2, 0.5, 1]);
  });
});
