// Drift: where training left its schedule. The relative residual of the logged learning rate
// against the attached schedule at every logged step, the stretches above a tolerance, and the
// common causes named when one explains the whole log (diagnoses.ts).
import { evaluateAt } from '../evaluate';
import type { ScheduleSpec } from '../spec';
import { prepareLog } from '../infer/data';
import { diagnose, type Diagnosis } from './diagnoses';

export type { Diagnosis, DiagnosisCause } from './diagnoses';

export const DEFAULT_TOLERANCE = 1e-5;
/** Stretches listed at most; the count of all is reported. */
const MAX_STRETCHES = 500;

export interface DriftStretch {
  fromStep: number;
  toStep: number;
  /** Largest |logged - scheduled| / |scheduled| in the stretch. */
  maxResidual: number;
  /** The step where it is largest, with both rates. */
  worstStep: number;
  logged: number;
  scheduled: number;
  points: number;
}

export interface DriftReport {
  tolerance: number;
  points: number;
  /** Logged points whose residual exceeds the tolerance. */
  pointsAbove: number;
  maxResidual: number;
  stretches: DriftStretch[];
  stretchCount: number;
  diagnoses: Diagnosis[];
}

/** (logged - scheduled) / |scheduled|, or against the logged rate where the schedule is 0. */
export function residual(logged: number, scheduled: number): number {
  if (logged === scheduled) return 0;
  if (Number.isNaN(scheduled)) return Infinity;
  const base = Math.abs(scheduled) || Math.abs(logged);
  return (logged - scheduled) / base;
}

export function driftReport(spec: ScheduleSpec, rawSteps: ArrayLike<number>, rawValues: ArrayLike<number>, options: { tolerance?: number } = {}): DriftReport {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const log = prepareLog(rawSteps, rawValues);
  const { steps, values } = log;
  const scheduled = evaluateAt(spec, steps);
  const stretches: DriftStretch[] = [];
  let open: DriftStretch | null = null;
  let count = 0, above = 0, max = 0;
  for (let i = 0; i < steps.length; i++) {
    const r = Math.abs(residual(values[i], scheduled[i]));
    max = Math.max(max, r);
    if (r > tolerance) {
      above++;
      if (!open) {
        open = { fromStep: steps[i], toStep: steps[i], maxResidual: r, worstStep: steps[i], logged: values[i], scheduled: scheduled[i], points: 0 };
        count++;
        if (stretches.length < MAX_STRETCHES) stretches.push(open);
      }
      open.toStep = steps[i];
      open.points++;
      if (r > open.maxResidual) Object.assign(open, { maxResidual: r, worstStep: steps[i], logged: values[i], scheduled: scheduled[i] });
    } else {
      open = null;
    }
  }
  const diagnoses = above > 0 ? diagnose(spec, log, Math.max(tolerance, log.precision * 2)) : [];
  return { tolerance, points: steps.length, pointsAbove: above, maxResidual: max, stretches, stretchCount: count, diagnoses };
}
