// What one chart of the metric grid draws: the metric of each source (a run, or one run of a
// comparison) on a shared x, smoothed as the view asks, with the thinned buckets' min and max
// drawn faint so a spike between two drawn points is never lost.
import type { Series } from '../../src-shared/api/import-types';
import { alignTo, unionSteps } from '../../src-shared/series/align';
import { smooth } from '../../src-shared/series/smoothing';
import type { ChartScale, ChartSeries } from '../charts/types';

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

export interface GridChartModel {
  x: Float64Array;
  series: ChartSeries[];
  scales: ChartScale[];
}

/** `byRun`: lines are named after their run (compare), else after the metric (one run). */
export function gridChart(metric: string, lines: readonly FetchedLine[], smoothing: number, byRun: boolean): GridChartModel {
  const x = unionSteps(lines.map((l) => l.series.steps));
  const series: ChartSeries[] = lines.flatMap(({ source, series: s }) => {
    const label = byRun ? source.name : metric;
    const style = { color: source.color, group: source.key };
    const out: ChartSeries[] = [];
    if (!s.exact && s.min && s.max) {
      out.push({ ...style, label: `${label} max`, values: alignTo(x, s.steps, s.max), faint: true });
      out.push({ ...style, label: `${label} min`, values: alignTo(x, s.steps, s.min), faint: true });
    }
    if (smoothing > 0) {
      out.push({ ...style, label: `${label} (raw)`, values: alignTo(x, s.steps, s.values), faint: true });
      out.push({ ...style, label, values: alignTo(x, s.steps, smooth(s.values, smoothing)), width: 2 });
    } else {
      out.push({ ...style, label, values: alignTo(x, s.steps, s.values), width: 1.5 });
    }
    return out;
  });
  return { x, series, scales: [{ key: 'y', label: '' }] };
}
