// What a chart draws, in the app's words. The views describe series, scales and marks; the
// chart module (plot.ts, Chart.svelte) is the only code that speaks uPlot.

/** How consecutive points are joined: a staircase schedule is `stepped`, never a slope. */
export type PathKind = 'linear' | 'stepped';

export interface ChartSeries {
  label: string;
  /** y values aligned with the chart's x array; null or NaN is a gap, never a line to zero. */
  values: ArrayLike<number | null | undefined>;
  color: string;
  path?: PathKind;
  /** Canvas dash pattern in CSS pixels, e.g. [6, 4] for a logged rate against a scheduled one. */
  dash?: number[];
  /** Drawn thin and translucent: the raw curve behind a smoothed one. */
  faint?: boolean;
  width?: number;
  /** Key of the y scale (see ChartScale); 'y' when absent. */
  scale?: string;
  /** Series of one group (e.g. one run of a comparison) are highlighted together (Chart's `emphasis`). */
  group?: string;
}

export interface ChartScale {
  key: string;
  /** Axis title, e.g. "learning rate". */
  label: string;
  log?: boolean;
  side?: 'left' | 'right';
  /**
   * The range comes from the values shown: true = TensorBoard's "ignore outliers" (5th–95th
   * percentile, padded), false = every finite value. Absent: uPlot's own range (from 0 for rates).
   */
  ignoreOutliers?: boolean;
}

export type MarkKind = 'restart' | 'drop' | 'rise' | 'warmup_end' | 'phase' | 'resume' | 'nonfinite';

/** A vertical line at `step`, or a band up to `toStep`, with a label such as `restart 3 · lr 0.0021 → 0.24`. */
export interface ChartMark {
  step: number;
  toStep?: number;
  kind: MarkKind;
  label: string;
  /** Overrides the kind's colour, e.g. a run's colour in the compare view. */
  color?: string;
  /** As ChartSeries.group: dimmed with the other groups' series when one group is highlighted. */
  group?: string;
}

/** A filled area between two of the chart's series (indexes into `series`): a group's min–max or ±1 std. */
export interface ChartBand {
  upper: number;
  lower: number;
  color: string;
}

export interface ChartConfig {
  x: ArrayLike<number>;
  series: ChartSeries[];
  scales: ChartScale[];
  marks: ChartMark[];
  xLabel: string;
  syncKey?: string;
  /** Logarithmic x axis (x values must be > 0). */
  xLog?: boolean;
  /** uPlot's own legend under the plot; false when the view draws its own (the compare view). */
  legend?: boolean;
  /** The legend's values at the cursor; false where the view's own readout reads them from the store (the run view). */
  legendValues?: boolean;
  bands?: ChartBand[];
  /** What x is: a number (steps, epochs; the default), a duration in seconds, or a wall-clock time in Unix seconds. */
  xKind?: XKind;
  /** Drawn for the dark theme: axes and series colours made readable on its background. */
  dark?: boolean;
}

export type XKind = 'number' | 'duration' | 'time';
