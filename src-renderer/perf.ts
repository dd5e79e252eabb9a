// What end-to-end tests and benches read from the page, switched on only by them: they set
// `window.__lrscopePerf = true` before the page loads (Playwright's addInitScript; e2e/fixtures.ts,
// bench/lib/browser.ts). Off, none of this runs and the charts build nothing for it (charts/drawn.ts).
//
// On, it keeps three things:
// - a user timing mark per user action, `lrscope:<event type>` (click, input, change, mouseup,
//   mouseover), made in the capture phase, so before the app's own handlers run;
// - a user timing mark per chart draw, `lrscope:drawn`, with what was drawn in its `detail`
//   (DrawnMark); a bench measures from an action to the draw it waits for (bench/lib/drawn.ts);
// - on each chart's element, what was really handed to uPlot and drawn (`data-series`,
//   `data-range`, `data-marks`, …), written at most every 50 ms, off the draw itself.
import { onDrawn, type DrawnChart } from './charts/drawn';
import { isSparse } from './charts/sparse';
import type { PathKind } from './charts/types';

declare global {
  interface Window {
    /** Set by tests and benches before the page loads (see above). */
    __lrscopePerf?: boolean;
  }
}

export const DRAWN_MARK = 'lrscope:drawn';
export const ACTIONS = ['click', 'input', 'change', 'mouseup', 'mouseover'] as const;

/** The `detail` of a `lrscope:drawn` mark: cheap to take, so the timing it marks stays true. */
export interface DrawnMark {
  /** The chart's data-testid. */
  chart: string;
  /** The first and last x of the data, `from-to` ('' without data). */
  range: string;
  /** Values handed to uPlot, over all series (gaps included). */
  points: number;
  emphasis: string | null;
}

/** What `data-series` holds: per series, what was really handed to uPlot and drawn. */
export interface DrawnSeries {
  label: string;
  /** The join the view asked for. */
  path: PathKind;
  /** The join of the last draw: `linear` stands in for `stepped` when points are denser than 4 per pixel. */
  drawn: PathKind | 'none';
  /** Finite points. */
  points: number;
  /** Runs of equal consecutive values: 6 for a 6-stair staircase, one per point for a slope. */
  levels: number;
  scale: string;
  /** Drawn with dots as well (a sparse series: a single point makes no line). */
  dots: boolean;
}

/** Drawn marks are cleared past this many, so a long test's page stays bounded. */
const MAX_DRAWN_MARKS = 10_000;
const ATTRIBUTES_EVERY_MS = 50;

export function startPerfIfAsked(): void {
  if (typeof window === 'undefined' || window.__lrscopePerf !== true) return;
  for (const type of ACTIONS) window.addEventListener(type, () => performance.mark(`lrscope:${type}`), { capture: true, passive: true });
  let marks = 0;
  const due = new Map<HTMLElement, DrawnChart>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  onDrawn((chart) => {
    const startTime = performance.now();
    if (++marks > MAX_DRAWN_MARKS) {
      performance.clearMarks(DRAWN_MARK);
      marks = 1;
    }
    performance.mark(DRAWN_MARK, { startTime, detail: drawnMark(chart) });
    due.set(chart.root, chart);
    timer ??= setTimeout(() => {
      timer = null;
      for (const c of due.values()) writeAttributes(c);
      due.clear();
    }, ATTRIBUTES_EVERY_MS);
  });
}

function drawnMark(chart: DrawnChart): DrawnMark {
  const { x, series } = chart.config;
  let points = 0;
  for (const s of series) points += s.values.length;
  return { chart: chart.root.dataset.testid ?? '', range: rangeOf(x), points, emphasis: chart.emphasis };
}

const rangeOf = (x: ArrayLike<number>) => (x.length ? `${x[0]}-${x[x.length - 1]}` : '');

function writeAttributes(chart: DrawnChart): void {
  const { root, config, yRanges } = chart;
  if (!root.isConnected) return;
  const defaultScale = config.scales[0]?.key ?? 'y';
  const series: DrawnSeries[] = config.series.map((s, i) => ({
    label: s.label,
    path: s.path ?? 'linear',
    drawn: chart.paths[i] ?? 'none',
    ...countPoints(s.values),
    scale: s.scale ?? defaultScale,
    dots: !s.faint && isSparse(s.values, 0, s.values.length - 1, chart.width),
  }));
  const first = config.scales.find((s) => yRanges.has(s.key));
  const yRange = first ? yRanges.get(first.key) : null;
  Object.assign(root.dataset, {
    series: JSON.stringify(series),
    yRange: yRange ? (first!.log ? yRange.map((v) => 10 ** v) : yRange).join(',') : '',
    range: rangeOf(config.x),
    labels: chart.marks.labels.slice(0, 200).join('\n'),
    marks: chart.marks.steps.slice(0, 500).join(','),
    markCount: String(chart.marks.steps.length),
    xTicks: chart.xTicks.join('|'),
    emphasis: chart.emphasis ?? '',
  });
}

function countPoints(values: ArrayLike<number | null | undefined>): { points: number; levels: number } {
  let points = 0;
  let levels = 0;
  let prev: number | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) {
      prev = null;
      continue;
    }
    points++;
    if (v !== prev) levels++;
    prev = v;
  }
  return { points, levels };
}
