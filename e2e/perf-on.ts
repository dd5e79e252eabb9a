// The init script that switches on what tests and benches read from the page (src-renderer/perf.ts:
// each chart's drawn series, range and marks on its element, and timing marks), run in every page
// before the app's scripts.
export const PERF_ON = 'window.__lrscopePerf = true;';
