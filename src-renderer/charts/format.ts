// Number formats for learning rates and steps: rates span 1e-7 … 10, so a fixed number of
// decimals either hides small rates or prints noise; four significant digits reads well.

export function formatRate(v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(v.toPrecision(4)));
}

/** Steps as whole numbers with thin grouping ("100 000" would read as two numbers; "100,000" does not). */
export function formatStep(v: number): string {
  return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1);
}

/** The smoothing slider's top: TensorBoard allows 0.999 (a 1,000-point window for very noisy runs). */
export const MAX_SMOOTHING = 0.999;
