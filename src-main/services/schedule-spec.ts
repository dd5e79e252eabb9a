import { ApiError } from '../../src-shared/api/errors';

/** Version of the stored schedule JSON; bump it with an upgrade path when the spec shape changes. */
export const SPEC_VERSION = 1;

export function checkScheduleSpec(spec: Record<string, unknown>): Record<string, unknown> {
  if (typeof spec.kind !== 'string' || spec.kind.length === 0) {
    throw new ApiError('invalid_input', 'spec.kind: must name a schedule kind', [{ field: 'spec.kind', message: 'must name a schedule kind' }]);
  }
  return spec;
}
