import { describe, expect, it } from 'vitest';
import { stepAtOrBefore, stepToX } from './align';

describe("each run's own step under the compare cursor", () => {
  it('by step, by fraction of the run: the last step at or before the x', () => {
    const range = { from: 0, to: 1000 };
    expect(stepAtOrBefore(stepToX('step', range, null)!, range, 500.6)).toBe(500);
    expect(stepAtOrBefore(stepToX('step', range, null)!, range, 2000)).toBe(1000);
    expect(stepAtOrBefore(stepToX('step', { from: 10, to: 20 }, null)!, { from: 10, to: 20 }, 5)).toBeNull();
    // 50 % of a 0–1000 run is step 500; 50.05 % still step 500.
    expect(stepAtOrBefore(stepToX('fraction', range, null)!, range, 50.05)).toBe(500);
  });
});
