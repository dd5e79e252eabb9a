// What the compare view draws and exports, computed from each run's fetched points and attached
// schedule: pure functions, so the view only wires state to them. Smoothing, schedule overlay and
// event labels are the run view's own functions (run/), so a run looks the same in both views.
import type { Series } from '../../src-shared/api/series-types';
import { alignTo, unionSteps, type Aligned } from '../../src-shared/series/align';
import { smooth } from '../../src-shared/series/smoothing';
import { isRateJump, type EventKind } from '../../src-shared/schedule';
import type { ChartMark, ChartScale, ChartSeries, PathKind } from '../charts/types';
import type { ScheduleView } from '../charts/schedule-view';
import { ALIGN_LABEL, mapSteps, stepToX, type Align, type StepRange, type StepToX } from './align';
import type { XKind } from '../charts/types';

/**
 * Twenty colours that stay apart on a white background (Tableau 10, then darker and lighter
 * companions), handed out by the run's position in the comparison, so a run keeps its colour in
 * every chart, the legend and the tables, and a reopened comparison looks the same.
 */
export const RUN_COLORS = [
  '#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22',
  '#393b79', '#ad494a', '#637939', '#e6550d', '#7b4173', '#3182bd', '#31a354', '#843c39', '#5254a3', '#b5a000',
] as const;

export function runColor(position: number): string {
  return RUN_COLORS[position % RUN_COLORS.length]!;
}

/** One run of the comparison with what was fetched for it. */
export interface ComparedRun {
  id: number;
  name: string;
  color: string;
  /** The run's step range over the compared metric (0–100 % when aligned by fraction). */
  range: StepRange | null;
  loss: Series | null;
  loggedLr: { name: string; series: Series } | null;
  epoch: Series | null;
  /** Step → relative or wall time (from the run's logged clock) when aligned by time; else null. */
  byClock: StepToX | null;
  overlay: ScheduleView | null;
}

export interface CompareOptions {
  metric: string;
  align: Align;
  smoothing: number;
  logY: boolean;
  logX: boolean;
  showMarks: boolean;
  hidden: ReadonlySet<number>;
  /** TensorBoard's "ignore outliers" y range for the compared metric (on unless said otherwise). */
  ignoreOutliers?: boolean;
}

/** A drawn line before it is put on the chart's shared x: also one column of the CSV export. */
export interface Curve {
  column: string;
  x: Float64Array;
  values: Float64Array;
  style: Omit<ChartSeries, 'values'>;
}

export interface CompareChart {
  x: Float64Array;
  series: ChartSeries[];
  scales: ChartScale[];
  marks: ChartMark[];
  curves: Curve[];
}

export interface CompareModel {
  xLabel: string;
  /** How x is written: a duration (relative time), a clock time (wall time) or a number. */
  xKind: XKind;
  logX: boolean;
  loss: CompareChart;
  lr: CompareChart | null;
  /** Runs left out of the charts because they cannot be aligned as asked (no epoch or clock logged). */
  unaligned: string[];
}

/** Non-finite stays a gap; on a log axis so does anything ≤ 0, which it cannot place. */
function forAxis(values: ArrayLike<number>, log: boolean): Float64Array {
  const out = Float64Array.from(values as ArrayLike<number>);
  if (log) for (let i = 0; i < out.length; i++) if (!(out[i]! > 0)) out[i] = NaN;
  return out;
}

function curve(column: string, x: Float64Array, values: Float64Array, logX: boolean, style: Curve['style']): Curve {
  if (!logX) return { column, x, values, style };
  // A log x axis has no place for step 0 (or 0 %): those points are left out.
  let first = 0;
  while (first < x.length && !(x[first]! > 0)) first++;
  return { column, x: x.subarray(first), values: values.subarray(first), style };
}

function chart(curves: Curve[], scales: ChartScale[], marks: ChartMark[]): CompareChart {
  const x = unionSteps(curves.map((c) => c.x));
  const series = curves.map((c) => ({ ...c.style, values: alignTo(x, c.x, c.values) }));
  return { x, series, scales, marks, curves };
}

function eventMarksOf(run: ComparedRun, toX: (s: number) => number, logX: boolean): ChartMark[] {
  if (!run.overlay) return [];
  return run.overlay.marks
    .filter((m) => isRateJump(m.kind as EventKind))
    .map((m) => ({ ...m, step: toX(m.step), color: run.color, group: String(run.id) }))
    .filter((m) => !logX || m.step > 0);
}

