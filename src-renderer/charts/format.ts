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
 * TensorBoard's step axis, d3.format('.4~s')), each with the decimals it needs to be exact,
 * so a 3M-step run's labels ("2.8M") fit their spacing instead of running together.
 */
export function formatStepTicks(splits: readonly number[]): string[] {
  const top = Math.max(0, ...splits.map((v) => Math.abs(v)));
  if (top < 1e5) return splits.map(formatStep);
  return splits.map((v) => {
    const si = SI.find((s) => Math.abs(v) >= s.unit);
    if (!si) return formatStep(v);
    // As few decimals as say the tick exactly ("1.25M", never "1.3M" for 1,250,000); at most 3.
    const x = v / si.unit;
    let decimals = 0;
    while (decimals < 3 && Math.abs(Number(x.toFixed(decimals)) - x) > 1e-9 * Math.abs(x)) decimals++;
    return `${String(Number(x.toFixed(decimals)))}${si.suffix}`;
  });
}
