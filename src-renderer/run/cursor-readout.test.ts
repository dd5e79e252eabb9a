import { describe, expect, it } from 'vitest';
import { evaluateAt, parseSpec } from '../../src-shared/schedule';
import { localPoints, pointAt, readout, readoutText, relativeResidual } from './cursor-readout';

const series = (steps: number[], values: number[], exact = true) => ({ steps: Float64Array.from(steps), values: Float64Array.from(values), exact });

describe('the cursor readout', () => {
  it('takes the point logged at the step, or the last one before it, with its step', () => {
    const s = series([0, 10, 20], [1, 0.5, 0.25]);
    expect(pointAt(s, 10)).toEqual({ step: 10, value: 0.5 });
    expect(pointAt(s, 15)).toEqual({ step: 10, value: 0.5 });
    expect(pointAt(s, 99)).toEqual({ step: 20, value: 0.25 });
    expect(pointAt(series([5], [1]), 4)).toBeNull();
    expect(pointAt(undefined, 4)).toBeNull();
  });

  it('answers from fetched points only when they are every stored point, never from buckets', () => {
    const exact = series([0, 10, 20], [1, 0.5, 0.25]);
    expect(localPoints(15, ['loss'], { loss: exact }, null)?.get('loss')).toEqual({ step: 10, value: 0.5 });
    // Thinned: a bucket's first point is not the value at a step inside the bucket.
    expect(localPoints(15, ['loss'], { loss: series([0, 10, 20], [1, 0.5, 0.25], false) }, null)).toBeNull();
    // Zoomed to 12–30: the last point before 12 may lie outside the fetched range.
    expect(localPoints(12, ['val'], { val: series([20], [0.3]) }, { from: 12, to: 30 })).toBeNull();
    expect(localPoints(25, ['val'], { val: series([20], [0.3]) }, { from: 12, to: 30 })?.get('val')).toEqual({ step: 20, value: 0.3 });
    expect(localPoints(31, ['val'], { val: series([20], [0.3]) }, { from: 12, to: 30 })).toBeNull();
    expect(localPoints(5, ['missing'], {}, null)).toBeNull();
  });

  it('says the scheduled rate, the residual against the logged one, and where in the schedule the step is', () => {
    const parsed = parseSpec({ kind: 'exponential_decay', learning_rate: 0.6, decay_steps: 10, decay_rate: 0.6, staircase: true });
    if (!parsed.ok) throw new Error('spec');
    const lr = evaluateAt(parsed.spec, [25])[0]!;
    const points = new Map([['loss', { step: 20, value: 0.4 }], ['lr', { step: 25, value: lr * 0.99 }]]);
    const r = readout(25, points, { metrics: ['loss'], epoch: null, loggedLr: 'lr', spec: parsed.spec });
    // The engine's exact value at that step (its own golden tests check the number itself).
    expect(r.scheduledLr).toBe(lr);
    expect(r.scheduledLr).not.toBe(evaluateAt(parsed.spec, [19])[0]);
    expect(r.values).toEqual([{ name: 'loss', point: { step: 20, value: 0.4 } }]);
    expect(r.residual).toBe((lr - lr * 0.99) / lr);
    expect(r.position).toMatch(/stair 3/);
    expect(readoutText(r)).toContain('loss\t0.4\t(step 20)');
    // A logged rate from an earlier step is no residual at this one.
    const stale = readout(26, points, { metrics: ['loss'], epoch: null, loggedLr: 'lr', spec: parsed.spec });
    expect(stale.residual).toBeNull();
    expect(relativeResidual(0, 0.1)).toBeNull();
    expect(relativeResidual(0.1, NaN)).toBeNull();
  });
});
