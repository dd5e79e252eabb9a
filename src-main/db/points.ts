// The points store: a metric's (step, value) points in chunks of consecutive steps, columnar
// little-endian Float64 blobs (metric_chunks; regular steps as [first, stride]), each with a summary row (metric_chunk_summaries)
// written at the same time. Points within a metric are kept in non-decreasing step order across
// chunks (the importer guarantees it), which is what lets a range query pick chunks by step.
import type { Series, SeriesQuery } from '../../src-shared/api/series-types';
import type { Db } from './database';
import { chunkStats, CS } from './chunk-stats';
import { planLevels, type LevelPlan, type QueryLevel } from './points-levels';
import { BucketWriter, coarsen, E, ENTRY_SIZE, FINE_SPAN, SUMMARY_SPAN, summarize, WIDE_SPAN } from './points-summary';

export type { QueryLevel } from './points-levels';

/** Points per chunk: 256 KiB of blobs; big enough for few rows, small enough to buffer one per metric. */
export const CHUNK_POINTS = 16_384;
export const MAX_POINTS_LIMIT = 1_000_000;

export interface ChunkRow {
  seq: number;
  step_first: number;
  step_last: number;
  count: number;
}

function statements(db: Db) {
  return {
    insertChunk: db.prepare<[number, number, number, number, number, Buffer, Buffer]>(
      'INSERT INTO metric_chunks (metric_id, seq, step_first, step_last, count, steps, vals) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    insertSummary: db.prepare<[number, number, number, number, number, Buffer]>(
      'INSERT INTO metric_chunk_summaries (metric_id, seq, step_first, step_last, count, entries) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertFine: db.prepare<[number, number, Buffer]>('INSERT INTO metric_chunk_fine_summaries (metric_id, seq, entries) VALUES (?, ?, ?)'),
    insertStats: db.prepare<[number, number, Buffer]>('INSERT INTO metric_chunk_stats (metric_id, seq, stats) VALUES (?, ?, ?)'),
    insertWide: db.prepare<[number, number, Buffer]>('INSERT INTO metric_chunk_wide_summaries (metric_id, seq, entries) VALUES (?, ?, ?)'),
    firstChunkReaching: db.prepare<[number, number], { seq: number }>(
      'SELECT seq FROM metric_chunk_summaries WHERE metric_id = ? AND step_last >= ? ORDER BY seq LIMIT 1',
    ),
    chunk: db.prepare<[number, number], { count: number; steps: Buffer; vals: Buffer }>(
      'SELECT count, steps, vals FROM metric_chunks WHERE metric_id = ? AND seq = ?',
    ),
    deleteChunksFrom: db.prepare<[number, number]>('DELETE FROM metric_chunks WHERE metric_id = ? AND seq >= ?'),
    chunksInRange: db.prepare<[number, number, number], ChunkRow>(
      'SELECT seq, step_first, step_last, count FROM metric_chunk_summaries WHERE metric_id = ? AND step_last >= ? AND step_first <= ? ORDER BY seq',
    ),
    pointsOf: db.prepare<[number, number, number], { count: number; steps: Buffer; vals: Buffer }>(
      'SELECT count, steps, vals FROM metric_chunks WHERE metric_id = ? AND seq BETWEEN ? AND ? ORDER BY seq',
    ),
    lastChunkFrom: db.prepare<[number, number], { seq: number }>(
      'SELECT seq FROM metric_chunk_summaries WHERE metric_id = ? AND step_first <= ? ORDER BY seq DESC LIMIT 1',
    ),
    summariesOf: db.prepare<[number, number, number], { entries: Buffer }>(
      'SELECT entries FROM metric_chunk_summaries WHERE metric_id = ? AND seq BETWEEN ? AND ? ORDER BY seq',
    ),
    fineSummariesOf: db.prepare<[number, number, number], { entries: Buffer }>(
      'SELECT entries FROM metric_chunk_fine_summaries WHERE metric_id = ? AND seq BETWEEN ? AND ? ORDER BY seq',
    ),
    wideSummariesOf: db.prepare<[number, number, number], { entries: Buffer }>(
      'SELECT entries FROM metric_chunk_wide_summaries WHERE metric_id = ? AND seq BETWEEN ? AND ? ORDER BY seq',
    ),
    chunkFigures: db.prepare<[number, number, number], ChunkRow & { stats: Buffer | null }>(
      'SELECT s.seq, s.step_first, s.step_last, s.count, c.stats FROM metric_chunk_summaries s ' +
        'LEFT JOIN metric_chunk_stats c ON c.metric_id = s.metric_id AND c.seq = s.seq ' +
        'WHERE s.metric_id = ? AND s.step_last >= ? AND s.step_first <= ? ORDER BY s.seq',
    ),
  };
}

type Statements = ReturnType<typeof statements>;
const cache = new WeakMap<Db, Statements>();

function st(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    s = statements(db);
    cache.set(db, s);
  }
  return s;
}

