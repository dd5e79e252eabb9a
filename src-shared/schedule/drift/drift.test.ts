// Drift on logs made by running each mistake with real PyTorch
// (scripts/torch-reference/make_drift_fixtures.py, Debian's python3-torch; the JSON is committed):
// the stretches above the tolerance, and the cause named.
import { describe, expect, test } from 'vitest';
import type { ScheduleSpecInput } from '../spec';
import { spec } from '../test-util';
import { driftReport } from './index';
import fixtures from '../../../scripts/torch-reference/drift_fixtures.json';

type Case = { spec: ScheduleSpecInput; steps: number[]; lr: number[]; cause: string | null; value: number };
const CASES = fixtures.cases as unknown as Record<string, Case>;

describe(`drift diagnoses on real PyTorch ${fixtures.torch_version} runs`, () => {
  for (const [name, c] of Object.entries(CASES)) {
    test(name, () => {
      const report = driftReport(spec(c.spec), c.steps, c.lr);
      if (c.cause === null) {
        expect(report.stretches).toEqual([]);
        expect(report.diagnoses).toEqual([]);
        expect(report.maxResidual).toBeLessThan(1e-12);
        return;
      }
      expect(report.stretches.length).toBeGreaterThan(0);
      const found = report.diagnoses.find((d) => d.cause === c.cause);
      expect(found, `${c.cause} not among ${JSON.stringify(report.diagnoses)}`).toBeDefined();
      expect(found!.value).toBeCloseTo(c.value, 9);
      expect(found!.maxRelError).toBeLessThanOrEqual(report.tolerance);
      // The cause that fits is named first (an exact explanation beats a partial one).
      expect(report.diagnoses[0].cause).toBe(c.cause);
    });
  }
});

describe('stretches', () => {
  const meant = spec({ kind: 'torch.StepLR', lr: 0.1, step_size: 10, gamma: 0.5 });
  const steps = Array.from({ length: 60 }, (_, i) => i);
  const logged = steps.map((s) => 0.1 * 0.5 ** Math.floor(s / 10));
  test('each stretch above the tolerance: from, to, its worst step', () => {
    const values = logged.map((v, s) => (s >= 20 && s < 25 ? v * 1.001 : s === 40 ? v * (1 + 2e-6) : v));
    const r = driftReport(meant, steps, values);
    expect(r.stretches).toHaveLength(1);
    expect(r.stretches[0]).toMatchObject({ fromStep: 20, toStep: 24, points: 5, logged: values[20] });
    expect(r.stretches[0].maxResidual).toBeCloseTo(0.001, 9);
  });
  test('the tolerance is settable', () => {
    const values = logged.map((v, s) => (s === 40 ? v * (1 + 2e-6) : v));
    expect(driftReport(meant, steps, values).stretches).toHaveLength(0);
    expect(driftReport(meant, steps, values, { tolerance: 1e-6 }).stretches).toEqual([expect.objectContaining({ fromStep: 40, toStep: 40 })]);
  });
});
