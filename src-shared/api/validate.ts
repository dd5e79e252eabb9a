import type { z } from 'zod';
import { contract, type MethodName, type ParsedInput } from './contract';
import { ApiError } from './errors';

/** Validates a method's input; the error names each field in error and the rule it broke. */
export function parseInput<K extends MethodName>(name: K, raw: unknown): ParsedInput<K> {
  const schema = contract[name].input as z.ZodType;
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data as ParsedInput<K>;
  const issues = result.error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : '(input)',
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  throw new ApiError('invalid_input', `${name}: ${summary}`, issues);
}
