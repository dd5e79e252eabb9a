import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { parseInput } from './validate';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return (err as ApiError).issues;
  }
  throw new Error('expected the input to be refused');
}

describe('contract validation', () => {
  it('accepts good input and trims names', () => {
    expect(parseInput('runs.rename', { id: 3, name: '  cosine  ' })).toEqual({ id: 3, name: 'cosine' });
  });

  it('names each field in error and its rule', () => {
    expect(issuesOf(() => parseInput('runs.rename', { id: 0, name: '' }))).toEqual([
      { field: 'id', message: 'must be > 0' },
      { field: 'name', message: 'must not be empty' },
    ]);
    expect(issuesOf(() => parseInput('runs.get', { id: 1.5 }))).toEqual([{ field: 'id', message: 'must be a whole number' }]);
    expect(issuesOf(() => parseInput('runs.get', { id: 'seven' }))).toEqual([{ field: 'id', message: 'must be a number' }]);
  });

  it('names the index of a bad element in a list', () => {
    expect(issuesOf(() => parseInput('runs.setTags', { id: 1, tags: ['ok', 'has space'] }))).toEqual([
      { field: 'tags.1', message: 'must not contain spaces or commas' },
    ]);
  });

  it('rejects unknown fields', () => {
    expect(issuesOf(() => parseInput('runs.create', { name: 'x', admin: true }))).toEqual([
      { field: '(input)', message: 'unknown field(s): admin' },
    ]);
  });

  it('puts the method and fields in the message', () => {
    expect(() => parseInput('schedules.attach', { scheduleId: 1, runIds: [] })).toThrow('schedules.attach: runIds: must name at least one run');
  });
});
