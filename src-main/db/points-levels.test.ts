// The summary pyramid (every point, 32-, 256-, 2,048-point entries): each level's answer checked
// against the raw points, bucket by bucket, and the level a query chooses at each data size.
import { describe, expect, it } from 'vitest';
import type { Series } from '../../src-shared/api/series-types';
import { freshDbEachTest, writeMetric } from '../import/test-support';
import { CHUNK_POINTS, chunksInRange, planOf, querySeries, readLevel, readPlan } from './points';
import { COST_PER_BUCKET, LEVEL_SPANS, LEVELS, planLevels, type LevelPlan, type QueryLevel } from './points-levels';
import { coarsen, FINE_SPAN, summarize, SUMMARY_SPAN, WIDE_SPAN } from './points-summary';

const t = freshDbEachTest();

function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Strictly rising irregular steps and noisy values with NaN, ±Infinity and spikes in places. */
function metric(n: number, seed: number): { steps: Float64Array; vals: Float64Array } {
  const rnd = random(seed);
  const steps = new Float64Array(n);
  const vals = new Float64Array(n);
  let step = -1000;
  for (let i = 0; i < n; i++) {
    step += 1 + Math.floor(rnd() * 3);
    steps[i] = step;
    const r = rnd();
    vals[i] = r < 0.002 ? NaN : r < 0.0025 ? Infinity : r < 0.003 ? -Infinity : r < 0.004 ? (rnd() - 0.5) * 1e6 : Math.sin(i / 500) + rnd();
  }
  return { steps, vals };
}

/**
 * Each bucket against the raw points it covers, from its first step to the step before the next
 * bucket's (the last one to `lastStep`): min and max (NaN skipped), NaN count and first value.
 */
function expectBucketsMatchPoints(s: Series, steps: Float64Array, vals: Float64Array, lastStep: number): void {
  expect(s.exact).toBe(false);
  let i = 0;
  while (steps[i]! < s.steps[0]!) i++;
  for (let k = 0; k < s.steps.length; k++) {
    const end = k + 1 < s.steps.length ? s.steps[k + 1]! : lastStep + 1;
    const want = { min: NaN, max: NaN, nans: 0, first: vals[i] };
    for (; i < steps.length && steps[i]! < end; i++) {
      const v = vals[i]!;
      if (v !== v) want.nans++;
      else {
        if (!(want.min <= v)) want.min = v;
        if (!(want.max >= v)) want.max = v;
      }
    }
    const got = { min: s.min![k], max: s.max![k], nans: s.nanCounts![k], first: s.values[k] };
    expect(got, `bucket ${k} from step ${s.steps[k]}`).toEqual(want);
  }
}

