import { describe, expect, test } from 'vitest';
import { parseSpec, type ScheduleSpec } from '../../src-shared/schedule';
import { compareModel, type ComparedRun } from '../compare/compare-model';
import { scheduleView } from './schedule-view';
import { stepToAxis } from './x-axis';

function spec(input: Record<string, unknown>): ScheduleSpec {
  const p = parseSpec(input);
  if (!p.ok) throw new Error('bad spec');
  return p.spec;
}

describe('marks say rise where the rate goes up (issue 9, item 5)', () => {
  const piecewise = spec({ kind: 'piecewise_constant', boundaries: [100, 200], values: [0.01, 0.03, 0.5] });
  test('run view and designer marks', () => {
    const overlay = scheduleView(piecewise, { from: 0, to: 300 });
    expect(overlay.marks.map((m) => [m.kind, m.label])).toEqual([
      ['rise', 'rise 1 · lr 0.01 → 0.03'],
      ['rise', 'rise 2 · lr 0.03 → 0.5'],
    ]);
    expect(overlay.stepped).toBe(true);
  });
  test('compare marks', () => {
    const run: ComparedRun = { id: 1, name: 'a', color: '#000000', range: { from: 0, to: 300 }, loss: null, loggedLr: null, epoch: null, byClock: null, overlay: scheduleView(piecewise, { from: 0, to: 300 }) };
    const model = compareModel([run], { metric: 'loss', align: 'step', smoothing: 0, logY: false, logX: false, showMarks: true, hidden: new Set() });
    expect(model.loss.marks.map((m) => m.label)).toEqual(['rise 1 · lr 0.01 → 0.03', 'rise 2 · lr 0.03 → 0.5']);
  });
});

describe('compare by wall time (issue 14)', () => {
  const piecewise = spec({ kind: 'piecewise_constant', boundaries: [100, 200], values: [0.01, 0.03, 0.5] });
  test('the curves, the schedule and its marks move to the clock together; a run without a clock is named', () => {
    const clock = { steps: Float64Array.from([0, 300]), values: Float64Array.from([1_700_000_000, 1_700_000_600]), exact: true };
    const byClock = stepToAxis('wall', clock);
    const loss = { steps: Float64Array.from([0, 100, 200, 300]), values: Float64Array.from([3, 2, 1, 0.5]), exact: true };
    const timed: ComparedRun = { id: 1, name: 'a', color: '#000000', range: { from: 0, to: 300 }, loss, loggedLr: null, epoch: null, byClock, overlay: scheduleView(piecewise, { from: 0, to: 300 }) };
    const untimed: ComparedRun = { ...timed, id: 2, name: 'b', byClock: null };
    const model = compareModel([timed, untimed], { metric: 'loss', align: 'wall', smoothing: 0, logY: false, logX: false, showMarks: true, hidden: new Set() });
    expect(model.xKind).toBe('time');
    expect(Array.from(model.loss.x)).toEqual([1_700_000_000, 1_700_000_200, 1_700_000_400, 1_700_000_600]);
    // The rises (the rate changes at steps 101 and 201) sit at those steps' clock: 2 s a step.
    expect(timed.overlay!.marks.map((m) => m.step)).toEqual([101, 201]);
    expect(model.loss.marks.map((m) => m.step)).toEqual([1_700_000_202, 1_700_000_402]);
    expect(model.lr!.curves[0]!.x[0]).toBe(1_700_000_000);
    expect(model.unaligned).toEqual(['b']);
  });
});
