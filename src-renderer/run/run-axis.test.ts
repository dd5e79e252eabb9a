import { describe, expect, it } from 'vitest';
import { stepToAxis } from '../charts/x-axis';
import { placeOnAxis, stepAtX, stepsUnderX } from './run-axis';

// A clock logged at steps 0, 100, 200: the second hundred steps took three times as long.
const clock = { steps: Float64Array.from([0, 100, 200]), values: Float64Array.from([1000, 1010, 1040]), exact: true };
const toX = stepToAxis('wall', clock)!;
const range = { from: 0, to: 200 };

describe('the run view on a time axis', () => {
  it('moves the chart’s steps and its marks by the same mapping', () => {
    const model = { x: Float64Array.from([0, 100, 150, 200]), series: [], scales: [], marks: [{ step: 100, toStep: 150, kind: 'drop' as const, label: 'drop 1' }] };
    const placed = placeOnAxis(model, toX);
    expect(Array.from(placed.x)).toEqual([1000, 1010, 1025, 1040]);
    expect(placed.marks[0]).toMatchObject({ step: 1010, toStep: 1025, label: 'drop 1' });
    expect(placeOnAxis(model, null)).toBe(model);
  });
  it('turns the cursor’s x back into the step drawn there, and a zoom into steps', () => {
    expect(stepAtX(toX, range, 1025)).toBe(150);
    expect(stepAtX(toX, range, 1025.2)).toBe(150); // between two steps: the one at or before
    expect(stepAtX(null, range, 42)).toBe(42); // by step: x is the step
    expect(stepAtX(toX, range, null)).toBeNull();
    expect(stepsUnderX(toX, range, 1010, 1025)).toEqual({ from: 99, to: 151 });
  });
});
