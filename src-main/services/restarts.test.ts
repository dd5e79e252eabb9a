// The restart/drop table against the real staircase run (issue 9, item 4): every figure is
// computed here again from the CSV, by plain loops, and must match what the service answers
// from the stored points through the API dispatch.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../api/handlers';
import { importPaths } from '../import';
import { sample } from '../import/test-support';
import { openServices, type Services } from './index';

let dir: string;
let s: Services;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lrscope-restarts-'));
  s = openServices(join(dir, 'db.sqlite'), 'browser');
});
afterEach(() => {
  s.close();
  rmSync(dir, { recursive: true, force: true });
});

const FILE = sample('generated/digits_mlp_sgd_tf_exponential_decay_staircase/metrics.csv');
// The run's own schedule (its run.json): TF ExponentialDecay(0.1, 500, 0.5, staircase=True).
const SPEC = { kind: 'exponential_decay', learning_rate: 0.1, decay_steps: 500, decay_rate: 0.5, staircase: true };

function lossColumn(): { steps: number[]; values: number[] } {
  const [header, ...rows] = readFileSync(FILE, 'utf8').trim().split('\n');
  const names = header!.split(',');
  const [si, li] = [names.indexOf('step'), names.indexOf('loss')];
  const steps: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[li] === '') continue;
    steps.push(Number(cells[si]));
    values.push(Number(cells[li]));
  }
  return { steps, values };
}

/** The definitions written out plainly, over the file's numbers. */
function expected(events: number[], n: number, w: number) {
  const { steps, values } = lossColumn();
  return events.map((event, k) => {
    const end = events[k + 1] ?? Infinity;
    const before = values.filter((_, i) => steps[i]! < event).slice(-n);
    const lossBefore = before.reduce((a, b) => a + b, 0) / before.length;
    let ema = 0;
    let count = 0;
    let peak = { step: NaN, value: -Infinity };
    let recoveredAt: number | null = null;
    for (let i = 0; i < steps.length; i++) {
      if (steps[i]! < event || steps[i]! >= end) continue;
      ema = ema * w + (1 - w) * values[i]!;
      count++;
      const smoothed = ema / (1 - w ** count);
      if (smoothed > peak.value) peak = { step: steps[i]!, value: smoothed };
      if (recoveredAt === null && smoothed <= lossBefore) recoveredAt = steps[i]!;
    }
    return { step: event, lossBefore, peak, recoveredAt };
  });
}

describe('series.restartImpact', () => {
  it('measures each drop of the staircase run against the loss in the file', async () => {
    const { runs } = await importPaths(s, [FILE]);
    const runId = runs[0]!.id;
    const schedule = s.schedules.save({ name: 'staircase', spec: SPEC });
    s.schedules.attach(schedule.id, [runId]);

    const result = await dispatch(createHandlers(s), 'series.restartImpact', { runId, metric: 'loss' });
    expect(result.ok).toBe(true);
    const table = (result as { value: import('../../src-shared/api/types').RestartImpactTable }).value;
    expect(table.before).toBe(20);
    expect(table.smoothing).toBe(0.6);
    expect(table.rows.map((r) => [r.step, r.event.kind])).toEqual([500, 1000, 1500, 2000, 2500].map((st) => [st, 'drop']));

    const want = expected([500, 1000, 1500, 2000, 2500], 20, 0.6);
    table.rows.forEach((row, i) => {
      expect(row.beforePoints).toBe(20);
      expect(row.lossBefore).toBeCloseTo(want[i]!.lossBefore, 12);
      expect(row.peak!.step).toBe(want[i]!.peak.step);
      expect(row.peak!.value).toBeCloseTo(want[i]!.peak.value, 12);
      expect(row.recoveredAt).toBe(want[i]!.recoveredAt);
    });
    expect(table.rows.map((r) => r.windowEnd)).toEqual([1000, 1500, 2000, 2500, null]);

    // N and the smoothing are the caller's to choose; the answer follows.
    const n5 = await dispatch(createHandlers(s), 'series.restartImpact', { runId, metric: 'loss', before: 5, smoothing: 0 });
    const rows5 = (n5 as { value: import('../../src-shared/api/types').RestartImpactTable }).value.rows;
    const want5 = expected([500, 1000, 1500, 2000, 2500], 5, 0);
    rows5.forEach((row, i) => {
      expect(row.lossBefore).toBeCloseTo(want5[i]!.lossBefore, 12);
      expect(row.peak!.value).toBe(want5[i]!.peak.value);
      expect(row.recoveredAt).toBe(want5[i]!.recoveredAt);
    });
  });

  it('has no rows for a run without a schedule', async () => {
    const { runs } = await importPaths(s, [FILE]);
    expect(s.restarts.impact(runs[0]!.id, 'loss', { before: 20, smoothing: 0.6 })).toMatchObject({ rows: [], schedule: null });
  });
});
