import { describe, expect, it } from 'vitest';
import { seriesFromJson, seriesToJson } from '../../src-shared/api/series-json';
import { freshDbEachTest, writeMetric } from '../import/test-support';
import { pointAtOrBefore, querySeries } from './points';

const t = freshDbEachTest();

const metricWith = (steps: Float64Array, vals: Float64Array) => writeMetric(t.db, steps, vals);

function line(n: number, step = (i: number) => i): { steps: Float64Array; vals: Float64Array } {
  const steps = Float64Array.from({ length: n }, (_, i) => step(i));
  const vals = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 100));
  return { steps, vals };
}

describe('querySeries', () => {
  it('returns the exact points of a range that fits the budget', () => {
    const { steps, vals } = line(50_000, (i) => i * 10);
    const id = metricWith(steps, vals);
    const s = querySeries(t.db, id, { from: 1000, to: 1990, maxPoints: 500 });
    expect(s.exact).toBe(true);
    expect(Array.from(s.steps)).toEqual(Array.from({ length: 100 }, (_, i) => 1000 + i * 10));
    expect(Array.from(s.values)).toEqual(Array.from(vals.subarray(100, 200)));
  });

  it('keeps irregular steps exactly (not stored as a stride)', () => {
    const { steps, vals } = line(40_000, (i) => i * i);
    const id = metricWith(steps, vals);
    expect(Array.from(querySeries(t.db, id, { from: 0, to: 400, maxPoints: 100 }).steps)).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225, 256, 289, 324, 361, 400]);
  });

  it('thins from points when a bucket is narrower than a summary entry, losing no spike or NaN', () => {
    const { steps, vals } = line(100_000);
    vals[31_337] = 1e9;
    vals[77_777] = NaN;
    const id = metricWith(steps, vals);
    const s = querySeries(t.db, id, { maxPoints: 2000 });
    expect(s.exact).toBe(false);
    expect(s.steps.length).toBe(2000);
    expect(Math.max(...s.max!)).toBe(1e9);
    expect(s.nanCounts!.reduce((a, b) => a + b, 0)).toBe(1);
    expect(s.nanCounts![Math.floor(77_777 / 50)]).toBe(1);
  });

  it('thins from the 32-point summaries when buckets are 32–255 points wide, as many buckets as asked, no spike or NaN lost', () => {
    const { steps, vals } = line(300_000);
    vals[123_457] = 7e8;
    vals[200_001] = NaN;
    vals[250_003] = -Infinity;
    const id = metricWith(steps, vals);
    const s = querySeries(t.db, id, { maxPoints: 2000 }); // 150 points a bucket
    expect(s.exact).toBe(false);
    expect(s.steps.length).toBe(2000);
    expect(Math.max(...s.max!)).toBe(7e8);
    expect(Math.min(...s.min!)).toBe(-Infinity);
    expect(s.nanCounts!.reduce((a, b) => a + b, 0)).toBe(1);
    // Bucket edges fall on 32-point entries: the spike's bucket is its own or the one before.
    const spikeBucket = s.max!.indexOf(7e8);
    expect(Math.abs(spikeBucket - Math.floor(123_457 / 150))).toBeLessThanOrEqual(1);
    expect(s.steps[spikeBucket]).toBeLessThanOrEqual(123_457);
    expect(s.steps[spikeBucket + 1]).toBeGreaterThan(123_457);
  });

  it('thins a 2M-point metric from the summaries, losing no spike or NaN', () => {
    const { steps, vals } = line(2_000_000);
    vals[1_234_567] = -5e6;
    vals[1_999_999] = NaN;
    const id = metricWith(steps, vals);
    const s = querySeries(t.db, id, { maxPoints: 1000 });
    expect(s.exact).toBe(false);
    expect(s.steps.length).toBeLessThanOrEqual(1000);
    expect(s.steps.length).toBeGreaterThan(900);
    expect(s.steps[0]).toBe(0);
    expect(Math.min(...s.min!)).toBe(-5e6);
    expect(Math.max(...s.max!)).toBeCloseTo(1, 6);
    expect(s.nanCounts!.at(-1)).toBe(1);
    // A narrower range of the same metric, still from summaries (5,000-point buckets: the
    // 2,048-point level, whose entries overlapping the range are taken whole).
    const part = querySeries(t.db, id, { from: 1_000_000, to: 1_500_000, maxPoints: 100 });
    expect(part.steps[0]).toBeGreaterThanOrEqual(1_000_000 - 2048);
    expect(part.steps.at(-1)).toBeLessThanOrEqual(1_500_000);
    expect(Math.min(...part.min!)).toBe(-5e6);
  });

  it('returns nothing for a range without points', () => {
    const { steps, vals } = line(10);
    const id = metricWith(steps, vals);
    expect(querySeries(t.db, id, { from: 100, to: 200, maxPoints: 10 })).toEqual({ steps: new Float64Array(0), values: new Float64Array(0), exact: true });
  });

  it('crosses JSON with NaN and infinities intact', () => {
    const s = { steps: Float64Array.of(1, 2, 3), values: Float64Array.of(NaN, Infinity, -Infinity), exact: true };
    const back = seriesFromJson(JSON.parse(JSON.stringify(seriesToJson(s))));
    expect(back).toEqual(s);
  });
});

describe('pointAtOrBefore (the readout at the cursor)', () => {
  it('reads the stored point at a step, or the last one before it, across chunks, NaN as stored', () => {
    const { steps, vals } = line(100_000, (i) => i * 3);
    vals[50_000] = NaN;
    const id = metricWith(steps, vals);
    for (const i of [0, 1, 16_383, 16_384, 16_385, 49_999, 77_777, 99_999]) {
      expect(pointAtOrBefore(t.db, id, i * 3)).toEqual({ step: i * 3, value: vals[i] });
      expect(pointAtOrBefore(t.db, id, i * 3 + 2)).toEqual({ step: i * 3, value: vals[i] });
    }
    expect(pointAtOrBefore(t.db, id, 150_000)).toEqual({ step: 150_000, value: NaN });
    expect(pointAtOrBefore(t.db, id, 1e12)).toEqual({ step: 299_997, value: vals[99_999] });
    expect(pointAtOrBefore(t.db, id, -1)).toBeNull();
  });
});
