import { describe, expect, it } from 'vitest';
import type { Series } from '../../src-shared/api/series-types';
import { epochInterpolator, stepAtX, stepsUnder, stepToX } from './align';
import { commonRange, compareModel, exportCsv, runColor, type ComparedRun } from './compare-model';
import { scheduleDiff, sortRows, summaryRow } from './summary';

const series = (steps: number[], values: number[]): Series => ({ steps: Float64Array.from(steps), values: Float64Array.from(values), exact: true });

function run(id: number, steps: number[], values: number[], extra: Partial<ComparedRun> = {}): ComparedRun {
  return { id, name: `run ${id}`, color: runColor(id - 1), range: { from: steps[0]!, to: steps.at(-1)! }, loss: series(steps, values), loggedLr: null, epoch: null, byClock: null, overlay: null, ...extra };
}

const options = { metric: 'loss', align: 'step' as const, smoothing: 0, logY: false, logX: false, showMarks: true, hidden: new Set<number>() };

describe('alignment', () => {
  it('maps a run to 0–100 % of its own step range', () => {
    const toX = stepToX('fraction', { from: 100, to: 300 }, null)!;
    expect([100, 200, 300].map(toX)).toEqual([0, 50, 100]);
  });

  it('maps steps to epochs by interpolating the logged epoch, extending past its ends', () => {
    const toX = epochInterpolator(series([0, 100, 200], [0, 1, 2]))!;
    expect([0, 50, 150, 250].map(toX)).toEqual([0, 0.5, 1.5, 2.5]);
    expect(stepToX('epoch', { from: 0, to: 10 }, null)).toBeNull();
  });
});

describe('compareModel', () => {
  it('overlays runs of different lengths on one x, each in its own colour, hidden runs left out', () => {
    const a = run(1, [0, 10, 20], [3, 2, 1]);
    const b = run(2, [0, 5, 10, 15], [4, 3, 2, 1]);
    const m = compareModel([a, b], options);
    expect(Array.from(m.loss.x)).toEqual([0, 5, 10, 15, 20]);
    expect(m.loss.series.map((s) => [s.label, s.color])).toEqual([['run 1', runColor(0)], ['run 2', runColor(1)]]);
    expect(m.loss.series[0]!.values).toEqual([3, undefined, 2, undefined, 1]);
    const hidden = compareModel([a, b], { ...options, hidden: new Set([1]) });
    expect(hidden.loss.series.map((s) => s.label)).toEqual(['run 2']);
  });

  it('aligns by fraction so that runs of different lengths end together', () => {
    const m = compareModel([run(1, [0, 10, 20], [3, 2, 1]), run(2, [0, 50, 100], [4, 3, 2])], { ...options, align: 'fraction' });
    expect(Array.from(m.loss.x)).toEqual([0, 50, 100]);
    expect(m.xLabel).toBe('training (%)');
  });

  it('leaves out runs without an epoch when aligned by epoch, and says which', () => {
    const m = compareModel([run(1, [0, 10], [1, 2], { epoch: series([0, 10], [0, 1]) }), run(2, [0, 10], [1, 2])], { ...options, align: 'epoch' });
    expect(m.unaligned).toEqual(['run 2']);
    expect(Array.from(m.loss.x)).toEqual([0, 1]);
  });

  it('drops points a log axis cannot show: x ≤ 0 with log x, y ≤ 0 with log y', () => {
    const m = compareModel([run(1, [0, 1, 2], [0, 2, 1])], { ...options, logX: true, logY: true });
    expect(Array.from(m.loss.x)).toEqual([1, 2]);
    expect(m.loss.series[0]!.values).toEqual([2, 1]);
  });

  it('exports the aligned x and one column per run and line, missing values empty', () => {
    const csv = exportCsv(compareModel([run(1, [0, 10], [3, 1]), run(2, [0, 5], [4, NaN])], options));
    expect(csv).toBe('step,run 1 loss,run 2 loss\n0,3,4\n5,,\n10,1,\n');
  });
});

