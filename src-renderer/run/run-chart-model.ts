// What the run view's charts draw, computed from the fetched points and the schedule: pure
// functions of their inputs, so the view only wires state to them.
import type { Series } from '../../src-shared/api/series-types';
import type { MetricSummary } from '../../src-shared/api/types';
import { alignTo, nonFiniteRanges, unionSteps } from '../../src-shared/series/align';
import { smooth } from '../../src-shared/series/smoothing';
import { formatStep } from '../charts/format';
import type { ChartMark, ChartScale, ChartSeries } from '../charts/types';
import type { ScheduleView } from '../charts/schedule-view';

export const PALETTE = ['#1c7ed6', '#2f9e44', '#ae3ec9', '#f59f00', '#0ca678', '#e64980', '#5c7cfa', '#74b816'];
export const LR_COLOR = '#e8590c';

export interface ChartModel {
  x: Float64Array;
  series: ChartSeries[];
  scales: ChartScale[];
  marks: ChartMark[];
}

export function nonFiniteMarks(name: string, s: Series): ChartMark[] {
  if (s.exact) {
    return nonFiniteRanges(s.steps, s.values).map(([a, b]) => ({
      step: a,
      ...(b > a ? { toStep: b } : {}),
      kind: 'nonfinite' as const,
      label: `${name}: NaN/Inf${b > a ? ` ${formatStep(a)}–${formatStep(b)}` : ''}`,
    }));
  }
  const marks: ChartMark[] = [];
  s.nanCounts?.forEach((n, i) => {
    if (n > 0) marks.push({ step: s.steps[i]!, kind: 'nonfinite', label: `${name}: ${n} NaN` });
  });
  return marks;
}

/** On a log axis, values ≤ 0 have no place: gaps, as non-finite values are. */
function forAxis(values: Float64Array, log: boolean): Float64Array {
  if (!log) return values;
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) if (!(out[i]! > 0)) out[i] = NaN;
  return out;
}

function metricSeries(name: string, raw: Series, x: Float64Array, color: string, smoothing: number, scale: string, log: boolean): ChartSeries[] {
  const s: Series = log ? { ...raw, values: forAxis(raw.values, true), ...(raw.min ? { min: forAxis(raw.min, true) } : {}), ...(raw.max ? { max: forAxis(raw.max, true) } : {}) } : raw;
  const out: ChartSeries[] = [];
  if (!s.exact && s.min && s.max) {
    // Thinned: the bucket extremes, so no spike is lost between drawn points.
    out.push({ label: `${name} max`, values: alignTo(x, s.steps, s.max), color, faint: true, scale });
    out.push({ label: `${name} min`, values: alignTo(x, s.steps, s.min), color, faint: true, scale });
  }
  if (smoothing > 0) {
    out.push({ label: `${name} (raw)`, values: alignTo(x, s.steps, s.values), color, faint: true, scale });
    out.push({ label: name, values: alignTo(x, s.steps, smooth(s.values, smoothing)), color, width: 2, scale });
  } else {
    out.push({ label: name, values: alignTo(x, s.steps, s.values), color, width: 1.5, scale });
  }
  return out;
}

export interface LossChartInput {
  losses: { name: string; series: Series }[];
  loggedLr: { name: string; series: Series } | null;
  overlay: ScheduleView | null;
  resumes: ChartMark[];
  smoothing: number;
  logLr: boolean;
  /** Log y for the loss: values ≤ 0 cannot be placed and are left out (gaps). */
  logLoss?: boolean;
  /** TensorBoard's "ignore outliers" y range (5th–95th percentile); false = every finite value. */
  ignoreOutliers?: boolean;
  lossLabel: string;
}

/** Loss on the left axis, the scheduled and logged learning rates on the right. */
export function lossChart(input: LossChartInput): ChartModel {
  const { losses, loggedLr, overlay } = input;
  const x = unionSteps([...losses.map((l) => l.series.steps), ...(loggedLr ? [loggedLr.series.steps] : []), ...(overlay ? [overlay.steps] : [])]);
  const series = losses.flatMap((l, i) => metricSeries(l.name, l.series, x, PALETTE[i % PALETTE.length]!, input.smoothing, 'y', !!input.logLoss));
  if (loggedLr) {
    series.push({ label: `${loggedLr.name} (logged)`, values: alignTo(x, loggedLr.series.steps, loggedLr.series.values), color: '#868e96', dash: [6, 4], width: 2, scale: 'lr' });
  }
  if (overlay) {
    series.push({ label: 'scheduled lr', values: alignTo(x, overlay.steps, overlay.lr), color: LR_COLOR, width: 2, scale: 'lr', path: overlay.stepped ? 'stepped' : 'linear' });
  }
  const scales: ChartScale[] = [{ key: 'y', label: input.lossLabel, side: 'left', log: !!input.logLoss, ignoreOutliers: input.ignoreOutliers ?? true }];
  if (loggedLr || overlay) scales.push({ key: 'lr', label: 'learning rate', side: 'right', log: input.logLr });
  const marks = [
    ...(overlay ? overlay.marks : []),
    ...input.resumes,
    ...losses.flatMap((l) => nonFiniteMarks(l.name, l.series)),
  ];
  return { x, series, scales, marks };
}

/** The metrics the other chart shows (accuracy, grad norm, …), each on the shared left axis. */
export function otherChart(metrics: { name: string; series: Series }[], smoothing: number, ignoreOutliers = true): ChartModel {
  const x = unionSteps(metrics.map((m) => m.series.steps));
  const series = metrics.flatMap((m, i) => metricSeries(m.name, m.series, x, PALETTE[(i + 3) % PALETTE.length]!, smoothing, 'y', false));
  return { x, series, scales: [{ key: 'y', label: metrics.map((m) => m.name).join(', '), side: 'left', ignoreOutliers }], marks: metrics.flatMap((m) => nonFiniteMarks(m.name, m.series)) };
}

/** Loss-like metrics are ticked by default; the logged LR and the epoch have their own places. */
export function defaultSelection(metrics: readonly MetricSummary[]): string[] {
  const losses = metrics.filter((m) => m.role === 'loss').map((m) => m.name);
  if (losses.length) return losses;
  const other = metrics.find((m) => m.role === 'other');
  return other ? [other.name] : [];
}
