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
import { afterIo, nextSlice } from './turns';

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
  const fold = foldOf(query);
  for (const c of chunkFiguresInRange(db, metricId, fold.from, fold.to)) {
    if (!addChunk(db, metricId, fold, c)) throw new Error(`metric ${metricId}: chunk ${c.seq} changed while it was read`);
  }
  return fold.fold.result();
}

/**
 * metricStats in slices, sharing the event loop's turns with every other long read (turns.ts) and
 * starting only after the loop has turned once: a compare view asks for 20 runs' figures at once,
 * and a run opened meanwhile must not wait for them (issue 15: it waited 69 ms). A chunk rewritten
 * while the slices ran (a followed log's tail) starts the figures again; after three such, one
 * synchronous pass. `slice` (tests): what to await between chunks.
 */
export async function metricStatsInSlices(db: Db, metricId: number, query: StatsQuery = {}, slice = nextSlice): Promise<SeriesStats> {
  await afterIo();
  for (let attempt = 0; attempt < 3; attempt++) {
    const fold = foldOf(query);
    let whole = true;
    // Reading the chunks' figures is a slice of its own: 20 summaries resumed in one turn each read theirs.
    await slice();
    for (const c of chunkFiguresInRange(db, metricId, fold.from, fold.to)) {
      await slice();
      if (!addChunk(db, metricId, fold, c)) {
        whole = false;
        break;
      }
    }
    if (whole) return fold.fold.result();
  }
  return metricStats(db, metricId, query);
}

function foldOf(query: StatsQuery) {
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const areaFrom = Math.max(from, query.areaFrom ?? -Infinity);
  const areaTo = Math.min(to, query.areaTo ?? Infinity);
  return { from, to, fold: new StatsFold({ areaFrom, areaTo, at: query.at ?? [] }) };
}

/** One chunk into the fold: its stored figures when it lies wholly inside, else its points in range. False: the chunk is gone. */
function addChunk(db: Db, metricId: number, { from, to, fold }: ReturnType<typeof foldOf>, c: ReturnType<typeof chunkFiguresInRange>[number]): boolean {
  if (c.stats && c.step_first >= from && c.step_last <= to && fold.canAddWhole(c.step_first, c.step_last)) {
    fold.addChunk(figures(c.stats));
    return true;
  }
  const points = chunkPoints(db, metricId, c.seq);
  if (!points) return false;
  const { steps, vals, count } = points;
  for (let i = 0; i < count; i++) {
    const s = steps[i]!;
    if (s < from) continue;
    if (s > to) break;
    fold.addPoint(s, vals[i]!);
  }
  return true;
}

/** A stored figures blob (unaligned, so copied). */
function figures(blob: Buffer): Float64Array {
  const out = new Float64Array(blob.length / 8);
  new Uint8Array(out.buffer).set(blob);
  return out;
}
