// Click → drawn and zoom → drawn timings, read by bench/run-view.bench.ts through
// performance.getEntriesByName. A mark when the user acts; a measure at the end of the first
// chart draw that shows the data fetched for that action.
export const OPEN_MARK = 'lrscope:run-open';
export const OPEN_MEASURE = 'lrscope:run-open-to-drawn';
export const ZOOM_MARK = 'lrscope:run-zoom';
export const ZOOM_MEASURE = 'lrscope:run-zoom-to-drawn';

let pending: { mark: string; measure: string } | null = null;

export function runOpened(): void {
  performance.mark(OPEN_MARK);
  pending = { mark: OPEN_MARK, measure: OPEN_MEASURE };
}

export function zoomed(): void {
  performance.mark(ZOOM_MARK);
  pending = { mark: ZOOM_MARK, measure: ZOOM_MEASURE };
}

/** Called after a draw of fetched data (not of a draw while the fetch is still under way). */
export function drawnWithData(): void {
  if (!pending) return;
  performance.measure(pending.measure, pending.mark);
  performance.clearMarks(pending.mark);
  pending = null;
}
