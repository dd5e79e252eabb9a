import { ApiError } from '../../src-shared/api/errors';
import type { AttachedSchedule, ScheduleRef } from '../../src-shared/api/types';
import { formatErrors, parseSpec } from '../../src-shared/schedule';

export { SPEC_VERSION } from '../../src-shared/schedule';

/** The engine's own validation, so a stored schedule is always one the engine can evaluate. */
export function checkScheduleSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const result = parseSpec(spec);
  if (result.ok) return result.spec as Record<string, unknown>;
  const issues = result.errors.map((e) => ({ field: `spec.${e.field}`, message: e.message }));
  throw new ApiError('invalid_input', `schedules.save: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, issues);
}

/**
 * A run's attached schedule with its stored spec parsed, once, for every view (runs.get). A spec
 * this version can no longer read (an older or hand-edited database) is an error the run view
 * shows by the schedule's name, not a schedule that silently draws nothing.
 */
export function readAttachedSchedule(ref: ScheduleRef, specJson: string): AttachedSchedule {
  const { id, name, kind } = ref;
  const unreadable = (why: string): AttachedSchedule => ({ id, name, kind, spec: null, specError: `schedule "${name}" cannot be drawn: its stored spec ${why}` });
  let stored: unknown;
  try {
    stored = JSON.parse(specJson);
  } catch {
    return unreadable('is not JSON');
  }
  const parsed = parseSpec(stored);
  if (!parsed.ok) return unreadable(`does not parse (${formatErrors(parsed.errors).replace(/\n/g, '; ')})`);
  return { id, name, kind, spec: parsed.spec, specError: null };
}