describe('the summary pyramid', () => {
  it('merges a level into the next one exactly as summarising the points at that span does', () => {
    const { steps, vals } = metric(CHUNK_POINTS - 77, 5); // a partial last entry at every level
    const fine = summarize(steps, vals, steps.length, FINE_SPAN);
    const coarse = coarsen(fine, SUMMARY_SPAN / FINE_SPAN);
    expect(coarse).toEqual(summarize(steps, vals, steps.length, SUMMARY_SPAN));
    expect(coarsen(coarse, WIDE_SPAN / SUMMARY_SPAN)).toEqual(summarize(steps, vals, steps.length, WIDE_SPAN));
    const allNaN = new Float64Array(100).fill(NaN);
    expect(coarsen(summarize(steps, allNaN, 100, FINE_SPAN), 8)).toEqual(summarize(steps, allNaN, 100, SUMMARY_SPAN));
  });

  it('answers a query at each level with each bucket equal to the raw points it covers (min, max, NaN count, first value)', () => {
    const n = CHUNK_POINTS * 6 + 1234;
    const { steps, vals } = metric(n, 9);
    const id = writeMetric(t.db, steps, vals);
    const chunks = chunksInRange(t.db, id, -Infinity, Infinity);
    for (const level of LEVELS) {
      // A budget that makes buckets a few entries of this level wide.
      const budget = Math.floor(n / (LEVEL_SPANS[level] * 3));
      const s = readLevel(t.db, id, chunks, -Infinity, Infinity, budget, level);
      expect(s.steps.length, level).toBeLessThanOrEqual(budget);
      expect(s.steps.length, level).toBeGreaterThan(budget / 2);
      expectBucketsMatchPoints(s, steps, vals, steps[n - 1]!);
    }
  });

  it('answers a plan that mixes two levels (a prefix of chunks finer) with each bucket equal to its points', () => {
    const n = CHUNK_POINTS * 6 + 1234;
    const { steps, vals } = metric(n, 21);
    const id = writeMetric(t.db, steps, vals);
    const chunks = chunksInRange(t.db, id, -Infinity, Infinity);
    const plans: LevelPlan[] = [
      { finer: 'points', coarser: 'fine', split: 2 },
      { finer: 'fine', coarser: 'coarse', split: 3 },
      { finer: 'coarse', coarser: 'wide', split: 5 },
    ];
    for (const plan of plans) {
      const s = readPlan(t.db, id, chunks, -Infinity, Infinity, 40, plan);
      expect(s.steps.length).toBeLessThanOrEqual(40);
      expectBucketsMatchPoints(s, steps, vals, steps[n - 1]!);
    }
    // The plan querySeries makes is one of these, and its answer is readPlan's.
    const plan = planOf(chunks, -Infinity, Infinity, 150);
    expect(plan).toMatchObject({ finer: 'fine', coarser: 'coarse' });
    expect(plan.split).toBeGreaterThan(0);
    expect(plan.split).toBeLessThan(chunks.length);
    expect(querySeries(t.db, id, { maxPoints: 150 })).toEqual(readPlan(t.db, id, chunks, -Infinity, Infinity, 150, plan));
  });

  it('answers a part of the range from whole entries overlapping it, each bucket matching its points', () => {
    const { steps, vals } = metric(CHUNK_POINTS * 5, 13);
    const id = writeMetric(t.db, steps, vals);
    const from = steps[20_000]! + 0.5;
    const to = steps[70_000]! - 0.5;
    for (const level of ['fine', 'coarse', 'wide'] as QueryLevel[]) {
      const chunks = chunksInRange(t.db, id, from, to);
      const s = readLevel(t.db, id, chunks, from, to, 20, level);
      // Entries are taken whole: the last bucket runs to the end of the last entry that overlaps `to`.
      const lastEntryEnd = steps[Math.min(steps.length, Math.ceil(70_000 / LEVEL_SPANS[level]) * LEVEL_SPANS[level]) - 1]!;
      expect(s.steps[0]).toBeLessThanOrEqual(from);
      expectBucketsMatchPoints(s, steps, vals, lastEntryEnd);
    }
  });

  it('plans work that never falls as the data grows: min(cap, every point) plus a row per chunk', () => {
    const budget = 2000;
    const chunksOf = (n: number) => Array.from({ length: Math.ceil(n / CHUNK_POINTS) }, (_, i) => ({ count: Math.min(CHUNK_POINTS, n - i * CHUNK_POINTS) }));
    const units = (level: QueryLevel, count: number) => (level === 'points' ? 1 : 2.5) * Math.ceil(count / LEVEL_SPANS[level]);
    const work = (n: number, plan: LevelPlan) => chunksOf(n).reduce((w, c, i) => w + units(i < plan.split ? plan.finer : plan.coarser, c.count), 0);
    let before = 0;
    let beforeRows = 0;
    for (let n = 1000; n <= 40_000_000; n = Math.ceil(n * 1.01)) {
      const plan = planLevels(chunksOf(n), n, budget);
      const w = work(n, plan);
      const rows = chunksOf(n).length;
      // Within one chunk's difference of the cap (a chunk moves between levels whole).
      expect(w + CHUNK_POINTS, `${n} points: ${JSON.stringify(plan)}`).toBeGreaterThanOrEqual(Math.min(before, budget * COST_PER_BUCKET));
      expect(w).toBeLessThanOrEqual(Math.max(n, budget * COST_PER_BUCKET));
      // Every entry read is no wider than a bucket: as many buckets as asked.
      expect(LEVEL_SPANS[plan.coarser]).toBeLessThanOrEqual(Math.max(1, n / budget));
      expect(rows).toBeGreaterThanOrEqual(beforeRows);
      [before, beforeRows] = [w, rows];
    }
    const planAt = (n: number) => planLevels(chunksOf(n), n, budget);
    expect(planAt(10_000)).toEqual({ finer: 'points', coarser: 'points', split: 0 });
    expect(planAt(1_000_000)).toMatchObject({ finer: 'fine', coarser: 'coarse' });
    expect(planAt(10_000_000)).toMatchObject({ finer: 'coarse', coarser: 'wide' });
  });
});
