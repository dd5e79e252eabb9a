// The one owner of uPlot in lrscope. A PlotController creates its plot once per chart
// structure (series styles, scales), then only calls setData on new values, setSize when the
// container resizes (ResizeObserver), and destroy on teardown. Views never touch uPlot.
import uPlot from 'uplot';
import { formatRate, formatStep, formatStepTicks } from './format';
import { formatDuration, formatWallTime } from './time-format';
import { MARK_COLORS, marksPlugin, type MarksState } from './marks';
import { chartDrawn, type DrawnChart } from './drawn';
import { isSparse } from './sparse';
import { chartBackground, readable } from '../theme/contrast';
import type { ChartConfig, ChartSeries, PathKind } from './types';
import { logSplits, yDomain } from './y-range';

export interface PlotHooks {
  /** After a drag selection on the x axis: the steps now shown. */
  onzoom?: (from: number, to: number) => void;
  /** After a double-click put the whole x range back. */
  onreset?: () => void;
  /** The step under the cursor (synced charts report it too), or null when the cursor left. */
  oncursor?: (step: number | null) => void;
}

/** Above this many points per CSS pixel a stepped path looks exactly like uPlot's min/max-per-pixel linear one. */
const DENSE_POINTS_PER_PX = 4;

const stepped = uPlot.paths.stepped!({ align: 1 });
const linear = uPlot.paths.linear!();

export class PlotController {
  private u: uPlot | null = null;
  private root: HTMLElement | null = null;
  private structure = '';
  private config: ChartConfig | null = null;
  private height = 320;
  private zoom: { min: number; max: number } | null = null;
  private span = '';
  private drawnPaths: (PathKind | 'none')[] = [];
  private observer: ResizeObserver | null = null;
  private emphasis: string | null = null;
  /** What the last draw showed, for the "drawn" event (charts/drawn.ts). */
  private drawnMarks: DrawnChart['marks'] = { steps: [], labels: [] };
  private drawnTicks: readonly string[] = [];
  /** Per y scale, the range from the values shown (scales that ask for one); read by uPlot's range callbacks. */
  private yRanges = new Map<string, [number, number] | null>();
  private readonly marks: MarksState = {
    marks: [],
    emphasis: null,
    ondrawn: (steps, labels) => {
      this.drawnMarks = { steps, labels };
    },
  };

  constructor(private readonly hooks: PlotHooks) {}

  mount(root: HTMLElement, height: number): void {
    this.root = root;
    this.height = height;
    this.observer = new ResizeObserver(() => {
      if (this.u && this.root) this.u.setSize({ width: this.width(), height: this.height });
    });
    this.observer.observe(root);
    if (this.config) this.update(this.config, height);
  }

  /** New values redraw the existing plot; a new set of series or scales builds a new one. */
  update(config: ChartConfig, height: number): void {
    this.config = config;
    const bg = chartBackground(config.dark ?? false);
    this.marks.marks = config.marks.map((m) => ({ ...m, color: readable(m.color ?? MARK_COLORS[m.kind], bg) }));
    if (!this.root) return;
    const structure = structureKey(config);
    const data = alignedData(config);
    this.yRanges = yRanges(config);
    // A zoom belongs to the steps it was made on: a new step range shows whole.
    const span = config.x.length ? `${config.x[0]}-${config.x[config.x.length - 1]}` : '';
    if (span !== this.span) this.zoom = null;
    this.span = span;
    if (!this.u || structure !== this.structure || height !== this.height) {
      this.u?.destroy();
      this.height = height;
      this.structure = structure;
      this.drawnPaths = config.series.map(() => 'none');
      this.drawnTicks = []; // a clock or duration axis keeps uPlot's own labels
      this.u = new uPlot(this.options(config), data, this.root.querySelector<HTMLElement>('.plot-host')!);
      if (this.emphasis !== null) this.applyEmphasis();
    } else {
      const u = this.u;
      const zoom = this.zoom;
      u.batch(() => {
        u.setData(data, true);
        if (zoom) u.setScale('x', zoom);
      });
    }
  }

  /**
   * Highlights the series and marks of one group (others faint), or none. A restyle of the drawn
   * plot: uPlot redraws its cached paths with new alphas, synchronously, without rebuilding the
   * plot or its paths, so hovering a legend entry costs one repaint.
   */
  emphasize(group: string | null): void {
    if (group === this.emphasis) return;
    this.emphasis = group;
    this.applyEmphasis();
  }

  private applyEmphasis(): void {
    const group = this.emphasis;
    this.marks.emphasis = group;
    const u = this.u;
    const config = this.config;
    if (!u || !config) return;
    config.series.forEach((s, i) => {
      u.series[i + 1]!.alpha = group === null || s.group === group ? 1 : 0.12;
    });
    u.batch(() => u.redraw(false));
  }

