import { describe, expect, it } from 'vitest';
import { configDiff } from './config-diff';

describe('configDiff', () => {
  it('splits the settings into differing (a missing one included) and shared', () => {
    const d = configDiff([{ lr: '0.1', seed: '3', opt: 'SGD' }, { lr: '0.2', seed: '3', opt: 'SGD', warmup: '10' }]);
    expect(d.differ).toEqual([{ key: 'lr', values: ['0.1', '0.2'] }, { key: 'warmup', values: [null, '10'] }]);
    expect(d.same.map((r) => r.key)).toEqual(['opt', 'seed']);
  });
  it('a single run has nothing that differs', () => {
    expect(configDiff([{ a: '1' }]).differ).toEqual([]);
  });
});
