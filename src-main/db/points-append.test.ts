import { describe, expect, it } from 'vitest';
import { freshDbEachTest } from '../import/test-support';
import { MetricAppender } from './points-append';
import { querySeries } from './points';

const t = freshDbEachTest();

function newRun(): number {
  return t.db.prepare<[], { id: number }>("INSERT INTO runs (name) VALUES ('live') RETURNING id").get()!.id;
}

function stored(runId: number, name: string) {
  const m = t.db.prepare<[number, string], { id: number; point_count: number; nan_count: number; step_min: number; step_max: number }>(
    'SELECT id, point_count, nan_count, step_min, step_max FROM metrics WHERE run_id = ? AND name = ?',
  ).get(runId, name)!;
  const s = querySeries(t.db, m.id, { maxPoints: 1_000_000 });
  const chunks = t.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM metric_chunks WHERE metric_id = ?').get(m.id)!.n;
  return { ...m, steps: [...s.steps], values: [...s.values], chunks };
}

describe('appending to a metric as its log grows', () => {
  it('keeps every point of many small flushes, in few chunks', () => {
    const run = newRun();
    const appender = new MetricAppender(t.db, run);
    const steps: number[] = [];
    const values: number[] = [];
    for (let flush = 0; flush < 3000; flush++) {
      const s = Array.from({ length: 7 }, (_, i) => flush * 7 + i);
      const v = s.map((x) => (x % 101 === 0 ? NaN : Math.sin(x)));
      t.db.transaction(() => appender.append('loss', 'loss', s, v))();
      steps.push(...s);
      values.push(...v);
    }
    const m = stored(run, 'loss');
    expect(m.steps).toEqual(steps);
    expect(m.values).toEqual(values);
    expect(m.point_count).toBe(steps.length);
    expect(m.nan_count).toBe(values.filter(Number.isNaN).length);
    expect([m.step_min, m.step_max]).toEqual([0, steps.length - 1]);
    expect(m.chunks).toBeLessThan(20); // 21,000 points: one full chunk and a binary tail
  });

  it('records a resume when the step goes back and replaces what the abandoned attempt logged', () => {
    const run = newRun();
    const appender = new MetricAppender(t.db, run);
    appender.append('loss', 'loss', [0, 1, 2, 3, 4, 5], [10, 11, 12, NaN, 14, 15]);
    const resumes = appender.append('loss', 'loss', [6, 3, 4], [16, 3.5, NaN]);
    expect(resumes).toEqual([3]);
    const m = stored(run, 'loss');
    expect(m.steps).toEqual([0, 1, 2, 3, 4]);
    expect(m.values).toEqual([10, 11, 12, 3.5, NaN]);
    expect(m.nan_count).toBe(1);
    expect(m.point_count).toBe(5);
    expect(t.db.prepare('SELECT step FROM run_resumes WHERE run_id = ?').pluck().all(run)).toEqual([3]);
  });

  it('keeps repeated steps, as the importer does', () => {
    const run = newRun();
    const appender = new MetricAppender(t.db, run);
    appender.append('epoch', 'epoch', [0, 1, 1], [0, 0.5, 0.5]);
    appender.append('epoch', 'epoch', [1, 2], [1, 1]);
    expect(stored(run, 'epoch').steps).toEqual([0, 1, 1, 1, 2]);
  });
});
