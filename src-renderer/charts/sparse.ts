// Whether a series is drawn with dots: apart from plot.ts, so the page's first chunk (perf.ts's
// hooks) does not pull uPlot in with it (issue 15).

/** Fewer finite points in view than one per 24 CSS pixels (stops counting past that: cheap on dense data). */
export function isSparse(values: ArrayLike<number | null | undefined>, i0: number, i1: number, cssWidth: number): boolean {
  const limit = Math.max(1, Math.floor(cssWidth / 24));
  let n = 0;
  for (let i = i0; i <= i1; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v) && ++n > limit) return false;
  }
  return n > 0;
}
