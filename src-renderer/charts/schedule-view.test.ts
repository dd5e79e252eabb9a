import { describe, expect, test } from 'vitest';
import { parseSpec, type ScheduleSpec } from '../../src-shared/schedule';
import { compareModel, type ComparedRun } from '../compare/compare-model';
import { scheduleView } from './schedule-view';

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
    const run: ComparedRun = { id: 1, name: 'a', color: '#000000', range: { from: 0, to: 300 }, loss: null, loggedLr: null, epoch: null, overlay: scheduleView(piecewise, { from: 0, to: 300 }) };
    const model = compareModel([run], { metric: 'loss', align: 'step', smoothing: 0, logY: false, logX: false, showMarks: true, hidden: new Set() });
    expect(model.loss.marks.map((m) => m.label)).toEqual(['rise 1 · lr 0.01 → 0.03', 'rise 2 · lr 0.03 → 0.5']);
  });
});
