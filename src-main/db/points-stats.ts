// Whole-data figures of a metric (series.stats): final and minimum values, the area under the
// curve, NaN count and values at given steps. They read every point in range through the chunk
// reader of points.ts: a thinned bucket keeps only its first point, min and max, which cannot give
// an exact final value or area.
import type { JsonNumber } from '../../src-shared/api/import-types';
import type { SeriesStats, StepValue } from '../../src-shared/api/types';
import type { Db } from './database';
import { pointChunks } from './points';

export interface StatsQuery {
  from?: number;
  to?: number;
  /** Step range of the area under the curve; the stats range when absent. */
  areaFrom?: number;
  areaTo?: number;
  /** Steps whose last finite value at or before them is wanted (e.g. the last restart). */
  at?: readonly number[];
}

export function metricStats(db: Db, metricId: number, query: StatsQuery = {}): SeriesStats {
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const areaFrom = Math.max(from, query.areaFrom ?? -Infinity);
  const areaTo = Math.min(to, query.areaTo ?? Infinity);
  const at = query.at ?? [];
  // The requested steps in ascending order, answered in one pass over the points.
  const order = at.map((_, i) => i).sort((a, b) => at[a]! - at[b]!);
  const valueAt: (StepValue | null)[] = at.map(() => null);
  let k = 0;

  let count = 0;
  let nanCount = 0;
  let infCount = 0;
  let lastStep = NaN;
  let lastValue = NaN;
  /** First step of the current stretch of non-finite points (NaN while the last point is finite). */
  let nonFiniteFrom = NaN;
  const inArea = { firstStep: NaN, nanCount: 0, infCount: 0 };
  let first: StepValue | null = null;
  let last: StepValue | null = null;
  let min: StepValue | null = null;
  let auc = 0;
  let areaSeen = false;
  let areaLo = Infinity;
  let areaHi = -Infinity;
  // The previous point when it was finite: a NaN or ±Infinity breaks the curve, so no trapezoid spans it.
  let prevStep = NaN;
  let prevValue = NaN;
  let prevFinite = false;

  for (const { steps, vals, count: n } of pointChunks(db, metricId, from, to)) {
    for (let i = 0; i < n; i++) {
      const s = steps[i]!;
      if (s < from) continue;
      if (s > to) break;
      const v = vals[i]!;
      count++;
      lastStep = s;
      lastValue = v;
      if (!Number.isFinite(v)) {
        const nan = v !== v;
        if (nan) nanCount++;
        else infCount++;
        if (nonFiniteFrom !== nonFiniteFrom) nonFiniteFrom = s;
        if (s >= areaFrom && s <= areaTo) {
          if (inArea.firstStep !== inArea.firstStep) inArea.firstStep = s;
          if (nan) inArea.nanCount++;
          else inArea.infCount++;
        }
        prevFinite = false;
        continue;
      }
      nonFiniteFrom = NaN;
      while (k < order.length && at[order[k]!]! < s) valueAt[order[k++]!] = last;
      if (first === null) first = { step: s, value: v };
      last = { step: s, value: v };
      if (min === null || v < min.value) min = { step: s, value: v };
      if (prevFinite) {
        // The part of the segment (prevStep, prevValue)–(s, v) inside the area range, ends interpolated.
        const a = Math.max(prevStep, areaFrom);
        const b = Math.min(s, areaTo);
        if (b > a) {
          const slope = (v - prevValue) / (s - prevStep);
          const va = prevValue + slope * (a - prevStep);
          const vb = prevValue + slope * (b - prevStep);
          auc += ((b - a) * (va + vb)) / 2;
          areaSeen = true;
          if (a < areaLo) areaLo = a;
          if (b > areaHi) areaHi = b;
        }
      }
      prevStep = s;
      prevValue = v;
      prevFinite = true;
    }
  }
  while (k < order.length) valueAt[order[k++]!] = last;
  // A NaN or ±Infinity inside the range makes its area unknown: no number rather than a gap's.
  const blocked = inArea.nanCount + inArea.infCount > 0;
  return {
    count,
    nanCount,
    infCount,
    lastLogged: count > 0 ? { step: lastStep, value: jsonNumber(lastValue) } : null,
    divergedAt: nonFiniteFrom === nonFiniteFrom ? nonFiniteFrom : null,
    first,
    last,
    min,
    auc: areaSeen && !blocked ? auc : null,
    area: areaSeen && !blocked ? { from: areaLo, to: areaHi } : null,
    areaNonFinite: blocked ? inArea : null,
    valueAt,
  };
}

function jsonNumber(v: number): JsonNumber {
  if (Number.isFinite(v)) return v;
  return v !== v ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}
