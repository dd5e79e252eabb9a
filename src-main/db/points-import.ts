// The SQL of an import: one write transaction around runs, metrics, points and resumes, so that a
// failed or cancelled import leaves the database exactly as it was.
import type { MetricRole } from '../../src-shared/api/types';
import { openDatabase, type Db } from './database';
import { cutAt, writeChunk, type ChunkStats } from './points';
import { WalWriteback } from './wal-writeback';

export interface MetricTotals {
  points: number;
  nanCount: number;
  infCount: number;
  stepMin: number | null;
  stepMax: number | null;
}

function statements(db: Db) {
  return {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    insertRun: db.prepare<[string, string, string, string], { id: number }>(
      'INSERT INTO runs (name, source_path, source_format, params_json) VALUES (?, ?, ?, ?) RETURNING id',
    ),
    insertMetric: db.prepare<[number, string, MetricRole], { id: number }>('INSERT INTO metrics (run_id, name, role) VALUES (?, ?, ?) RETURNING id'),
    finishMetric: db.prepare<[number, number, number, number | null, number | null, number]>(
      'UPDATE metrics SET point_count = ?, nan_count = ?, inf_count = ?, step_min = ?, step_max = ? WHERE id = ?',
    ),
    deleteMetric: db.prepare<[number]>('DELETE FROM metrics WHERE id = ?'),
    addResume: db.prepare<[number, number]>('INSERT OR IGNORE INTO run_resumes (run_id, step) VALUES (?, ?)'),
    setRunDetails: db.prepare<[string, string, number]>('UPDATE runs SET params_json = ?, notes = ? WHERE id = ?'),
    setRunParams: db.prepare<[string, number]>('UPDATE runs SET params_json = ? WHERE id = ?'),
    addRunTag: db.prepare<[number, string]>('INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)'),
  };
}

/**
 * A connection of its own for the import when the database is a file: the long write transaction
 * then never mixes with the app's other statements (which would otherwise see, or be rolled back
 * with, a half-done import). Readers go on under WAL; other writers wait (busy_timeout).
 */
export class ImportStore {
  private readonly st: ReturnType<typeof statements>;
  private inTransaction = false;
  /** The WAL synced in the background as it grows (file databases only). */
  private readonly writeback: WalWriteback | null;

  private constructor(
    readonly db: Db,
    private readonly ownsConnection: boolean,
  ) {
    this.st = statements(db);
    this.writeback = ownsConnection ? new WalWriteback(`${db.name}-wal`) : null;
  }

  static open(appDb: Db): ImportStore {
    if (appDb.memory) return new ImportStore(appDb, false);
    const { db } = openDatabase(appDb.name);
    // 4 MiB: a big import's pages go to the WAL while it reads (chunk pages are written once and
    // never touched again) instead of 32 MiB of them at the commit, which nothing overlaps. Same WAL
    // bytes (36.4 MB for 1M rows × 4 columns at 32 and 4 MiB; 200 and 2,000 interleaved metrics
    // alike), the commit 15 -> 7 ms, the whole `lrscope import` 11 ms less (median of 21, load ~1.3).
    db.pragma('cache_size = -4096');
    return new ImportStore(db, true);
  }

  begin(): void {
    this.st.begin.run();
    this.inTransaction = true;
  }

  commit(): void {
    this.st.commit.run();
    this.inTransaction = false;
  }

  rollback(): void {
    if (this.inTransaction && this.db.inTransaction) this.st.rollback.run();
    this.inTransaction = false;
  }

  close(): void {
    this.rollback();
    void this.writeback?.stop();
    if (!this.ownsConnection) return;
    // Give the space of a big import's WAL back now rather than when the app closes.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  insertRun(name: string, sourcePath: string, format: string, params: Record<string, string>): number {
    return this.st.insertRun.get(name, sourcePath, format, JSON.stringify(params))!.id;
  }

  insertMetric(runId: number, name: string, role: MetricRole): number {
    return this.st.insertMetric.get(runId, name, role)!.id;
  }

  finishMetric(metricId: number, totals: MetricTotals): void {
    this.st.finishMetric.run(totals.points, totals.nanCount, totals.infCount, totals.stepMin, totals.stepMax, metricId);
  }

  /** A metric whose every point a restart removed. */
  deleteMetric(metricId: number): void {
    this.st.deleteMetric.run(metricId);
  }

  addResume(runId: number, step: number): void {
    this.st.addResume.run(runId, step);
  }

  writeChunk(metricId: number, seq: number, steps: Float64Array, vals: Float64Array, count: number): ChunkStats {
    const stats = writeChunk(this.db, metricId, seq, steps, vals, count);
    this.writeback?.chunkWritten();
    return stats;
  }

  cutAt(metricId: number, step: number) {
    return cutAt(this.db, metricId, step);
  }

  /** The run's configuration when the log carries it among its records (TensorBoard's hparams). */
  setRunParams(runId: number, params: Record<string, string>): void {
    this.st.setRunParams.run(JSON.stringify(params), runId);
  }

  /** What a log says about its run only once it has been read to the end (W&B: config, notes, tags). */
  setRunDetails(runId: number, params: Record<string, string>, notes: string, tags: string[]): void {
    this.st.setRunDetails.run(JSON.stringify(params), notes, runId);
    for (const tag of tags) this.st.addRunTag.run(runId, tag);
  }
}