  /**
   * The cursor from the keyboard: ← → move it one point (Shift: ten), Home and End to the first
   * and last; charts sharing the sync key follow, as they do the mouse. True when the key was used.
   */
  keyboardCursor(e: { key: string; shiftKey: boolean }): boolean {
    const u = this.u;
    const xs = u?.data[0];
    if (!u || !xs || xs.length === 0) return false;
    const last = xs.length - 1;
    const at = u.cursor.idx ?? -1;
    const by = e.shiftKey ? 10 : 1;
    const moves: Record<string, () => number> = {
      ArrowRight: () => (at < 0 ? 0 : Math.min(last, at + by)),
      ArrowLeft: () => (at < 0 ? last : Math.max(0, at - by)),
      Home: () => 0,
      End: () => last,
    };
    const move = moves[e.key];
    if (!move) return false;
    const idx = move();
    // uPlot's setCursor takes a third argument (publish to synced charts) that its types omit.
    const setCursor = u.setCursor as (opts: { left: number; top: number }, fire: boolean, publish: boolean) => void;
    setCursor({ left: u.valToPos(xs[idx]!, 'x'), top: u.over.clientHeight / 2 }, true, true);
    return true;
  }

  /** Back to the whole x range, as a double-click does. */
  resetZoom(): void {
    this.zoom = null;
    if (this.u && this.config) this.u.setData(alignedData(this.config), true);
  }

  destroy(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.u?.destroy();
    this.u = null;
    this.root = null;
  }

  /** The step axis labels, kept for the "drawn" event (the axis is drawn on canvas). */
  private xTicks(splits: number[]): string[] {
    const ticks = formatStepTicks(splits);
    this.drawnTicks = ticks;
    return ticks;
  }

  /** What this draw showed, for whoever listens to charts/drawn.ts (tests and benches). */
  private describe(): DrawnChart {
    return {
      root: this.root!,
      config: this.config!,
      paths: this.drawnPaths,
      yRanges: this.yRanges,
      marks: this.drawnMarks,
      xTicks: this.drawnTicks,
      emphasis: this.emphasis,
      width: this.width(),
    };
  }

  private width(): number {
    return Math.max(200, Math.floor(this.root?.clientWidth ?? 600));
  }

  private options(config: ChartConfig): uPlot.Options {
    const xKind = config.xKind ?? 'number';
    const formatX = xKind === 'duration' ? formatDuration : xKind === 'time' ? formatWallTime : formatStep;
    const scales: uPlot.Scales = { x: config.xLog ? { time: false, distr: 3, log: 10 } : { time: xKind === 'time' } };
    const ink = cssVar('--chart-text', '#4a5363');
    const grid = { stroke: cssVar('--chart-grid', 'rgba(0, 0, 0, 0.08)'), width: 1 };
    const axes: uPlot.Axis[] = [
      // At least 64 px between step ticks: "1,200,000" once ran into "1,000,000"; labels are compact now too.
      // A wall-clock axis keeps uPlot's own time ticks (11:00, 11:30, Nov 29, …).
      {
        label: config.xLabel,
        ...(xKind === 'time' ? {} : { values: (_u: uPlot, splits: number[]) => (xKind === 'duration' ? splits.map(formatDuration) : this.xTicks(splits)) }),
        space: 64, gap: 4, size: 44, stroke: ink, grid, ticks: grid,
      },
    ];
    for (const s of config.scales) {
      const fromValues = (): [number, number] | null => this.yRanges.get(s.key) ?? null;
      // A log y scale is drawn as log10 of the values on a linear scale (alignedData): uPlot finds no
      // ticks at all past 1e17 (its tick search gives up on numbers of more than 17 digits), and
      // its decade ticks stack labels (1.1e+29 over 1.1e+25). Our ticks are whole decades spaced for
      // their labels; the values are written back as rates.
      scales[s.key] = s.log
        ? { range: (_u, min, max) => fromValues() ?? (min === max ? [min - 0.5, max + 0.5] : [min, max]) }
        : { range: (_u, min, max) => fromValues() ?? (min >= 0 ? [0, max > 0 ? max * 1.05 : 1] : uPlot.rangeNum(min, max, 0.1, true)) };
      axes.push({
        scale: s.key,
        label: s.label,
        side: s.side === 'right' ? 1 : 3,
        size: 64,
        values: (_u, splits) => splits.map((v) => formatRate(s.log ? 10 ** v : v)),
        stroke: ink,
        ticks: grid,
        grid: { ...grid, show: s.side !== 'right' },
        ...(s.log ? { splits: (u: uPlot, _i: number, min: number, max: number) => logSplits(10 ** min, 10 ** max, u.bbox.height / uPlotPxRatio()).map(Math.log10) } : {}),
      });
    }
    const series: uPlot.Series[] = [
      { label: config.xLabel, value: (_u, v) => (v === null || v === undefined ? '–' : formatX(v)) },
      ...config.series.map((s, i) => this.seriesOptions({ ...s, color: readable(s.color, chartBackground(config.dark ?? false)) }, i + 1, config.scales[0]?.key ?? 'y')),
    ];
    return {
      width: this.width(),
      height: this.height,
      scales,
      axes,
      series,
      legend: { show: config.legend !== false, live: config.legendValues !== false },
      bands: config.bands?.map((b) => ({ series: [b.upper + 1, b.lower + 1] as [number, number], fill: withAlpha(readable(b.color, chartBackground(config.dark ?? false)), 0.16) })),
      cursor: {
        sync: config.syncKey ? { key: config.syncKey, setSeries: true } : undefined,
        drag: { x: true, y: false, setScale: false },
        // The double-click reset is ours (it tells the view); uPlot's own would not.
        bind: { dblclick: () => null },
      },
      // After the marks plugin, so the "drawn" event sees this draw's marks.
      plugins: [marksPlugin(this.marks), { hooks: { draw: () => { if (this.root && this.config) chartDrawn(() => this.describe()); } } }],
      hooks: {
        setSelect: [(u) => this.onSelect(u)],
        ready: [(u) => u.over.addEventListener('dblclick', () => { this.resetZoom(); this.hooks.onreset?.(); })],
        setCursor: [(u) => this.hooks.oncursor?.(u.cursor.idx == null ? null : (u.data[0][u.cursor.idx] ?? null))],
      },
    };
  }

