import { describe, expect, it } from 'vitest';
import { RestartImpactScan } from './restart-impact';

function scan(steps: number[], losses: number[], events: number[], before: number, smoothing: number) {
  const s = new RestartImpactScan(events, before, smoothing);
  steps.forEach((step, i) => s.add(step, losses[i]!));
  return s.finish();
}

describe('RestartImpactScan', () => {
  // Unsmoothed (weight 0), so every figure can be read off the numbers by eye.
  const steps = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const loss = [1.0, 0.8, 0.6, 0.5, 0.9, 0.7, 0.55, 0.45, 0.7, 0.4];

  it('loss before = mean of the last N points; peak and recovery within the window up to the next event', () => {
    expect(scan(steps, loss, [4, 8], 2, 0)).toEqual([
      // before 4: mean(0.6, 0.5) = 0.55; window 4..7: peak 0.9 at 4; 0.55 at step 6 is back at the level.
      { step: 4, lossBefore: 0.55, beforePoints: 2, peak: { step: 4, value: 0.9 }, recoveredAt: 6, windowEnd: 8, nonFiniteAt: null },
      // before 8: mean(0.55, 0.45) = 0.5; window 8..end: peak 0.7; 0.4 at 9.
      { step: 8, lossBefore: 0.5, beforePoints: 2, peak: { step: 8, value: 0.7 }, recoveredAt: 9, windowEnd: null, nonFiniteAt: null },
    ]);
  });

  it('smooths with the debiased EMA restarted at the event', () => {
    // Window of event 2: values 3, 1. EMA(0.5): 3, then (0.5·1.5 + 0.5·1)/(1 − 0.25) = 1.25/0.75.
    const [row] = scan([0, 1, 2, 3], [2, 2, 3, 1], [2], 2, 0.5);
    expect(row!.peak).toEqual({ step: 2, value: 3 });
    expect(row!.lossBefore).toBe(2);
    expect(row!.recoveredAt).toBe(3); // 1.666… <= 2
  });

  it('says not recovered, and where the loss went non-finite, for a divergence', () => {
    const [row] = scan([0, 1, 2, 3, 4], [0.5, 0.4, 0.9, Infinity, NaN], [2], 5, 0);
    expect(row).toEqual({ step: 2, lossBefore: 0.45, beforePoints: 2, peak: { step: 2, value: 0.9 }, recoveredAt: null, windowEnd: null, nonFiniteAt: 3 });
  });

  it('gives every event a row, with nothing before the first point and empty windows', () => {
    const rows = scan([5, 6], [0.3, 0.2], [0, 1, 7], 3, 0);
    expect(rows.map((r) => [r.step, r.lossBefore, r.peak, r.windowEnd])).toEqual([
      [0, null, null, 1],
      [1, null, { step: 5, value: 0.3 }, 7],
      [7, 0.25, null, null],
    ]);
  });
});
