/**
 * Several series with their own steps drawn over one x axis (what uPlot needs). Missing points
 * become `undefined` (the line joins over them: a metric logged every 100 steps is still one
 * line), non-finite values become `null` (a gap, never a line to zero).
 */
export type Aligned = (number | null | undefined)[];

/** The sorted union of several ascending step arrays, without duplicates. */
export function unionSteps(stepArrays: readonly ArrayLike<number>[]): Float64Array {
  let total = 0;
  for (const a of stepArrays) total += a.length;
  const all = new Float64Array(total);
  let k = 0;
  for (const a of stepArrays) for (let i = 0; i < a.length; i++) all[k++] = a[i]!;
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

/** `values` (at ascending `steps`) placed on `x`, which must contain every one of `steps`. */
export function alignTo(x: ArrayLike<number>, steps: ArrayLike<number>, values: ArrayLike<number>): Aligned {
  const out: Aligned = new Array(x.length);
  let j = 0;
  for (let i = 0; i < x.length; i++) {
    while (j < steps.length && steps[j]! < x[i]!) j++;
    if (j < steps.length && steps[j] === x[i]) {
      const v = values[j]!;
      out[i] = Number.isFinite(v) ? v : null;
    }
  }
  return out;
}

/** The runs of consecutive non-finite values as [firstStep, lastStep] pairs, for marks. */
export function nonFiniteRanges(steps: ArrayLike<number>, values: ArrayLike<number>): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < steps.length; i++) {
    if (Number.isFinite(values[i]!)) continue;
    const last = ranges[ranges.length - 1];
    if (last && i > 0 && last[1] === steps[i - 1] && !Number.isFinite(values[i - 1]!)) last[1] = steps[i]!;
    else ranges.push([steps[i]!, steps[i]!]);
  }
  return ranges;
}
