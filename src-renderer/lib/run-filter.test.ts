import { describe, expect, it } from 'vitest';
import { runFilter } from './run-filter';

const runs = [
  { name: 'digits sgd staircase', tags: ['sgd'] },
  { name: 'digits adam cosine', tags: ['adam', 'lr=(0.1'] },
  { name: 'cifar onecycle', tags: [] },
];
const names = (text: string) => runs.filter(runFilter(text).matches).map((r) => r.name);

describe('runFilter', () => {
  it('matches names and tags with a case-insensitive regular expression', () => {
    expect(names('^DIGITS')).toEqual(['digits sgd staircase', 'digits adam cosine']);
    expect(names('onecycle|cosine')).toEqual(['digits adam cosine', 'cifar onecycle']);
    expect(names('^adam$')).toEqual(['digits adam cosine']); // by tag
    expect(runFilter('s.d').plainText).toBe(false);
  });

  it('falls back to plain text when the expression is invalid, and says so', () => {
    expect(runFilter('lr=(0.1').plainText).toBe(true);
    expect(names('lr=(0.1')).toEqual(['digits adam cosine']);
  });

  it('finds runs by a configuration value with key=value', () => {
    const withParams = [
      { name: 'a', tags: [], params: { 'schedule.params.max_lr': '0.2', seed: '3' } },
      { name: 'b', tags: [], params: { 'schedule.params.max_lr': '0.1', seed: '3' } },
    ];
    expect(withParams.filter(runFilter('max_lr=0.20').matches).map((r) => r.name)).toEqual(['a']);
    expect(withParams.filter(runFilter('seed=3').matches).map((r) => r.name)).toEqual(['a', 'b']);
  });

  it('shows every run for empty text', () => {
    expect(names('  ')).toHaveLength(3);
  });
});
