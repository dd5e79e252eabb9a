// Appending to a stored metric while its log grows (watched folders). A live log arrives a few
// rows at a time; a chunk per flush would leave a metric of millions of points in millions of
// tiny chunks, and rewriting the last chunk on every flush would copy it thousands of times.
// So the newest chunks are merged like a binary counter: a new chunk absorbs the chunk before it
// while that one is no bigger than itself (up to CHUNK_POINTS), which rewrites each point about
// log2(CHUNK_POINTS / flush size) times and keeps at most that many small chunks at the tail.
import type { MetricRole } from '../../src-shared/api/types';
import type { Db } from './database';
import { CHUNK_POINTS, cutAt, decodeInto, decodeSteps, writeChunk } from './points';
import { E, ENTRY_SIZE } from './points-summary';

interface TailChunk {
  seq: number;
  count: number;
}

export interface StoredMetric {
  id: number;
  pointCount: number;
  nanCount: number;
  stepMax: number | null;
}

function statements(db: Db) {
  return {
    metric: db.prepare<[number, string], { id: number; point_count: number; nan_count: number; step_max: number | null }>(
      'SELECT id, point_count, nan_count, step_max FROM metrics WHERE run_id = ? AND name = ?',
    ),
    insertMetric: db.prepare<[number, string, MetricRole], { id: number }>('INSERT INTO metrics (run_id, name, role) VALUES (?, ?, ?) RETURNING id'),
    lastChunks: db.prepare<[number], TailChunk>('SELECT seq, count FROM metric_chunk_summaries WHERE metric_id = ? ORDER BY seq DESC LIMIT 24'),
    maxSeq: db.prepare<[number], { seq: number | null }>('SELECT max(seq) AS seq FROM metric_chunk_summaries WHERE metric_id = ?'),
    chunk: db.prepare<[number, number], { count: number; steps: Buffer; vals: Buffer }>(
      'SELECT count, steps, vals FROM metric_chunks WHERE metric_id = ? AND seq = ?',
    ),
    deleteChunk: db.prepare<[number, number]>('DELETE FROM metric_chunks WHERE metric_id = ? AND seq = ?'),
    entriesFrom: db.prepare<[number, number], { entries: Buffer }>('SELECT entries FROM metric_chunk_summaries WHERE metric_id = ? AND seq >= ?'),
    firstReaching: db.prepare<[number, number], { seq: number }>(
      'SELECT seq FROM metric_chunk_summaries WHERE metric_id = ? AND step_last >= ? ORDER BY seq LIMIT 1',
    ),
    totals: db.prepare<[number], { points: number | null; step_min: number | null; step_max: number | null }>(
      'SELECT sum(count) AS points, min(step_first) AS step_min, max(step_last) AS step_max FROM metric_chunk_summaries WHERE metric_id = ?',
    ),
    setTotals: db.prepare<[number, number, number | null, number | null, number]>(
      'UPDATE metrics SET point_count = ?, nan_count = ?, step_min = ?, step_max = ? WHERE id = ?',
    ),
    addResume: db.prepare<[number, number]>('INSERT OR IGNORE INTO run_resumes (run_id, step) VALUES (?, ?)'),
  };
}

const cache = new WeakMap<Db, ReturnType<typeof statements>>();
function st(db: Db) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
}

/** The NaN count of the chunks from `seq` on, from their summaries (no point decoded). */
function nansFrom(db: Db, metricId: number, seq: number): number {
  let nans = 0;
  for (const { entries } of st(db).entriesFrom.iterate(metricId, seq)) {
    for (let at = E.nans * 8; at < entries.length; at += ENTRY_SIZE * 8) nans += entries.readDoubleLE(at);
  }
  return nans;
}

/** Points being written, grown as needed. */
class PointBuffer {
  steps = new Float64Array(64);
  vals = new Float64Array(64);
  n = 0;

  reserve(extra: number): void {
    if (this.n + extra <= this.steps.length) return;
    let size = this.steps.length;
    while (size < this.n + extra) size *= 2;
    const steps = new Float64Array(size);
    const vals = new Float64Array(size);
    steps.set(this.steps.subarray(0, this.n));
    vals.set(this.vals.subarray(0, this.n));
    this.steps = steps;
    this.vals = vals;
  }

  push(steps: ArrayLike<number>, vals: ArrayLike<number>, from: number, to: number): void {
    this.reserve(to - from);
    for (let i = from; i < to; i++) {
      this.steps[this.n] = steps[i]!;
      this.vals[this.n++] = vals[i]!;
    }
  }
}

/**
 * Appends to the metrics of one run, inside the caller's transaction. Steps going back are a
 * resume from a checkpoint, handled as the importer does (run-writer.ts): the points at or after
 * the earlier step are replaced, and the step is recorded in run_resumes.
 */