function blob(arr: Float64Array, count: number): Buffer {
  return Buffer.from(arr.buffer, arr.byteOffset, count * 8);
}

/**
 * Steps that go up by a constant stride (every step, every 500th…) are the common case: such a
 * chunk stores only [first, stride] (16 bytes for count > 2), halving what an import writes.
 */
function stepsBlob(steps: Float64Array, count: number): Buffer {
  if (count > 2 && isRegular(steps, count)) return blob(Float64Array.of(steps[0]!, steps[1]! - steps[0]!), 2);
  return blob(steps, count);
}

/**
 * Whether the steps go up by the same stride throughout. A function of its own with nothing after
 * its loop: V8 compiles the loop while the first chunk runs, before the code after it has ever run,
 * and when that code was in the same function it bailed out there at the end of every chunk (in 3
 * of 6 imports of 1M rows × 4 columns: ~130 times, node --trace-deopt).
 */
function isRegular(steps: Float64Array, count: number): boolean {
  const first = steps[0]!;
  const stride = steps[1]! - first;
  for (let i = 2; i < count; i++) if (steps[i] !== first + i * stride) return false;
  return true;
}

export function decodeSteps(out: Float64Array, at: number, data: Buffer, count: number): void {
  if (count <= 2 || data.length !== 16) return decodeInto(out, at, data);
  const first = data.readDoubleLE(0);
  const stride = data.readDoubleLE(8);
  for (let i = 0; i < count; i++) out[at + i] = first + i * stride;
}

/** Copies a Float64 blob into `out` at `at` (blobs come back unaligned, so no view on them). */
export function decodeInto(out: Float64Array, at: number, data: Buffer): void {
  new Uint8Array(out.buffer, out.byteOffset + at * 8, data.length).set(data);
}

export interface ChunkStats {
  seq: number;
  count: number;
  nans: number;
  /** ±Infinity values (from the chunk's stored figures: no second pass over the points). */
  infs: number;
}

/** Writes one chunk and its summary. Steps must be non-decreasing and follow the previous chunk. */
export function writeChunk(db: Db, metricId: number, seq: number, steps: Float64Array, vals: Float64Array, count: number): ChunkStats {
  const s = st(db);
  s.insertChunk.run(metricId, seq, steps[0]!, steps[count - 1]!, count, stepsBlob(steps, count), blob(vals, count));
  // One pass over the points for the finest level; each coarser one merges the level below it.
  const fine = summarize(steps, vals, count, FINE_SPAN);
  const entries = coarsen(fine, SUMMARY_SPAN / FINE_SPAN);
  const wide = coarsen(entries, WIDE_SPAN / SUMMARY_SPAN);
  const figures = chunkStats(steps, vals, count);
  s.insertSummary.run(metricId, seq, steps[0]!, steps[count - 1]!, count, blob(entries, entries.length));
  s.insertFine.run(metricId, seq, blob(fine, fine.length));
  s.insertWide.run(metricId, seq, blob(wide, wide.length));
  s.insertStats.run(metricId, seq, blob(figures, figures.length));
  let nans = 0; // the summary counted them already, an entry at a time
  for (let e = E.nans; e < entries.length; e += ENTRY_SIZE) nans += entries[e]!;
  return { seq, count, nans, infs: figures[CS.infs]! };
}

