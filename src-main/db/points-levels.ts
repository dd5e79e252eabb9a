// Which summary level a series query reads, chunk by chunk: the pyramid (every point, 32-, 256-,
// 2,048-point entries) and a cost cap. Pure arithmetic, no SQL (points.ts reads what this plans).
//
// A query reads at least the coarsest level whose entries are no wider than its buckets (so it
// has as many buckets as asked), and then finer ones while its estimated work stays under a cap
// proportional to the budget: all chunks at one level, a prefix of them one level finer. Its work
// is so min(cap, every point) plus a row per chunk in range, which never falls as the data grows:
// a coarser level is taken only where the finer one would exceed the cap, and then the cap is
// filled with finer entries. With one level per size (issue 15) the cost fell 3–8× at each switch.
import { FINE_SPAN, SUMMARY_SPAN, WIDE_SPAN } from './points-summary';

export type QueryLevel = 'points' | 'fine' | 'coarse' | 'wide';

/** The pyramid, finest first, and the points per unit of each level. */
export const LEVELS: readonly QueryLevel[] = ['points', 'fine', 'coarse', 'wide'];
export const LEVEL_SPANS: Readonly<Record<QueryLevel, number>> = { points: 1, fine: FINE_SPAN, coarse: SUMMARY_SPAN, wide: WIDE_SPAN };

/**
 * Relative cost of one unit read: a point (8 bytes of its chunk's blob read, its step decoded, then
 * bucketed) or an entry (56 bytes read, then merged). Fitted to the query-size bench (2026-11-29:
 * 100k, 300k and 500k points read as points and 32-point entries): an entry costs ~2.5 points.
 */
const UNIT_COST: Readonly<Record<QueryLevel, number>> = { points: 1, fine: 2.5, coarse: 2.5, wide: 2.5 };
/**
 * The cap on a query's units read, in points, per bucket asked for (2,000 buckets: 64,000 points
 * or 25,600 entries). At least what every chunk at the finer level costs when the next level
 * becomes allowed (32 points a bucket; 8 entries of 2.5: 20), so the cost does not fall there.
 */
export const COST_PER_BUCKET = 32;
/** Never every point of more than this many, whatever the budget (a 1M-point budget over 10M points). */
const RAW_DECODE_LIMIT = 4_000_000;

export interface ChunkCount {
  count: number;
}

/** Chunks [0, split) are read at `finer`, the rest at `coarser` (the same level when not mixed). */
export interface LevelPlan {
  finer: QueryLevel;
  coarser: QueryLevel;
  split: number;
}

const costOf = (level: QueryLevel, count: number): number => UNIT_COST[level] * Math.ceil(count / LEVEL_SPANS[level]);

/** The plan for chunks holding `inRange` points in range, thinned to `budget` buckets. */
export function planLevels(chunks: readonly ChunkCount[], inRange: number, budget: number): LevelPlan {
  const bucketWidth = inRange / budget;
  let coarsest = 0;
  LEVELS.forEach((l, i) => {
    if (LEVEL_SPANS[l] <= bucketWidth) coarsest = i;
  });
  const cap = budget * COST_PER_BUCKET;
  const total = (level: QueryLevel) => chunks.reduce((n, c) => n + costOf(level, c.count), 0);
  // The finest level whose every chunk fits the cap, else the coarsest allowed.
  let at = coarsest;
  for (let i = 0; i < coarsest; i++) {
    if (total(LEVELS[i]!) <= cap) {
      at = i;
      break;
    }
  }
  const level = LEVELS[at]!;
  const points = chunks.reduce((n, c) => n + c.count, 0);
  if (at === 0) return points > RAW_DECODE_LIMIT ? { finer: 'fine', coarser: 'fine', split: 0 } : { finer: 'points', coarser: 'points', split: 0 };
  const finer = LEVELS[at - 1]!;
  let cost = total(level);
  let split = 0;
  while (split < chunks.length && cost <= cap) {
    const c = chunks[split]!.count;
    const next = cost - costOf(level, c) + costOf(finer, c);
    if (next > cap) break;
    cost = next;
    split++;
  }
  if (finer === 'points' && split > 0 && chunks.slice(0, split).reduce((n, c) => n + c.count, 0) > RAW_DECODE_LIMIT) split = 0;
  return split === 0 ? { finer: level, coarser: level, split: 0 } : { finer, coarser: level, split };
}
