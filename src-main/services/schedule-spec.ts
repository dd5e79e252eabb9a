import { ApiError } from '../../src-shared/api/errors';
import { parseSpec } from '../../src-shared/schedule';

export { SPEC_VERSION } from '../../src-shared/schedule';

/** The engine's own validation, so a stored schedule is always one the engine can evaluate. */
export function checkScheduleSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const result = parseSpec(spec);
  if (result.ok) return result.spec as Record<string, unknown>;
  const issues = result.errors.map((e) => ({ field: `spec.${e.field}`, message: e.message }));
  throw new ApiError('invalid_input', `schedules.save: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, issues);
}
