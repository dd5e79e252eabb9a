// Timings read by bench/compare.bench.ts through performance.getEntriesByName: from the click on
// "Compare" to both charts drawn with every run's data, and from a legend hover to both charts
// redrawn with the highlight. A mark at the start; a measure when the last awaited chart draws.
export const OPEN_MARK = 'lrscope:compare-open';
export const OPEN_MEASURE = 'lrscope:compare-open-to-draw';
export const HOVER_MARK = 'lrscope:compare-hover';
export const HOVER_MEASURE = 'lrscope:compare-hover-to-draw';

let pending: { measure: string; mark: string; charts: Set<string> } | null = null;
let openPending = false;

/** The user asked for a comparison (the Compare button of the runs list). */
export function compareClicked(): void {
  performance.clearMarks(OPEN_MARK);
  performance.mark(OPEN_MARK);
  openPending = true;
}

/** Every run's points are in the view's state: the next draw of each chart shows them. */
export function dataReady(charts: string[]): void {
  if (!openPending) return;
  openPending = false;
  pending = { measure: OPEN_MEASURE, mark: OPEN_MARK, charts: new Set(charts) };
}

/** A legend entry is hovered: the charts are about to restyle. */
export function hoverStarted(charts: string[]): void {
  if (pending?.measure === OPEN_MEASURE) return; // the open measure owns the next draws
  performance.clearMarks(HOVER_MARK);
  performance.mark(HOVER_MARK);
  pending = { measure: HOVER_MEASURE, mark: HOVER_MARK, charts: new Set(charts) };
}

/** A chart finished a draw (its uPlot draw hook). */
export function chartDrawn(chart: string): void {
  if (!pending || !pending.charts.delete(chart) || pending.charts.size > 0) return;
  performance.measure(pending.measure, pending.mark);
  performance.clearMarks(pending.mark);
  pending = null;
}