/**
 * Removes every stored point at or after `step` (a restart from a checkpoint overwrites them) and
 * returns the points before `step` from the first chunk it touched, for the caller to re-buffer
 * and write again as chunk `seq`. Null when no stored point is at or after `step`.
 */
export function cutAt(db: Db, metricId: number, step: number): { seq: number; steps: Float64Array; vals: Float64Array; count: number } | null {
  const s = st(db);
  const first = s.firstChunkReaching.get(metricId, step);
  if (!first) return null;
  const row = { seq: first.seq, ...s.chunk.get(metricId, first.seq)! };
  const steps = new Float64Array(row.count);
  const vals = new Float64Array(row.count);
  decodeSteps(steps, 0, row.steps, row.count);
  decodeInto(vals, 0, row.vals);
  let keep = 0;
  while (keep < row.count && steps[keep]! < step) keep++;
  s.deleteChunksFrom.run(metricId, row.seq);
  return { seq: row.seq, steps, vals, count: keep };
}

/**
 * A metric's points in [from, to]: exact when they fit `maxPoints`, else at most `maxPoints`
 * buckets of consecutive points, each with its first point, min, max and NaN count. What is read
 * (every point, or 32-, 256-, 2,048-point summaries, chunk by chunk) is planned by
 * points-levels.ts so that a query's cost never falls as the data grows.
 */
export function querySeries(db: Db, metricId: number, query: SeriesQuery): Series {
  const from = query.from ?? -Infinity;
  const to = query.to ?? Infinity;
  const budget = Math.max(1, Math.min(MAX_POINTS_LIMIT, Math.floor(query.maxPoints)));
  const chunks = st(db).chunksInRange.all(metricId, from, to);
  if (chunks.length === 0) return { steps: new Float64Array(0), values: new Float64Array(0), exact: true };
  return readPlan(db, metricId, chunks, from, to, budget, planOf(chunks, from, to, budget));
}

/** What querySeries reads for these chunks (the query-size bench prints it). */
export function planOf(chunks: ChunkRow[], from: number, to: number, budget: number): LevelPlan {
  return planLevels(chunks, estimateInRange(chunks, from, to), budget);
}

/** The query answered from one level only (tests check each level against the points). */
export function readLevel(db: Db, metricId: number, chunks: ChunkRow[], from: number, to: number, budget: number, level: QueryLevel): Series {
  return readPlan(db, metricId, chunks, from, to, budget, { finer: level, coarser: level, split: 0 });
}

/** Reads the chunks as planned: [0, split) at the finer level, the rest at the coarser one, merged in order. */
export function readPlan(db: Db, metricId: number, chunks: ChunkRow[], from: number, to: number, budget: number, plan: LevelPlan): Series {
  const firstSeq = chunks[0]!.seq;
  const lastSeq = chunks[chunks.length - 1]!.seq;
  const total = chunks.reduce((n, c) => n + c.count, 0);
  if (plan.coarser === 'points') return fromPoints(db, metricId, firstSeq, lastSeq, total, from, to, budget);
  const parts: Units[] = [];
  const splitSeq = plan.split > 0 ? chunks[plan.split - 1]!.seq : firstSeq - 1;
  if (plan.split > 0) parts.push(readUnits(db, metricId, firstSeq, splitSeq, plan.finer, plan.split));
  parts.push(readUnits(db, metricId, splitSeq + 1, lastSeq, plan.coarser, chunks.length - plan.split));
  // Every chunk has every level (written with it, or by migrations 007 and 008): every point if one were missing.
  if (parts.some((p) => p === null)) return fromPoints(db, metricId, firstSeq, lastSeq, total, from, to, budget);
  return mergeUnits(parts as Exclude<Units, null>[], from, to, budget);
}

/** A run of consecutive chunks at one level: points (steps, values) or summary entries. Null: a chunk lacks the level. */
type Units = { points: true; steps: Float64Array; vals: Float64Array; n: number } | { points: false; entries: Float64Array } | null;