export function compareModel(runs: readonly ComparedRun[], o: CompareOptions): CompareModel {
  const lossCurves: Curve[] = [];
  const lrCurves: Curve[] = [];
  const marks: ChartMark[] = [];
  const unaligned: string[] = [];
  for (const run of runs) {
    if (o.hidden.has(run.id) || !run.range) continue;
    const toX = stepToX(o.align, run.range, run.epoch, run.byClock);
    if (!toX) {
      unaligned.push(run.name);
      continue;
    }
    const group = String(run.id);
    const color = run.color;
    if (run.loss) {
      const x = mapSteps(run.loss.steps, toX);
      if (!run.loss.exact && run.loss.min && run.loss.max) {
        // Thinned: each bucket's max and min drawn faint, as the run view does, so a spike between drawn points is never lost.
        lossCurves.push(curve(`${run.name} ${o.metric} max`, x, forAxis(run.loss.max, o.logY), o.logX, { label: `${run.name} max`, color, faint: true, width: 0.5, group }));
        lossCurves.push(curve(`${run.name} ${o.metric} min`, x, forAxis(run.loss.min, o.logY), o.logX, { label: `${run.name} min`, color, faint: true, width: 0.5, group }));
      }
      if (o.smoothing > 0) {
        lossCurves.push(curve(`${run.name} ${o.metric}`, x, forAxis(run.loss.values, o.logY), o.logX, { label: `${run.name} (raw)`, color, faint: true, group }));
        lossCurves.push(curve(`${run.name} ${o.metric} smoothed`, x, forAxis(smooth(run.loss.values, o.smoothing), o.logY), o.logX, { label: run.name, color, width: 2, group }));
      } else {
        lossCurves.push(curve(`${run.name} ${o.metric}`, x, forAxis(run.loss.values, o.logY), o.logX, { label: run.name, color, width: 1.5, group }));
      }
    }
    if (run.overlay) {
      const path: PathKind = run.overlay.stepped ? 'stepped' : 'linear';
      const x = mapSteps(run.overlay.steps, toX);
      lrCurves.push(curve(`${run.name} scheduled lr`, x, forAxis(run.overlay.lr, o.logY), o.logX, { label: `${run.name} scheduled`, color, width: 2, path, group }));
    }
    if (run.loggedLr) {
      const x = mapSteps(run.loggedLr.series.steps, toX);
      lrCurves.push(curve(`${run.name} ${run.loggedLr.name} logged`, x, forAxis(run.loggedLr.series.values, o.logY), o.logX, { label: `${run.name} logged`, color, width: 1.5, dash: [6, 4], group }));
    }
    if (o.showMarks) marks.push(...eventMarksOf(run, toX, o.logX));
  }
  // The marks plugin spaces labels left to right: the runs' marks go in one x order.
  marks.sort((a, b) => a.step - b.step);
  return {
    xLabel: ALIGN_LABEL[o.align],
    xKind: o.align === 'relative' ? 'duration' : o.align === 'wall' ? 'time' : 'number',
    logX: o.logX,
    loss: chart(lossCurves, [{ key: 'y', label: o.metric, side: 'left', log: o.logY, ignoreOutliers: o.ignoreOutliers ?? true }], marks),
    lr: lrCurves.length ? chart(lrCurves, [{ key: 'y', label: 'learning rate', side: 'left', log: o.logY }], marks) : null,
    unaligned,
  };
}

/** The CSV of what the charts show: the aligned x, then one column per visible run and line. */
export function exportCsv(model: CompareModel): string {
  const curves = [...model.loss.curves, ...(model.lr?.curves ?? [])];
  const x = unionSteps(curves.map((c) => c.x));
  const columns: Aligned[] = curves.map((c) => alignTo(x, c.x, c.values));
  const lines = [[model.xLabel, ...curves.map((c) => c.column)].map(csvCell).join(',')];
  for (let i = 0; i < x.length; i++) {
    let line = String(x[i]);
    for (const col of columns) {
      const v = col[i];
      line += v === null || v === undefined ? ',' : `,${v}`;
    }
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The step range every run covers: where an area under the loss compares like with like. */
export function commonRange(ranges: readonly (StepRange | null)[]): StepRange | null {
  const known = ranges.filter((r): r is StepRange => r !== null);
  if (known.length === 0) return null;
  const from = Math.max(...known.map((r) => r.from));
  const to = Math.min(...known.map((r) => r.to));
  return to > from ? { from, to } : null;
}

/** The step of the run's last restart (or last drop, for schedules that only drop), within its range. */
export function lastRestart(overlay: ScheduleView | null, range: StepRange | null): { step: number; kind: 'restart' | 'drop' } | null {
  if (!overlay || !range) return null;
  const inRange = overlay.events.filter((e) => e.step >= range.from && e.step <= range.to);
  for (const kind of ['restart', 'drop'] as const) {
    const found = inRange.filter((e) => e.kind === kind).at(-1);
    if (found) return { step: found.step, kind };
  }
  return null;
}
