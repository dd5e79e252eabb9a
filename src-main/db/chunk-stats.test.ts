import { describe, expect, it } from 'vitest';
import type { SeriesStats } from '../../src-shared/api/types';
import { freshDbEachTest, writeMetric } from '../import/test-support';
import { chunkStats, chunkStatsByFold } from './chunk-stats';
import { CHUNK_POINTS } from './points';
import { metricStats, type StatsQuery } from './points-stats';

const t = freshDbEachTest();

/** A seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** The same figures with every chunk's stored figures dropped: every point decoded, one at a time. */
function fromEveryPoint(id: number, q: StatsQuery): SeriesStats {
  t.db.exec('SAVEPOINT every_point');
  t.db.prepare('DELETE FROM metric_chunk_stats').run();
  const s = metricStats(t.db, id, q);
  t.db.exec('ROLLBACK TO every_point');
  t.db.exec('RELEASE every_point');
  return s;
}

function expectSame(a: SeriesStats, b: SeriesStats): void {
  expect({ ...a, auc: null }).toEqual({ ...b, auc: null });
  if (b.auc === null) expect(a.auc).toBeNull();
  else expect(Math.abs(a.auc! - b.auc) / Math.abs(b.auc)).toBeLessThan(1e-12); // summed in another order
}

describe('series.stats from stored chunk figures', () => {
  it('gives what a pass over every point gives, for whole and partial ranges, NaN/inf stretches, areas and values at steps', () => {
    const n = CHUNK_POINTS * 5 + 777;
    const rnd = random(7);
    const steps = Float64Array.from({ length: n }, (_, i) => i * 3 + (i > 40_000 ? 5 : 0));
    const vals = Float64Array.from({ length: n }, (_, i) => 3 - i / n + rnd());
    // A NaN stretch across a chunk edge, a lone +Infinity, a wholly non-finite chunk, a diverged tail.
    for (let i = CHUNK_POINTS - 3; i < CHUNK_POINTS + 4; i++) vals[i] = NaN;
    vals[30_000] = Infinity;
    for (let i = CHUNK_POINTS * 3; i < CHUNK_POINTS * 4; i++) vals[i] = i % 2 ? NaN : -Infinity;
    for (let i = n - 50; i < n; i++) vals[i] = NaN;
    vals[70_000] = -10; // the minimum, far inside a chunk
    const id = writeMetric(t.db, steps, vals);
    const last = steps[n - 1]!;
    const queries: StatsQuery[] = [
      {},
      { at: [0, 1, 49_152, 100_000, last + 10] },
      { from: 10_000, to: 200_000 },
      { areaFrom: 60_000, areaTo: 140_000 },
      { areaFrom: 150_000, areaTo: 160_000, at: [155_000] },
      { from: steps[CHUNK_POINTS * 4]!, to: last },
      { from: steps[CHUNK_POINTS * 4]!, to: steps[CHUNK_POINTS * 5 - 1]! },
      { to: steps[CHUNK_POINTS * 3 + 5]! },
    ];
    for (const q of queries) expectSame(metricStats(t.db, id, q), fromEveryPoint(id, q));
    const whole = metricStats(t.db, id);
    expect(whole.min).toEqual({ step: steps[70_000], value: -10 });
    expect(whole.divergedAt).toBe(steps[n - 50]);
    expect(whole.infCount).toBe(1 + CHUNK_POINTS / 2);
  });

  it('adds the trapezoids between chunks and clips the area at its ends', () => {
    const n = CHUNK_POINTS * 4 + 99;
    const rnd = random(3);
    const steps = Float64Array.from({ length: n }, (_, i) => i * 2);
    const vals = Float64Array.from({ length: n }, () => 1 + rnd());
    const id = writeMetric(t.db, steps, vals);
    for (const q of [{}, { areaFrom: 201, areaTo: steps[n - 100]! - 0.5 }, { from: 5, to: steps[CHUNK_POINTS * 3]! }]) {
      const s = metricStats(t.db, id, q);
      expect(s.auc).not.toBeNull();
      expectSame(s, fromEveryPoint(id, q));
    }
  });

  it('keeps a divergence that starts in one chunk and runs through the next', () => {
    const n = CHUNK_POINTS * 3;
    const steps = Float64Array.from({ length: n }, (_, i) => i);
    const vals = Float64Array.from({ length: n }, (_, i) => (i >= CHUNK_POINTS + 100 ? NaN : 1 / (i + 1)));
    const id = writeMetric(t.db, steps, vals);
    const s = metricStats(t.db, id);
    expect(s.divergedAt).toBe(CHUNK_POINTS + 100);
    expect(s.lastLogged).toEqual({ step: n - 1, value: 'NaN' });
    expect(s.last).toEqual({ step: CHUNK_POINTS + 99, value: 1 / (CHUNK_POINTS + 100) });
    expectSame(s, fromEveryPoint(id, {}));
  });
});

describe('chunkStats (the figures stored with each chunk at import)', () => {
  it('equals the fold over every point, slot for slot, bit for bit', () => {
    const rnd = random(11);
    const cases: [Float64Array, Float64Array][] = [];
    for (let c = 0; c < 40; c++) {
      const n = c === 0 ? 0 : c === 1 ? 1 : 1 + Math.floor(rnd() * 3000);
      let step = Math.floor(rnd() * 100) - 50;
      const steps = new Float64Array(n);
      const vals = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        step += rnd() < 0.1 ? 0 : rnd() < 0.5 ? 1 : rnd() * 7; // repeated steps, whole and fractional strides
        steps[i] = step;
        const r = rnd();
        vals[i] = r < 0.03 ? NaN : r < 0.05 ? Infinity : r < 0.06 ? -Infinity : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 10 - 5);
      }
      if (c === 2) vals.fill(NaN);
      if (c === 3) for (let i = n - 20; i < n; i++) vals[i] = NaN; // a diverged tail
      cases.push([steps, vals]);
    }
    // chunkStats reads 512 points at a time: non-finite points and restarts of the curve right at its block edges.
    const n = 16_384;
    const steps = Float64Array.from({ length: n }, (_, i) => 3 * i);
    const vals = Float64Array.from({ length: n }, (_, i) => Math.cos(i / 700) * (1 + (i % 5)));
    for (const at of [511, 512, 1023, 1536, 1537, 2047]) vals[at] = at % 2 === 0 ? NaN : -Infinity;
    for (let i = n - 512; i < n; i++) vals[i] = NaN; // the whole last block
    cases.push([steps, vals], [steps.subarray(0, 1024), vals.subarray(0, 1024)], [steps.subarray(0, 513), vals.subarray(0, 513)]);
    for (const [steps, vals] of cases) {
      const fast = chunkStats(steps, vals, steps.length);
      const fold = chunkStatsByFold(steps, vals, steps.length);
      expect(fast.length).toBe(fold.length);
      for (let k = 0; k < fold.length; k++) expect(Object.is(fast[k], fold[k]), `slot ${k}: ${fast[k]} vs ${fold[k]}`).toBe(true);
    }
  });
});
