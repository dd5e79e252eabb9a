// The chart owner's "drawn" event: after every uPlot draw, what was drawn. Nothing in the app
// listens; tests and benches do (src-renderer/perf.ts), so with no listener a draw costs one
// size check and the description is never built.
import type { ChartConfig, PathKind } from './types';

export interface DrawnChart {
  /** The chart's element (its data-testid names the chart). */
  root: HTMLElement;
  config: ChartConfig;
  /** The join of each series in this draw: `linear` stands in for `stepped` when points are denser than 4 per pixel. */
  paths: readonly (PathKind | 'none')[];
  /** Per y scale that asks for one, the range from the values shown (log scales in log10 units). */
  yRanges: ReadonlyMap<string, [number, number] | null>;
  /** The steps of the marks in the visible x range, and the label texts written. */
  marks: { steps: readonly number[]; labels: readonly string[] };
  /** The step axis labels (the axis is drawn on canvas). */
  xTicks: readonly string[];
  /** The highlighted series group, or null. */
  emphasis: string | null;
  /** The plot's width in CSS pixels. */
  width: number;
}

type Listener = (chart: DrawnChart) => void;
const listeners = new Set<Listener>();

/** Calls `listener` after every chart draw; returns the unsubscribe. */
export function onDrawn(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Told by the chart owner after each draw; `describe` runs only when someone listens. */
export function chartDrawn(describe: () => DrawnChart): void {
  if (listeners.size === 0) return;
  const chart = describe();
  for (const listener of listeners) listener(chart);
}
