// describeStep: where in the schedule a step is, for the run view's tooltip
// ("cycle 3, 42 % through", "stair 4", "phase 2 of 2 (annealing), 10 % through").
import { compile } from './compile';
import type { ScheduleSpec } from './spec';

export function describeStep(spec: ScheduleSpec, step: number): { label: string } {
  if (!Number.isSafeInteger(step) || step < 0) return { label: 'not a step' };
  return { label: compile(spec).describe(step) };
}
