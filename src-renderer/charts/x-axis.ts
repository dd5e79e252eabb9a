// The grid's x axes, as TensorBoard offers them: step, epoch (from the logged epoch), relative
// time and wall time (from the logged clock: a wall_time/timestamp column, TensorBoard's event
// wall_time or MLflow's timestamps when the importer stored them as a metric). Step → x is
// interpolated between the logged points (compare/align.ts), so every metric of a run lands on
// the same clock whichever steps it was logged at.
import type { Series } from '../../src-shared/api/series-types';
import type { MetricRole } from '../../src-shared/api/types';
import { epochInterpolator, type StepToX } from '../compare/align';
import type { XKind } from './types';
import { formatDuration, formatWallTime } from './time-format';

export { formatDuration, formatWallTime };

export type XAxis = 'step' | 'epoch' | 'relative' | 'wall';

export const X_AXIS_LABEL: Record<XAxis, string> = { step: 'step', epoch: 'epoch', relative: 'relative time', wall: 'wall time' };
export const X_AXES = Object.keys(X_AXIS_LABEL) as XAxis[];

/** How the chart writes x on each axis: seconds as a duration, Unix seconds as a clock time. */
export const X_AXIS_KIND: Record<XAxis, XKind> = { step: 'number', epoch: 'number', relative: 'duration', wall: 'time' };

/** Why a run has no place on the axis (the run logged no epoch, or no clock). */
export function offAxisReason(axis: XAxis): string {
  return axis === 'epoch' ? 'no epoch logged' : 'no wall_time or timestamp logged';
}

export const isXAxis = (v: unknown): v is XAxis => X_AXES.includes(v as XAxis);

/** An x value as the readout writes it on this axis. */
export function formatAxisValue(axis: XAxis, x: number): string {
  if (axis === 'relative') return formatDuration(x);
  if (axis === 'wall') return formatWallTime(x);
  return axis === 'epoch' ? x.toFixed(2) : String(x);
}

/** What a clock column is called: wall_time (TensorBoard, the generated runs), timestamp, _timestamp (W&B), time. */
const CLOCK_NAME = /^(wall[_ ]?time|_?timestamp|time)$/i;

const isWallClockName = (name: string) => CLOCK_NAME.test(name.split('/').pop() ?? '');

/**
 * The run's clock: a metric the importer stored with the role 'clock' and a wall-clock name (not
 * W&B's _runtime, a duration), else one named like a clock that an older import stored as 'other'.
 */
export function clockMetricOf(metrics: readonly { name: string; role?: MetricRole }[]): string | null {
  const named = metrics.filter((m) => isWallClockName(m.name));
  return (named.find((m) => m.role === 'clock') ?? named[0])?.name ?? null;
}

/** Whether a metric gets a chart of its own: a clock is an x axis, not a curve. */
export function isChartMetric(metric: { role: MetricRole }): boolean {
  return metric.role !== 'clock';
}

/** The metric that maps a run's steps to this axis; null for step (none needed). */
export function axisMetricOf(axis: XAxis, metrics: readonly { name: string; role: MetricRole }[]): string | null | undefined {
  if (axis === 'step') return null;
  const name = axis === 'epoch' ? metrics.find((m) => m.role === 'epoch')?.name : clockMetricOf(metrics);
  return name ?? undefined; // undefined: the run cannot be drawn on this axis
}

/** Milliseconds since 1970 (MLflow, JavaScript) read as seconds: a clock past the year 5138 is in ms. */
function toSeconds(v: number): number {
  return v > 1e11 ? v / 1000 : v;
}

/** Step → x for one run, from its axis metric's points; null when they cannot give one. */
export function stepToAxis(axis: XAxis, series: Series | null): StepToX | null {
  if (axis === 'step') return (s) => s;
  if (!series) return null;
  if (axis === 'epoch') return epochInterpolator(series);
  const clock: Series = { ...series, values: series.values.map(toSeconds) };
  const toClock = epochInterpolator(clock);
  if (!toClock) return null;
  if (axis === 'wall') return toClock;
  const start = toClock(series.steps[0]!);
  return (s) => toClock(s) - start;
}

