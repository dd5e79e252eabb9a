import { describe, expect, it } from 'vitest';
import { restartImpact } from './restart-impact';

describe('restartImpact', () => {
  // A loss that falls, jumps at the restart at step 4, and recovers below 0.5 at step 7.
  const steps = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const loss = [1.0, 0.8, 0.6, 0.5, 0.9, 0.7, 0.55, 0.45, 0.7, 0.4];

  it('reports the loss before, the peak after and the steps to recover', () => {
    expect(restartImpact(steps, loss, [4])).toEqual([{ step: 4, lossBefore: 0.5, peakAfter: 0.9, stepsToRecover: 3 }]);
  });

  it('bounds the peak by the next event, but lets recovery run past it', () => {
    expect(restartImpact(steps, loss, [4, 8])).toEqual([
      { step: 4, lossBefore: 0.5, peakAfter: 0.9, stepsToRecover: 3 },
      { step: 8, lossBefore: 0.45, peakAfter: 0.7, stepsToRecover: 1 },
    ]);
  });

  it('says null where the loss never got back, or nothing was logged before', () => {
    expect(restartImpact([0, 1, 2], [0.1, 0.5, 0.4], [1])).toEqual([{ step: 1, lossBefore: 0.1, peakAfter: 0.5, stepsToRecover: null }]);
    expect(restartImpact([5, 6], [0.3, 0.2], [0])).toEqual([{ step: 0, lossBefore: null, peakAfter: 0.3, stepsToRecover: null }]);
  });

  it('skips NaN and infinite losses', () => {
    expect(restartImpact([0, 1, 2, 3, 4], [0.5, NaN, Infinity, 0.6, 0.4], [1])).toEqual([
      { step: 1, lossBefore: 0.5, peakAfter: 0.6, stepsToRecover: 3 },
    ]);
  });
});