function readUnits(db: Db, metricId: number, firstSeq: number, lastSeq: number, level: QueryLevel, chunkCount: number): Units {
  const s = st(db);
  if (level === 'points') {
    const rows = s.pointsOf.all(metricId, firstSeq, lastSeq);
    const n = rows.reduce((k, r) => k + r.count, 0);
    const steps = new Float64Array(n);
    const vals = new Float64Array(n);
    let at = 0;
    for (const row of rows) {
      decodeSteps(steps, at, row.steps, row.count);
      decodeInto(vals, at, row.vals);
      at += row.count;
    }
    return { points: true, steps, vals, n };
  }
  const statement = level === 'fine' ? s.fineSummariesOf : level === 'wide' ? s.wideSummariesOf : s.summariesOf;
  const blobs = statement.all(metricId, firstSeq, lastSeq);
  if (blobs.length !== chunkCount) return null;
  const entries = new Float64Array(blobs.reduce((n, b) => n + b.entries.length / 8, 0));
  let at = 0;
  for (const b of blobs) {
    decodeInto(entries, at, b.entries);
    at += b.entries.length / 8;
  }
  return { points: false, entries };
}

/** The chunks overlapping [from, to], as querySeries reads them. */
export function chunksInRange(db: Db, metricId: number, from: number, to: number): ChunkRow[] {
  return st(db).chunksInRange.all(metricId, from, to);
}

/**
 * Points of `chunks` inside [from, to], chunks at the edges counted by the share of their step span
 * in range: exact for evenly spaced steps, an estimate otherwise, used only to choose the level.
 */
function estimateInRange(chunks: ChunkRow[], from: number, to: number): number {
  let n = 0;
  for (const c of chunks) {
    if (c.step_first >= from && c.step_last <= to) n += c.count;
    else if (c.step_last > c.step_first) n += (c.count * (Math.min(to, c.step_last) - Math.max(from, c.step_first))) / (c.step_last - c.step_first);
    else n += c.count;
  }
  return n;
}

function fromPoints(db: Db, metricId: number, firstSeq: number, lastSeq: number, total: number, from: number, to: number, budget: number): Series {
  const steps = new Float64Array(total);
  const vals = new Float64Array(total);
  let n = 0;
  for (const row of st(db).pointsOf.iterate(metricId, firstSeq, lastSeq)) {
    decodeSteps(steps, n, row.steps, row.count);
    decodeInto(vals, n, row.vals);
    n += row.count;
  }
  const a = lowerBound(steps, n, from);
  const b = upperBoundOf(steps, n, to);
  if (b - a <= budget) return { steps: steps.slice(a, b), values: vals.slice(a, b), exact: true };
  return mergeUnits([{ points: true, steps, vals, n }], from, to, budget);
}

/**
 * Points and entries in order into `budget` buckets by their running point count. Entries that
 * overlap the range are taken whole (a bucket is at least an entry wide), points only inside it.
 * The open bucket's extremes are kept in locals (this loop runs for every unit a query reads).
 */
function mergeUnits(parts: Exclude<Units, null>[], from: number, to: number, budget: number): Series {
  let total = 0;
  for (const p of parts) {
    if (p.points) {
      for (let i = 0; i < p.n; i++) if (p.steps[i]! >= from && p.steps[i]! <= to) total++;
    } else {
      const e = p.entries;
      for (let k = 0; k < e.length; k += ENTRY_SIZE) if (overlaps(e, k, from, to)) total += e[k + E.count]!;
    }
  }
  const out = new BucketWriter(budget);
  // The point count at which the next bucket starts: floor(done × budget / total) > bucket.
  let bucket = -1;
  let nextAt = 0;
  let done = 0;
  let min = NaN;
  let max = NaN;
  let nans = 0;
  const startBucket = (step: number, first: number) => {
    if (bucket >= 0) out.add(min, max, nans);
    out.start(step, first);
    bucket = Math.floor((done * budget) / total);
    nextAt = Math.ceil(((bucket + 1) * total) / budget);
    [min, max, nans] = [NaN, NaN, 0];
  };
  for (const p of parts) {
    if (p.points) {
      const { steps, vals } = p;
      for (let i = 0; i < p.n; i++) {
        const s = steps[i]!;
        if (s < from || s > to) continue;
        const v = vals[i]!;
        if (done >= nextAt) startBucket(s, v);
        if (v !== v) nans++;
        else {
          if (!(min <= v)) min = v;
          if (!(max >= v)) max = v;
        }
        done++;
      }
      continue;
    }
    const e = p.entries;
    for (let j = 0; j < e.length; j += ENTRY_SIZE) {
      if (!overlaps(e, j, from, to)) continue;
      if (done >= nextAt) startBucket(e[j + E.stepFirst]!, e[j + E.first]!);
      const lo = e[j + E.min]!;
      const hi = e[j + E.max]!;
      if (lo === lo && !(min <= lo)) min = lo;
      if (hi === hi && !(max >= hi)) max = hi;
      nans += e[j + E.nans]!;
      done += e[j + E.count]!;
    }
  }
  if (bucket >= 0) out.add(min, max, nans);
  return out.result();
}

