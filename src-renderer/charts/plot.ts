// The one owner of uPlot in lrscope. A PlotController creates its plot once per chart
// structure (series styles, scales), then only calls setData on new values, setSize when the
// container resizes (ResizeObserver), and destroy on teardown. Views never touch uPlot.
import uPlot from 'uplot';
import { formatRate, formatStep } from './format';
import { formatDuration, formatWallTime } from './time-format';
import { MARK_COLORS, marksPlugin, type MarksState } from './marks';
import { chartBackground, readable } from '../theme/contrast';
import type { ChartConfig, ChartSeries, PathKind } from './types';

export interface PlotHooks {
  /** After a drag selection on the x axis: the steps now shown. */
  onzoom?: (from: number, to: number) => void;
  /** After a double-click put the whole x range back. */
  onreset?: () => void;
  /** After every redraw (the bench measures keystroke → drawn with it). */
  ondraw?: () => void;
  /** The step under the cursor (synced charts report it too), or null when the cursor left. */
  oncursor?: (step: number | null) => void;
}

/** What e2e tests read from the chart root: what was really handed to uPlot and drawn. */
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
  private statsTimer: ReturnType<typeof setTimeout> | null = null;
  private emphasis: string | null = null;
  private readonly marks: MarksState = {
    marks: [],
    emphasis: null,
    ondrawn: (steps) => {
      if (this.root) {
        this.root.dataset.marks = steps.slice(0, 500).join(',');
        this.root.dataset.markCount = String(steps.length);
      }
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
    // A zoom belongs to the steps it was made on: a new step range shows whole.
    const span = config.x.length ? `${config.x[0]}-${config.x[config.x.length - 1]}` : '';
    if (span !== this.span) this.zoom = null;
    this.span = span;
    if (!this.u || structure !== this.structure || height !== this.height) {
      this.u?.destroy();
      this.height = height;
      this.structure = structure;
      this.drawnPaths = config.series.map(() => 'none');
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
    this.scheduleStats(config);
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
    if (this.root) this.root.dataset.emphasis = group ?? '';
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
    if (this.statsTimer) clearTimeout(this.statsTimer);
    this.u?.destroy();
    this.u = null;
    this.root = null;
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
      // A wall-clock axis keeps uPlot's own time ticks (11:00, 11:30, Nov 29, …).
      { label: config.xLabel, ...(xKind === 'time' ? {} : { values: (_u: uPlot, splits: number[]) => splits.map(formatX) }), gap: 4, size: 44, stroke: ink, grid, ticks: grid },
    ];
    for (const s of config.scales) {
      scales[s.key] = s.log
        ? { distr: 3, log: 10 }
        : { range: (_u, min, max) => (min >= 0 ? [0, max > 0 ? max * 1.05 : 1] : uPlot.rangeNum(min, max, 0.1, true)) };
      axes.push({
        scale: s.key,
        label: s.label,
        side: s.side === 'right' ? 1 : 3,
        size: 64,
        values: (_u, splits) => splits.map((v) => formatRate(v)),
        stroke: ink,
        ticks: grid,
        grid: { ...grid, show: s.side !== 'right' },
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
      legend: { show: config.legend !== false, live: true },
      bands: config.bands?.map((b) => ({ series: [b.upper + 1, b.lower + 1] as [number, number], fill: withAlpha(readable(b.color, chartBackground(config.dark ?? false)), 0.16) })),
      cursor: {
        sync: config.syncKey ? { key: config.syncKey, setSeries: true } : undefined,
        drag: { x: true, y: false, setScale: false },
        // The double-click reset is ours (it tells the view); uPlot's own would not.
        bind: { dblclick: () => null },
      },
      plugins: [marksPlugin(this.marks)],
      hooks: {
        setSelect: [(u) => this.onSelect(u)],
        ready: [(u) => u.over.addEventListener('dblclick', () => { this.resetZoom(); this.hooks.onreset?.(); })],
        draw: [() => this.hooks.ondraw?.()],
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
      points: { show: false },
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

  /** The test hook is computed off the keystroke path: it is for e2e, not for the user. */
  private scheduleStats(config: ChartConfig): void {
    if (this.statsTimer) clearTimeout(this.statsTimer);
    this.statsTimer = setTimeout(() => {
      this.statsTimer = null;
      if (!this.root) return;
      const drawn: DrawnSeries[] = config.series.map((s, i) => ({
        label: s.label,
        path: s.path ?? 'linear',
        drawn: this.drawnPaths[i] ?? 'none',
        ...countPoints(s.values),
        scale: s.scale ?? config.scales[0]?.key ?? 'y',
      }));
      this.root.dataset.series = JSON.stringify(drawn);
      this.root.dataset.range = config.x.length ? `${config.x[0]}-${config.x[config.x.length - 1]}` : '';
    }, 50);
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
    bands: config.bands,
    xKind: config.xKind,
    dark: config.dark,
  });
}

function alignedData(config: ChartConfig): uPlot.AlignedData {
  return [config.x, ...config.series.map((s) => s.values)] as unknown as uPlot.AlignedData;
}

function countPoints(values: ArrayLike<number | null | undefined>): { points: number; levels: number } {
  let points = 0;
  let levels = 0;
  let prev: number | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) { prev = null; continue; }
    points++;
    if (v !== prev) levels++;
    prev = v;
  }
  return { points, levels };
}

function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = parseInt(m[1]!, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** A theme colour from the page's CSS variables (theme/theme.css), read when a plot is built. */
function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
