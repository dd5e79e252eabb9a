// The run view's charts on the view's x axis (step, epoch, relative or wall time): the chart's
// steps, the schedule overlay and every mark are moved to x by one mapping, so they stay in place
// with each other; the cursor and a zoom come back to steps through the same mapping.
import { mapSteps, stepAtOrBefore, stepsUnder, type StepRange, type StepToX } from '../compare/align';
import type { ChartMark } from '../charts/types';
import type { ChartModel } from './run-chart-model';

/** The model with x (and marks) on the axis; unchanged on the step axis (`toX` null). */
export function placeOnAxis(model: ChartModel, toX: StepToX | null): ChartModel {
  if (!toX) return model;
  return { ...model, x: mapSteps(model.x, toX), marks: placeMarks(model.marks, toX) };
}

export function placeMarks(marks: readonly ChartMark[], toX: StepToX | null): ChartMark[] {
  if (!toX) return [...marks];
  return marks.map((m) => ({ ...m, step: toX(m.step), ...(m.toStep !== undefined ? { toStep: toX(m.toStep) } : {}) }));
}

/** The step drawn at `x` (the cursor sits on drawn points, so this is that point's own step). */
export function stepAtX(toX: StepToX | null, range: StepRange | null, x: number | null): number | null {
  if (x === null || !toX) return x;
  if (!range) return null;
  return stepAtOrBefore(toX, range, x) ?? range.from;
}

/** The steps under a zoomed x range, one step of margin each side. */
export function stepsUnderX(toX: StepToX | null, range: StepRange | null, from: number, to: number): StepRange {
  if (!toX || !range) return { from, to };
  return stepsUnder(toX, range, { from, to });
}
