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

const SI = [
  { unit: 1e12, suffix: 'T' },
  { unit: 1e9, suffix: 'B' },
  { unit: 1e6, suffix: 'M' },
  { unit: 1e3, suffix: 'k' },
];

/**
 * Step axis ticks: with thousands separators up to 99,999, compact beyond ("200k", "1.2M", as
 * TensorBoard's step axis, d3.format('.4~s')), with as many decimals as the tick spacing needs,
 * so a 3M-step run's labels ("2.8M") fit their spacing instead of running together.
 */
export function formatStepTicks(splits: readonly number[]): string[] {
  const top = Math.max(0, ...splits.map((v) => Math.abs(v)));
  if (top < 1e5) return splits.map(formatStep);
  const incr = splits.length > 1 ? Math.abs(splits[1]! - splits[0]!) : top;
  return splits.map((v) => {
    const si = SI.find((s) => Math.abs(v) >= s.unit);
    if (!si) return formatStep(v);
    const decimals = Math.min(3, Math.max(0, Math.ceil(-Math.log10(incr / si.unit) - 1e-9)));
    return `${String(Number((v / si.unit).toFixed(decimals)))}${si.suffix}`;
  });
}
