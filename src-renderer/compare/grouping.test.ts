import { describe, expect, it } from 'vitest';
import { groupCurve, groupRuns, NO_GROUP } from './grouping';

const runs = [
  { id: 1, name: 'adam_lr0.1_seed1', tags: ['adam'], params: { lr: '0.1' } },
  { id: 2, name: 'adam_lr0.1_seed2', tags: ['adam'], params: { lr: '0.1' } },
  { id: 3, name: 'sgd_lr0.5_seed1', tags: [], params: { lr: '0.5' } },
  { id: 4, name: 'other', tags: ['sgd', 'big'], params: {} },
];

describe('groupRuns', () => {
  it('by a configuration key', () => {
    expect(groupRuns(runs, { by: 'config', key: 'lr' }).groups).toEqual([
      { name: 'lr=0.1', runIds: [1, 2] },
      { name: 'lr=0.5', runIds: [3] },
      { name: NO_GROUP, runIds: [4] },
    ]);
  });
  it('by tag', () => {
    expect(groupRuns(runs, { by: 'tag' }).groups.map((g) => g.name)).toEqual(['adam', NO_GROUP, 'big, sgd']);
  });
  it('by a name regex: the first capture group names the group', () => {
    expect(groupRuns(runs, { by: 'regex', pattern: '^(.*)_seed\\d+$' }).groups).toEqual([
      { name: 'adam_lr0.1', runIds: [1, 2] },
      { name: 'sgd_lr0.5', runIds: [3] },
      { name: NO_GROUP, runIds: [4] },
    ]);
    expect(groupRuns(runs, { by: 'regex', pattern: '(' }).error).toMatch(/^Not a regular expression/);
  });
});

describe('groupCurve', () => {
  const a = { steps: [0, 10, 20], values: [1, 2, 3] };
  const b = { steps: [0, 5, 10], values: [3, 3, NaN] };
  it('means and min–max over the runs that cover each step, interpolating between their points', () => {
    const c = groupCurve([a, b], 'minmax');
    expect(Array.from(c.x)).toEqual([0, 5, 10, 20]);
    // at 5: a interpolates to 1.5, b is 3; at 10 b's NaN is skipped so b ends at 5.
    expect(Array.from(c.mean)).toEqual([2, 2.25, 2, 3]);
    expect(Array.from(c.lower)).toEqual([1, 1.5, 2, 3]);
    expect(Array.from(c.upper)).toEqual([3, 3, 2, 3]);
    expect(Array.from(c.count)).toEqual([2, 2, 1, 1]);
  });
  it('±1 standard deviation (population)', () => {
    const c = groupCurve([a, b], 'std');
    expect(c.lower[0]).toBeCloseTo(1);
    expect(c.upper[0]).toBeCloseTo(3);
    expect(c.lower[3]).toBe(3);
  });
});
