import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../import';
import { freshDbEachTest, sample, writeMetric } from '../import/test-support';
import { CHUNK_POINTS } from './points';
import { metricStats, metricStatsInSlices } from './points-stats';

const t = freshDbEachTest();

const metricWith = (steps: Float64Array, vals: Float64Array) => writeMetric(t.db, steps, vals);

/** The column of a framework-written CSV, read with a plain split: an independent reading of the file. */
function csvColumn(file: string, column: string): { steps: number[]; values: number[] } {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  const names = header!.split(',');
  const s = names.indexOf('step');
  const c = names.indexOf(column);
  const steps: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[c] === '') continue;
    steps.push(Number(cells[s]));
    values.push(cells[c]!.toLowerCase() === 'nan' ? NaN : Number(cells[c]));
  }
  return { steps, values };
}

describe('metricStats on a real log', () => {
  const file = sample('generated/digits_mlp_sgd_tf_exponential_decay_staircase/metrics.csv');

  it('gives the final loss, the minimum and its step, and the area, as computed from the file', async () => {
    await importPaths(t.db, [file]);
    const id = t.db.prepare<[], { id: number }>("SELECT id FROM metrics WHERE name = 'loss'").get()!.id;
    const { steps, values } = csvColumn(file, 'loss');
    const stats = metricStats(t.db, id, { at: [1499.5, 0, 10_000] });

    let minAt = 0;
    values.forEach((v, i) => v < values[minAt]! && (minAt = i));
    let area = 0;
    for (let i = 1; i < steps.length; i++) area += ((steps[i]! - steps[i - 1]!) * (values[i]! + values[i - 1]!)) / 2;

    expect(stats.count).toBe(3000);
    expect(stats.nanCount).toBe(0);
    expect(stats.first).toEqual({ step: 0, value: values[0] });
    expect(stats.last).toEqual({ step: steps.at(-1), value: values.at(-1) });
    expect(stats.min).toEqual({ step: steps[minAt], value: values[minAt] });
    expect(stats.auc).toBeCloseTo(area, 9);
    expect(stats.area).toEqual({ from: 0, to: 2999 });
    expect(stats.valueAt).toEqual([
      { step: 1499, value: values[1499] },
      { step: 0, value: values[0] },
      { step: 2999, value: values.at(-1) },
    ]);
  });

  it('clips the area to a step range, interpolating at its ends', async () => {
    await importPaths(t.db, [file]);
    const id = t.db.prepare<[], { id: number }>("SELECT id FROM metrics WHERE name = 'loss'").get()!.id;
    const { values } = csvColumn(file, 'loss');
    // From 10.5 to 20: half of the 10–11 trapezoid (from the midpoint), then 11–20 whole.
    const mid = (values[10]! + values[11]!) / 2;
    let expected = (0.5 * (mid + values[11]!)) / 2;
    for (let i = 12; i <= 20; i++) expected += (values[i]! + values[i - 1]!) / 2;
    const stats = metricStats(t.db, id, { areaFrom: 10.5, areaTo: 20 });
    expect(stats.auc).toBeCloseTo(expected, 12);
    expect(stats.area).toEqual({ from: 10.5, to: 20 });
    expect(stats.count).toBe(3000); // the area range does not narrow the other figures
  });
});

describe('metricStats over many chunks', () => {
  it('counts NaNs and infinities, skips them in the minimum, refuses an area over them, and answers values at steps', () => {
    const n = CHUNK_POINTS * 3 + 123;
    const steps = Float64Array.from({ length: n }, (_, i) => i * 2);
    const vals = Float64Array.from({ length: n }, (_, i) => 5 - i / n + Math.sin(i));
    const nanAt = [7, CHUNK_POINTS - 1, CHUNK_POINTS, 40_000, n - 1];
    for (const i of nanAt) vals[i] = NaN;
    vals[100] = -Infinity;
    const id = metricWith(steps, vals);

    // Independently: straight loops over the arrays.
    let min = -1;
    let last = -1;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(vals[i]!)) continue;
      if (min < 0 || vals[i]! < vals[min]!) min = i;
      last = i;
    }
    const stats = metricStats(t.db, id, { at: [15, 200, steps[CHUNK_POINTS]!] });
    expect(stats.count).toBe(n);
    expect(stats.nanCount).toBe(nanAt.length);
    expect(stats.min).toEqual({ step: steps[min], value: vals[min] });
    expect(stats.last).toEqual({ step: steps[last], value: vals[last] });
    expect(stats.infCount).toBe(1);
    // Non-finite points inside the area's range: no area, and the reason (issue 9, item 7).
    expect(stats.auc).toBeNull();
    expect(stats.areaNonFinite).toEqual({ firstStep: steps[7], nanCount: nanAt.length, infCount: 1 });
    // Step 15 is between points 7 (step 14) and 8 (step 16); point 7 is NaN, so point 6 answers.
    expect(stats.valueAt[0]).toEqual({ step: 12, value: vals[6] });
    // Step 200 is point 100, which is -Infinity: the last finite point before it answers.
    expect(stats.valueAt[1]).toEqual({ step: 198, value: vals[99] });
    // Across a chunk edge: points CHUNK_POINTS − 1 and CHUNK_POINTS are both NaN.
    expect(stats.valueAt[2]).toEqual({ step: steps[CHUNK_POINTS - 2], value: vals[CHUNK_POINTS - 2] });
  });

  it('restricts every figure to a step range', () => {
    const steps = Float64Array.from({ length: 1000 }, (_, i) => i);
    const vals = Float64Array.from({ length: 1000 }, (_, i) => (i - 500) ** 2);
    const id = metricWith(steps, vals);
    const stats = metricStats(t.db, id, { from: 600, to: 700 });
    expect(stats.count).toBe(101);
    expect(stats.first).toEqual({ step: 600, value: 100 ** 2 });
    expect(stats.min).toEqual({ step: 600, value: 100 ** 2 });
    expect(stats.last).toEqual({ step: 700, value: 200 ** 2 });
  });
});

describe('metricStatsInSlices (series.stats as the server answers it)', () => {
  it('gives what metricStats gives, letting the event loop run between slices', async () => {
    const n = CHUNK_POINTS * 6 + 5;
    const steps = Float64Array.from({ length: n }, (_, i) => i * 2);
    const vals = Float64Array.from({ length: n }, (_, i) => (i === 70_000 ? NaN : 1 + Math.sin(i / 999)));
    const id = metricWith(steps, vals);
    const queries = [{}, { areaFrom: 1000.5, areaTo: 150_000, at: [99_999] }, { from: 40_000, to: 180_000 }];
    for (const q of queries) {
      // Another task of the event loop, counting its turns while the figures are computed.
      let ticks = 0;
      let ticking = true;
      const tick = () => {
        ticks++;
        if (ticking) setImmediate(tick);
      };
      setImmediate(tick);
      // A turn of the event loop for others before every chunk.
      const sliced = await metricStatsInSlices(t.db, id, q, () => new Promise((resolve) => setImmediate(resolve)));
      ticking = false;
      expect(sliced).toEqual(metricStats(t.db, id, q));
      expect(ticks).toBeGreaterThan(6); // at least a turn per chunk: the other task ran between them
    }
  });
});