  private seriesOptions(s: ChartSeries, index: number, defaultScale: string): uPlot.Series {
    const wanted = s.path ?? 'linear';
    const paths: uPlot.Series.PathBuilder = (u, si, i0, i1) => {
      const cssWidth = u.bbox.width / (devicePixelRatio || 1);
      const kind: PathKind = wanted === 'stepped' && i1 - i0 <= cssWidth * DENSE_POINTS_PER_PX ? 'stepped' : 'linear';
      this.drawnPaths[index - 1] = kind;
      return (kind === 'stepped' ? stepped : linear)(u, si, i0, i1);
    };
    return {
      label: s.label,
      scale: s.scale ?? defaultScale,
      stroke: s.faint ? withAlpha(s.color, 0.35) : s.color,
      width: s.width ?? (s.faint ? 1 : 2),
      dash: s.dash,
      paths,
      // A sparse series (one point, a few evaluations) is drawn as dots too: a single point makes no line.
      points: { show: (u, si, i0, i1) => !s.faint && isSparse(u.data[si]!, i0, i1, u.bbox.width / uPlotPxRatio()), size: 6, fill: s.color },
      spanGaps: false,
      value: (_u, v) => formatRate(v),
    };
  }

  private onSelect(u: uPlot): void {
    const { left, width } = u.select;
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    if (width < 3) return;
    const from = u.posToVal(left, 'x');
    const to = u.posToVal(left + width, 'x');
    this.zoom = { min: from, max: to };
    u.setScale('x', this.zoom);
    this.hooks.onzoom?.(from, to);
  }
}

function structureKey(config: ChartConfig): string {
  return JSON.stringify({
    series: config.series.map(({ values: _values, ...style }) => style),
    scales: config.scales,
    xLabel: config.xLabel,
    syncKey: config.syncKey,
    xLog: config.xLog,
    legend: config.legend,
    legendValues: config.legendValues,
    bands: config.bands,
    xKind: config.xKind,
    dark: config.dark,
  });
}

function alignedData(config: ChartConfig): uPlot.AlignedData {
  const logScales = new Set(config.scales.filter((s) => s.log).map((s) => s.key));
  const defaultScale = config.scales[0]?.key ?? 'y';
  const columns = config.series.map((s) => (logScales.has(s.scale ?? defaultScale) ? log10Column(s.values) : s.values));
  return [config.x, ...columns] as unknown as uPlot.AlignedData;
}

/** log10 of each value; ≤ 0 and non-finite become gaps (null), missing stays missing (undefined: joined over). */
function log10Column(values: ArrayLike<number | null | undefined>): (number | null | undefined)[] {
  const out = new Array<number | null | undefined>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === undefined ? undefined : v !== null && v > 0 && Number.isFinite(v) ? Math.log10(v) : null;
  }
  return out;
}

function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = parseInt(m[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** The range of each scale that asks for one, from the finite values of its series. */
function yRanges(config: ChartConfig): Map<string, [number, number] | null> {
  const out = new Map<string, [number, number] | null>();
  for (const s of config.scales) {
    if (s.ignoreOutliers === undefined) continue;
    const columns = config.series.filter((c) => (c.scale ?? config.scales[0]?.key ?? 'y') === s.key).map((c) => c.values);
    const domain = yDomain(columns, { ignoreOutliers: s.ignoreOutliers, log: !!s.log });
    // A log scale is drawn in log10 units (alignedData).
    out.set(s.key, domain && s.log ? [Math.log10(domain[0]), Math.log10(domain[1])] : domain);
  }
  return out;
}

function uPlotPxRatio(): number {
  return typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
}

/** A theme colour from the page's CSS variables (theme/theme.css), read when a plot is built. */
function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
