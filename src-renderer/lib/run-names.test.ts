import { describe, expect, it } from 'vitest';
import { shortPath, sourceHints, splitForEllipsis } from './run-names';

describe('run names in lists (issue 9, item 9)', () => {
  it('a long name loses its middle, keeps its end', () => {
    const name = 'digits_mlp_adam_tf_cosine_decay_restarts_warmup_seed_3';
    const { head, tail } = splitForEllipsis(name);
    expect(head + tail).toBe(name);
    expect(tail).toBe('warmup_seed_3'.padStart(14, '_'));
    expect(splitForEllipsis('short')).toEqual({ head: 'short', tail: '' });
  });

  it('runs of equal names say their source, with enough of the path to differ', () => {
    const hints = sourceHints([
      { id: 1, name: 'metrics', sourcePath: '/data/a/run1/metrics.csv', sourceFormat: 'csv' },
      { id: 2, name: 'metrics', sourcePath: '/data/b/run1/metrics.csv', sourceFormat: 'csv' },
      { id: 3, name: 'metrics', sourcePath: '/data/a/run1/metrics.jsonl', sourceFormat: 'jsonl' },
      { id: 4, name: 'unique', sourcePath: '/x/y.csv', sourceFormat: 'csv' },
      { id: 5, name: 'twice', sourcePath: '/x/y.csv', sourceFormat: 'csv' },
      { id: 6, name: 'twice', sourcePath: '/x/y.csv', sourceFormat: 'csv' },
    ]);
    expect(hints.get(1)).toBe('a/run1/metrics.csv · csv');
    expect(hints.get(2)).toBe('b/run1/metrics.csv · csv');
    expect(hints.get(3)).toBe('a/run1/metrics.jsonl · jsonl');
    expect(hints.has(4)).toBe(false);
    expect(hints.get(5)).not.toBe(hints.get(6));
    expect(shortPath('C:\\runs\\a\\metrics.csv')).toBe('a/metrics.csv');
  });
});
