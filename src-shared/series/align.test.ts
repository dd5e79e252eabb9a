import { describe, expect, it } from 'vitest';
import { alignTo, nonFiniteRanges, unionSteps } from './align';

describe('aligning series on one x axis', () => {
  it('unions ascending step arrays without duplicates', () => {
    expect(Array.from(unionSteps([[0, 10, 20], [5, 10, 30], []]))).toEqual([0, 5, 10, 20, 30]);
  });

  it('places values, leaving missing points undefined and non-finite ones null', () => {
    const x = [0, 5, 10, 20, 30];
    expect(alignTo(x, [5, 10, 30], [0.5, NaN, Infinity])).toEqual([undefined, 0.5, null, undefined, null]);
  });

  it('groups consecutive non-finite values into ranges', () => {
    expect(nonFiniteRanges([1, 2, 3, 4, 5, 6], [NaN, NaN, 1, Infinity, 2, -Infinity])).toEqual([
      [1, 2],
      [4, 4],
      [6, 6],
    ]);
  });
});
