import { describe, expect, it } from 'vitest';
import { evaluateAt, parseSpec } from '../../src-shared/schedule';
import { readout, valueAt } from './cursor-readout';

const series = (steps: number[], values: number[]) => ({ steps: Float64Array.from(steps), values: Float64Array.from(values), exact: true });

describe('the cursor readout', () => {
  it('takes the value logged at the step, or the last one before it', () => {
    const s = series([0, 10, 20], [1, 0.5, 0.25]);
    expect(valueAt(s, 10)).toBe(0.5);
    expect(valueAt(s, 15)).toBe(0.5);
    expect(valueAt(s, 99)).toBe(0.25);
    expect(valueAt(series([5], [1]), 4)).toBeNull();
    expect(valueAt(undefined, 4)).toBeNull();
  });

  it('says the scheduled rate and where in the schedule the step is', () => {
    const parsed = parseSpec({ kind: 'exponential_decay', learning_rate: 0.6, decay_steps: 10, decay_rate: 0.6, staircase: true });
    if (!parsed.ok) throw new Error('spec');
    const r = readout(25, { metrics: [{ name: 'loss', series: series([20, 30], [0.4, 0.3]) }], spec: parsed.spec });
    // The engine's exact value at that step (its own golden tests check the number itself).
    expect(r.scheduledLr).toBe(evaluateAt(parsed.spec, [25])[0]);
    expect(r.scheduledLr).not.toBe(evaluateAt(parsed.spec, [19])[0]);
    expect(r.values).toEqual([{ name: 'loss', value: 0.4 }]);
    expect(r.position).toMatch(/stair 3/);
  });
});