export class MetricAppender {
  constructor(
    private readonly db: Db,
    readonly runId: number,
  ) {}

  /** The stored metric, created (empty) the first time the log names it. */
  metric(name: string, role: MetricRole): StoredMetric {
    const s = st(this.db);
    const row = s.metric.get(this.runId, name) ?? { ...s.insertMetric.get(this.runId, name, role)!, point_count: 0, nan_count: 0, step_max: null };
    return { id: row.id, pointCount: row.point_count, nanCount: row.nan_count, stepMax: row.step_max };
  }

  /** Appends points in log order; returns the steps where the log went back (resumes). */
  append(name: string, role: MetricRole, steps: ArrayLike<number>, vals: ArrayLike<number>): number[] {
    const metric = this.metric(name, role);
    const resumes: number[] = [];
    let nans = metric.nanCount;
    let last = metric.stepMax ?? -Infinity;
    let start = 0;
    const buffer = new PointBuffer();
    for (let i = 0; i <= steps.length; i++) {
      if (i < steps.length && steps[i]! >= last) {
        last = steps[i]!;
        continue;
      }
      if (i > start) nans += this.write(metric.id, buffer, steps, vals, start, i);
      if (i === steps.length) break;
      // The log went back: a resumed run. Cut what the abandoned attempt logged from here on.
      const step = steps[i]!;
      resumes.push(step);
      st(this.db).addResume.run(this.runId, step);
      nans -= this.cut(metric.id, step, buffer);
      start = i;
      last = step;
    }
    this.updateTotals(metric.id, nans);
    return resumes;
  }

  /** Removes stored points at or after `step`; the kept head of the cut chunk goes into `buffer`. Returns the NaNs removed. */
  private cut(metricId: number, step: number, buffer: PointBuffer): number {
    const first = st(this.db).firstReaching.get(metricId, step);
    if (!first) return 0;
    const removed = nansFrom(this.db, metricId, first.seq);
    const kept = cutAt(this.db, metricId, step)!;
    buffer.push(kept.steps, kept.vals, 0, kept.count); // rewritten, and counted again, with the new points
    return removed;
  }

  /** Writes points [from, to) after the stored ones, merging small tail chunks; returns the NaNs added. */
  private write(metricId: number, buffer: PointBuffer, steps: ArrayLike<number>, vals: ArrayLike<number>, from: number, to: number): number {
    const s = st(this.db);
    let nans = 0;
    for (let at = from; at < to; ) {
      const take = Math.min(to - at, CHUNK_POINTS - buffer.n);
      buffer.push(steps, vals, at, at + take);
      at += take;
      if (buffer.n === CHUNK_POINTS || at === to) {
        const absorbed = this.absorbTail(metricId, buffer);
        const seq = absorbed?.seq ?? (s.maxSeq.get(metricId)?.seq ?? -1) + 1;
        nans += writeChunk(this.db, metricId, seq, buffer.steps, buffer.vals, buffer.n).nans - (absorbed?.nans ?? 0);
        buffer.n = 0;
      }
    }
    return nans;
  }

  /**
   * Moves the stored tail chunks that are no bigger than the points being written into the front
   * of `buffer` (deleting them), and returns the seq the merged chunk takes and the NaNs it moved
   * (already counted), or null when the points make a new chunk.
   */
  private absorbTail(metricId: number, buffer: PointBuffer): { seq: number; nans: number } | null {
    const s = st(this.db);
    const taken: TailChunk[] = [];
    let total = buffer.n;
    for (const chunk of s.lastChunks.all(metricId)) {
      if (chunk.count > total || total + chunk.count > CHUNK_POINTS) break;
      taken.push(chunk);
      total += chunk.count;
    }
    if (taken.length === 0) return null;
    const merged = new PointBuffer();
    merged.reserve(total);
    let nans = 0;
    for (const chunk of taken.reverse()) {
      const row = s.chunk.get(metricId, chunk.seq)!;
      decodeSteps(merged.steps, merged.n, row.steps, row.count);
      decodeInto(merged.vals, merged.n, row.vals);
      for (let i = merged.n; i < merged.n + row.count; i++) if (merged.vals[i] !== merged.vals[i]) nans++;
      merged.n += row.count;
      s.deleteChunk.run(metricId, chunk.seq); // its summary goes with it (ON DELETE CASCADE)
    }
    merged.push(buffer.steps, buffer.vals, 0, buffer.n);
    buffer.steps = merged.steps;
    buffer.vals = merged.vals;
    buffer.n = merged.n;
    return { seq: taken[0]!.seq, nans }; // the oldest absorbed (reversed above)
  }

  private updateTotals(metricId: number, nans: number): void {
    const s = st(this.db);
    const t = s.totals.get(metricId)!;
    s.setTotals.run(t.points ?? 0, nans, t.step_min, t.step_max, metricId);
  }
}
