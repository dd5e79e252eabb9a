// Whole-data figures of a metric (series.stats): final and minimum values, the area under the
// curve, NaN count and values at given steps. Exact, from every point in range: a thinned bucket
// keeps only its first point, min and max, which cannot give an exact final value or area. Each
// chunk stores its own figures at import (chunk-stats.ts), so a chunk lying wholly inside the
// ranges is added from those; only the chunks at the edges of the ranges (or holding a requested
// step) are decoded. A run's summary so costs a row per 16,384 points plus a few chunks, instead
// of a pass over every point (issue 15: a 20 × 1M comparison blocked the server for ~300 ms).
import type { SeriesStats } from '../../src-shared/api/types';
import { StatsFold } from './chunk-stats';
import type { Db } from './database';
import { chunkFiguresInRange, chunkPoints } from './points';

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
  const fold = new StatsFold({ areaFrom, areaTo, at: query.at ?? [] });
  for (const c of chunkFiguresInRange(db, metricId, from, to)) {
    if (c.stats && c.step_first >= from && c.step_last <= to && fold.canAddWhole(c.step_first, c.step_last)) {
      fold.addChunk(figures(c.stats));
      continue;
    }
    const { steps, vals, count } = chunkPoints(db, metricId, c.seq);
    for (let i = 0; i < count; i++) {
      const s = steps[i]!;
      if (s < from) continue;
      if (s > to) break;
      fold.addPoint(s, vals[i]!);
    }
  }
  return fold.result();
}

/** A stored figures blob (unaligned, so copied). */
function figures(blob: Buffer): Float64Array {
  const out = new Float64Array(blob.length / 8);
  new Uint8Array(out.buffer).set(blob);
  return out;
}