describe('summary and schedule diff', () => {
  it('sorts by a column, rows without a value last', () => {
    const stats = (v: number) => ({
      count: 1,
      nanCount: 0,
      infCount: 0,
      lastLogged: { step: 1, value: v },
      divergedAt: null,
      first: null,
      last: { step: 1, value: v },
      min: null,
      auc: null,
      area: null,
      areaNonFinite: null,
      valueAt: [],
    });
    const rows = [
      summaryRow({ id: 1, name: 'a', color: '', kind: null }, stats(0.5), null),
      summaryRow({ id: 2, name: 'b', color: '', kind: null }, null, null),
      summaryRow({ id: 3, name: 'c', color: '', kind: null }, stats(0.1), null),
    ];
    expect(sortRows(rows, 'final', true).map((r) => r.name)).toEqual(['c', 'a', 'b']);
    expect(sortRows(rows, 'final', false).map((r) => r.name)).toEqual(['a', 'c', 'b']);
  });

  it('a diverged run: final is the last logged value (NaN), with the divergence step; no area, with the reason', () => {
    const stats = {
      count: 990,
      nanCount: 788,
      infCount: 1,
      lastLogged: { step: 989, value: 'NaN' as const },
      divergedAt: 201,
      first: { step: 0, value: 2.5 },
      last: { step: 200, value: 2.9e29 },
      min: { step: 199, value: 0.51 },
      auc: null,
      area: null,
      areaNonFinite: { firstStep: 201, nanCount: 788, infCount: 1 },
      valueAt: [],
    };
    const row = summaryRow({ id: 1, name: 'diverged', color: '', kind: null }, stats, null);
    expect(row.final).toBeNaN();
    expect(row.finalStep).toBe(989);
    expect(row.divergedAt).toBe(201);
    expect(row.auc).toBeNull();
    expect(row.aucMissing).toBe('788 NaN and 1 inf from step 201 on: no area');
    expect([row.nanCount, row.infCount]).toEqual([788, 1]);
    // NaN sorts with the missing values, last.
    const fine = summaryRow({ id: 2, name: 'fine', color: '', kind: null }, { ...stats, lastLogged: { step: 9, value: 0.3 }, divergedAt: null }, null);
    expect(sortRows([row, fine], 'final', true).map((r) => r.name)).toEqual(['fine', 'diverged']);
    expect(sortRows([row, fine], 'final', false).map((r) => r.name)).toEqual(['fine', 'diverged']);
  });

  it('highlights the parameters that differ between the attached schedules', () => {
    const rows = scheduleDiff([
      { kind: 'exponential_decay', decay_rate: 0.6, staircase: true },
      { kind: 'exponential_decay', decay_rate: 0.8, staircase: true },
      null,
    ]);
    expect(rows).toEqual([
      { param: 'kind', values: ['exponential_decay', 'exponential_decay', 'no schedule'], differs: true },
      { param: 'decay_rate', values: ['0.6', '0.8', null], differs: true },
      { param: 'staircase', values: ['true', 'true', null], differs: true },
    ]);
    expect(scheduleDiff([{ kind: 'x', a: 1 }, { kind: 'x', a: 1 }]).map((r) => r.differs)).toEqual([false, false]);
  });

  it('finds the step range every run covers', () => {
    expect(commonRange([{ from: 0, to: 2999 }, { from: 0, to: 1999 }, null])).toEqual({ from: 0, to: 1999 });
    expect(commonRange([{ from: 0, to: 10 }, { from: 20, to: 30 }])).toBeNull();
  });
});

describe('zoomed x back to steps', () => {
  it('finds each run’s steps under an x range, for every alignment', () => {
    const range = { from: 0, to: 2999 };
    const byStep = stepToX('step', range, null)!;
    expect(stepsUnder(byStep, range, { from: 100.5, to: 200 })).toEqual({ from: 100, to: 201 });
    const byFraction = stepToX('fraction', range, null)!;
    // 10 % of 0..2999 is step 299.9 → the first whole step at or after it is 300.
    expect(stepAtX(byFraction, range, 10)).toBe(300);
    expect(stepsUnder(byFraction, range, { from: -5, to: 200 })).toEqual({ from: 0, to: 2999 });
    const epoch = { steps: Float64Array.from([0, 1000, 2000]), values: Float64Array.from([0, 1, 2]), exact: true };
    const byEpoch = stepToX('epoch', range, epoch)!;
    expect(stepAtX(byEpoch, range, 1.5)).toBe(1500);
  });
});

describe('the compared loss ignores outliers unless told (issue 9, item 6)', () => {
  it('on by default, off on request; the rate chart keeps its own range', () => {
    const m = compareModel([run(1, [0, 10, 20], [3, 2, 2.9e29])], options);
    expect(m.loss.scales[0]).toMatchObject({ ignoreOutliers: true });
    expect(compareModel([run(1, [0, 10, 20], [3, 2, 2.9e29])], { ...options, ignoreOutliers: false }).loss.scales[0]).toMatchObject({ ignoreOutliers: false });
  });
});

describe('thinned runs in compare', () => {
  it('draw their buckets’ max and min faint around the line, as the run view does; exact runs do not', () => {
    const thinned: ComparedRun = {
      ...run(1, [0, 10, 20], [3, 2, 1]),
      loss: { steps: Float64Array.from([0, 10, 20]), values: Float64Array.from([3, 2, 1]), min: Float64Array.from([2.5, 1.5, 0.5]), max: Float64Array.from([3.5, 2.5, 1.5]), exact: false },
    };
    const m = compareModel([thinned, run(2, [0, 10], [1, 1])], options);
    expect(m.loss.series.map((s) => s.label)).toEqual(['run 1 max', 'run 1 min', 'run 1', 'run 2']);
    expect(Array.from(m.loss.series[0]!.values as ArrayLike<number>)).toEqual([3.5, 2.5, 1.5]);
    expect(m.loss.series[0]!.faint).toBe(true);
  });
});
