// What one chart of the metric grid draws: the metric of each source (a run, or one run of a
// comparison) on a shared x, smoothed as the view asks, with the thinned buckets' min and max
// drawn as a band so a spike between two drawn points is never lost; or, with runs grouped, one
// mean line per group with its min–max or ±1 std band.
import type { Series } from '../../src-shared/api/series-types';
import { alignTo, unionSteps } from '../../src-shared/series/align';
import { smooth } from '../../src-shared/series/smoothing';
import type { ChartBand, ChartScale, ChartSeries } from '../charts/types';
import { groupCurve, type BandKind } from '../compare/grouping';

export interface GridSource {
  /** Stable key (the run id): one colour and one cursor group per source. */
  key: string;
  runId: number;
  /** Shown in the legend when the chart has several sources (compare). */
  name: string;
  color: string;
}

export interface FetchedLine {
  source: GridSource;
  series: Series;
}

/** A group of compared runs drawn as one line. */
export interface GridGroup {
  key: string;
  name: string;
  color: string;
  runIds: number[];
}

export interface GridChartModel {
  x: Float64Array;
  series: ChartSeries[];
  scales: ChartScale[];
  bands: ChartBand[];
}

/** `byRun`: lines are named after their run (compare), else after the metric (one run). */
export function gridChart(metric: string, lines: readonly FetchedLine[], smoothing: number, byRun: boolean): GridChartModel {
  const x = unionSteps(lines.map((l) => l.series.steps));
  const series: ChartSeries[] = [];
  const bands: ChartBand[] = [];
  for (const { source, series: s } of lines) {
    const label = byRun ? source.name : metric;
    const style = { color: source.color, group: source.key };
    if (!s.exact && s.min && s.max) {
      bands.push({ upper: series.length, lower: series.length + 1, color: source.color });
      series.push({ ...style, label: `${label} max`, values: alignTo(x, s.steps, s.max), faint: true, width: 0.5 });
      series.push({ ...style, label: `${label} min`, values: alignTo(x, s.steps, s.min), faint: true, width: 0.5 });
    }
    if (smoothing > 0) {
      series.push({ ...style, label: `${label} (raw)`, values: alignTo(x, s.steps, s.values), faint: true });
      series.push({ ...style, label, values: alignTo(x, s.steps, smooth(s.values, smoothing)), width: 2 });
    } else {
      series.push({ ...style, label, values: alignTo(x, s.steps, s.values), width: 1.5 });
    }
  }
  return { x, series, scales: [{ key: 'y', label: '' }], bands };
}

/** One mean line per group (of its runs' smoothed values) with the band around it. */
export function groupedChart(lines: readonly FetchedLine[], groups: readonly GridGroup[], smoothing: number, band: BandKind): GridChartModel {
  const curves = groups.flatMap((g) => {
    const members = lines.filter((l) => g.runIds.includes(l.source.runId));
    if (!members.length) return [];
    const curve = groupCurve(
      members.map((m) => ({ steps: m.series.steps, values: smoothing > 0 ? smooth(m.series.values, smoothing) : m.series.values })),
      band,
    );
    return [{ group: g, runs: members.length, curve }];
  });
  const x = unionSteps(curves.map((c) => c.curve.x));
  const series: ChartSeries[] = [];
  const bands: ChartBand[] = [];
  for (const { group, runs, curve } of curves) {
    const style = { color: group.color, group: group.key };
    const [hi, lo] = band === 'minmax' ? ['max', 'min'] : ['+1 std', '−1 std'];
    bands.push({ upper: series.length, lower: series.length + 1, color: group.color });
    series.push({ ...style, label: `${group.name} ${hi}`, values: alignTo(x, curve.x, curve.upper), faint: true, width: 0.5 });
    series.push({ ...style, label: `${group.name} ${lo}`, values: alignTo(x, curve.x, curve.lower), faint: true, width: 0.5 });
    series.push({ ...style, label: `${group.name} (mean of ${runs})`, values: alignTo(x, curve.x, curve.mean), width: 2 });
  }
  return { x, series, scales: [{ key: 'y', label: '' }], bands };
}
