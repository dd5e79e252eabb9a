// parseSpec: zod does the checking; this turns its issues into messages that name the field and
// the rule ("decay_steps: must be > 0", "schedulers[1].gamma: must be a finite number").
import type { z } from 'zod';
import { ScheduleSpec, SEQUENTIAL_CHILD_KINDS, type ScheduleSpec as Spec } from './spec';

export interface SpecError { field: string; message: string }
export type ParseResult = { ok: true; spec: Spec } | { ok: false; errors: SpecError[] };

export function parseSpec(input: unknown): ParseResult {
  const result = ScheduleSpec.safeParse(input);
  if (result.success) return { ok: true, spec: result.data };
  const errors = result.error.issues.flatMap((issue) => describeIssue(issue, input));
  return { ok: false, errors };
}

/** One line per error, for stderr and logs. */
export function formatErrors(errors: readonly SpecError[]): string {
  return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('\n');
}

function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'must be a finite number',
  int: 'must be an integer',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be an object',
  string: 'must be a string',
};

function describeIssue(issue: z.core.$ZodIssue, input: unknown): SpecError[] {
  const field = fieldName(issue.path);
  const inSequential = issue.path.includes('schedulers');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        field: fieldName([...issue.path, key]),
        message: key === 'lr' && inSequential ? 'set lr on the SequentialLR, not on its schedulers' : 'unknown parameter',
      }));
    case 'invalid_type': {
      const got = valueAt(input, issue.path);
      if (got === undefined) return [{ field, message: 'is required' }];
      if (issue.expected === 'int' && typeof got === 'number' && Number.isFinite(got)) return [{ field, message: 'must be an integer' }];
      return [{ field, message: TYPE_WORDS[issue.expected] ?? `must be ${issue.expected}` }];
    }
    case 'too_big':
    case 'too_small':
      return [{ field, message: 'must be a safe integer' }];
    case 'invalid_value':
      return [{ field, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` }];
    case 'invalid_union': {
      const kind = valueAt(input, issue.path);
      if ('note' in issue && issue.note === 'No matching discriminator') {
        if (kind === undefined) return [{ field, message: 'is required' }];
        const message = inSequential && typeof kind === 'string' && kind.startsWith('torch.')
          ? `${JSON.stringify(kind)} cannot be a SequentialLR scheduler (allowed: ${SEQUENTIAL_CHILD_KINDS.join(', ')})`
          : `unknown schedule kind ${JSON.stringify(kind)}`;
        return [{ field, message }];
      }
      return [{ field, message: issue.message }];
    }
    default:
      return [{ field, message: issue.message }];
  }
}