function overlaps(entries: Float64Array, e: number, from: number, to: number): boolean {
  return entries[e + E.stepLast]! >= from && entries[e + E.stepFirst]! <= to;
}

function lowerBound(steps: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBoundOf(steps: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every stored chunk of a metric that overlaps [from, to], decoded in order, for figures that must
 * see every point (series.stats in points-stats.ts) rather than thinned buckets. The buffers are
 * reused from one chunk to the next, so a caller reads each before asking for the next; chunks at
 * the ends may hold points outside the range, which the caller filters by step.
 */
export function* pointChunks(db: Db, metricId: number, from = -Infinity, to = Infinity): Generator<{ steps: Float64Array; vals: Float64Array; count: number }> {
  const chunks = st(db).chunksInRange.all(metricId, from, to);
  if (chunks.length === 0) return;
  let steps = new Float64Array(CHUNK_POINTS);
  let vals = new Float64Array(CHUNK_POINTS);
  for (const row of st(db).pointsOf.iterate(metricId, chunks[0]!.seq, chunks[chunks.length - 1]!.seq)) {
    if (row.count > steps.length) {
      steps = new Float64Array(row.count);
      vals = new Float64Array(row.count);
    }
    decodeSteps(steps, 0, row.steps, row.count);
    decodeInto(vals, 0, row.vals);
    yield { steps, vals, count: row.count };
  }
}

/** The stored figures (chunk-stats.ts) of the chunks overlapping [from, to]; stats null only if a chunk had none stored. */
export function chunkFiguresInRange(db: Db, metricId: number, from: number, to: number): (ChunkRow & { stats: Buffer | null })[] {
  return st(db).chunkFigures.all(metricId, from, to);
}

/** One chunk's points, decoded; null when no such chunk is stored (a followed log's tail is rewritten). */
export function chunkPoints(db: Db, metricId: number, seq: number): { steps: Float64Array; vals: Float64Array; count: number } | null {
  const row = st(db).chunk.get(metricId, seq);
  if (!row) return null;
  const steps = new Float64Array(row.count);
  const vals = new Float64Array(row.count);
  decodeSteps(steps, 0, row.steps, row.count);
  decodeInto(vals, 0, row.vals);
  return { steps, vals, count: row.count };
}

/**
 * The last stored point at or before `step` (NaN and ±Infinity as stored), or null before the
 * first point: what the run view's readout shows, read from the points, never from a bucket.
 * Points of one step logged twice (a resumed run) give the later one, as the chart draws it.
 */
export function pointAtOrBefore(db: Db, metricId: number, step: number): { step: number; value: number } | null {
  const found = st(db).lastChunkFrom.get(metricId, step);
  if (!found) return null;
  const row = st(db).chunk.get(metricId, found.seq)!;
  const steps = new Float64Array(row.count);
  const vals = new Float64Array(row.count);
  decodeSteps(steps, 0, row.steps, row.count);
  decodeInto(vals, 0, row.vals);
  const i = upperBoundOf(steps, row.count, step) - 1;
  return i < 0 ? null : { step: steps[i]!, value: vals[i]! };
}
