// Data steps of migrations: what SQL alone cannot do (decoding blobs), run right after the
// migration's SQL, inside the same transaction, so an upgrade is all or nothing.
import type Database from 'better-sqlite3';
import { chunkStats } from './chunk-stats';
import { decodeInto, decodeSteps } from './points';
import { coarsen, FINE_SPAN, SUMMARY_SPAN, summarize, WIDE_SPAN } from './points-summary';

/** Migration version → its data step. */
export const dataSteps: Readonly<Record<number, (db: Database.Database) => void>> = {
  2: backfillChunkSummaries,
  7: backfillFineSummariesAndStats,
  8: backfillWideSummaries,
  9: widenMetricRoles,
  10: chunkTablesAsRowid,
};

/**
 * Migration 002 added metric_chunk_summaries, which range queries read to find chunks; chunks
 * written by schema version 1 had none, so without this their points could not be queried.
 */
function backfillChunkSummaries(db: Database.Database): void {
  const chunks = db.prepare<[], { metric_id: number; seq: number; step_first: number; step_last: number; count: number; steps: Buffer; vals: Buffer }>(
    'SELECT c.metric_id, c.seq, c.step_first, c.step_last, c.count, c.steps, c.vals FROM metric_chunks c ' +
      'WHERE NOT EXISTS (SELECT 1 FROM metric_chunk_summaries s WHERE s.metric_id = c.metric_id AND s.seq = c.seq)',
  );
  const insert = db.prepare<[number, number, number, number, number, Buffer]>(
    'INSERT INTO metric_chunk_summaries (metric_id, seq, step_first, step_last, count, entries) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const row of chunks.all()) {
    const { steps, vals } = decodeChunk(row);
    const entries = summarize(steps, vals, row.count);
    insert.run(row.metric_id, row.seq, row.step_first, row.step_last, row.count, Buffer.from(entries.buffer));
  }
}

/**
 * Migration 007 added each chunk's 32-point summaries and whole-chunk figures; chunks written
 * before have neither. Computed here from the stored points, a chunk at a time.
 */
function backfillFineSummariesAndStats(db: Database.Database): void {
  // Keys first, then one chunk at a time: bounded memory, and no statement runs while another iterates.
  const keys = db.prepare<[], { metric_id: number; seq: number }>('SELECT metric_id, seq FROM metric_chunks');
  const chunk = db.prepare<[number, number], { count: number; steps: Buffer; vals: Buffer }>('SELECT count, steps, vals FROM metric_chunks WHERE metric_id = ? AND seq = ?');
  const insertFine = db.prepare<[number, number, Buffer]>('INSERT INTO metric_chunk_fine_summaries (metric_id, seq, entries) VALUES (?, ?, ?)');
  const insertStats = db.prepare<[number, number, Buffer]>('INSERT INTO metric_chunk_stats (metric_id, seq, stats) VALUES (?, ?, ?)');
  for (const key of keys.all()) {
    const row = chunk.get(key.metric_id, key.seq)!;
    const { steps, vals } = decodeChunk(row);
    const fine = summarize(steps, vals, row.count, FINE_SPAN);
    const figures = chunkStats(steps, vals, row.count);
    insertFine.run(key.metric_id, key.seq, Buffer.from(fine.buffer));
    insertStats.run(key.metric_id, key.seq, Buffer.from(figures.buffer));
  }
}

/**
 * Migration 008 added each chunk's 2,048-point summaries, the top level of the pyramid a series
 * query chooses from. Merged from the chunk's 256-point entries (no point decoded), a chunk at a time.
 */
function backfillWideSummaries(db: Database.Database): void {
  const keys = db.prepare<[], { metric_id: number; seq: number }>('SELECT metric_id, seq FROM metric_chunk_summaries');
  const entriesOf = db.prepare<[number, number], { entries: Buffer }>('SELECT entries FROM metric_chunk_summaries WHERE metric_id = ? AND seq = ?');
  const insert = db.prepare<[number, number, Buffer]>('INSERT INTO metric_chunk_wide_summaries (metric_id, seq, entries) VALUES (?, ?, ?)');
  for (const key of keys.all()) {
    const { entries } = entriesOf.get(key.metric_id, key.seq)!;
    const coarse = new Float64Array(entries.length / 8);
    decodeInto(coarse, 0, entries);
    const wide = coarsen(coarse, WIDE_SPAN / SUMMARY_SPAN);
    insert.run(key.metric_id, key.seq, Buffer.from(wide.buffer));
  }
}

/** A stored chunk's points (the blob layout of every schema version so far: see points.ts). */
function decodeChunk(row: { count: number; steps: Buffer; vals: Buffer }): { steps: Float64Array; vals: Float64Array } {
  const steps = new Float64Array(row.count);
  const vals = new Float64Array(row.count);
  decodeSteps(steps, 0, row.steps, row.count);
  decodeInto(vals, 0, row.vals);
  return { steps, vals };
}

const ROLES_BEFORE_009 = "CHECK (role IN ('loss', 'lr', 'epoch', 'other'))";
const ROLES_SINCE_009 = "CHECK (role IN ('loss', 'lr', 'epoch', 'other', 'clock'))";

/**
 * Migration 009 lets a metric be a run's clock (role 'clock': wall time kept for the x axis, not
 * drawn as a curve). SQLite cannot change a CHECK in place and better-sqlite3's defensive mode
 * forbids editing sqlite_schema, so the table is rebuilt (sqlite.org/lang_altertable.html, "other
 * kinds of schema changes") from its own CREATE statement with the wider CHECK: whatever columns
 * earlier migrations added come along, and every id is kept so metric_chunks still points at its
 * metric. migrate() runs this with foreign keys off (a DROP would otherwise cascade to the points).
 * The statements are the database's own schema text, never user input.
 */
function widenMetricRoles(db: Database.Database): void {
  const create = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'metrics'").pluck().get();
  if (create?.includes(ROLES_SINCE_009)) return; // already wide (a database whose version was set back)
  if (!create?.includes(ROLES_BEFORE_009)) throw new Error(`migration 009: metrics.role is not declared as expected (${create ?? 'no metrics table'})`);
  const indexes = db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'metrics' AND sql IS NOT NULL").pluck().all();
  db.exec(create.replace(ROLES_BEFORE_009, ROLES_SINCE_009).replace(/^CREATE TABLE metrics\b/, 'CREATE TABLE metrics_new'));
  db.exec('INSERT INTO metrics_new SELECT * FROM metrics; DROP TABLE metrics; ALTER TABLE metrics_new RENAME TO metrics;');
  for (const sql of indexes) db.exec(sql);
}

/** The tables migration 010 rebuilds as rowid tables, children first, with the columns they keep. */
const ROWID_SINCE_010 = [
  { table: 'metric_chunk_fine_summaries', columns: 'metric_id, seq, entries' },
  { table: 'metric_chunks', columns: 'metric_id, seq, step_first, step_last, count, steps, vals' },
] as const;

/**
 * Migration 010 created metric_chunks_010 and metric_chunk_fine_summaries_010 (rowid tables; why:
 * the migration's SQL). Each row moves on its own and its old copy is deleted at once, so the pages
 * it freed take the next rows and the file does not grow by a second copy of every point; keys in
 * order, so each metric's chunks stay together. Then the old tables go and the new ones take their
 * names. migrate() runs this with foreign keys off (dropping metric_chunks would otherwise cascade
 * to its summaries); its foreign_key_check then confirms every summary still has its chunk. Table
 * and column names are the constants above, never user input.
 */
function chunkTablesAsRowid(db: Database.Database): void {
  for (const { table, columns } of ROWID_SINCE_010) {
    const keys = db.prepare<[], { metric_id: number; seq: number }>(`SELECT metric_id, seq FROM ${table} ORDER BY metric_id, seq`).all();
    const copy = db.prepare<[number, number]>(`INSERT INTO ${table}_010 (${columns}) SELECT ${columns} FROM ${table} WHERE metric_id = ? AND seq = ?`);
    const remove = db.prepare<[number, number]>(`DELETE FROM ${table} WHERE metric_id = ? AND seq = ?`);
    for (const key of keys) {
      copy.run(key.metric_id, key.seq);
      remove.run(key.metric_id, key.seq);
    }
    db.exec(`DROP TABLE ${table}; ALTER TABLE ${table}_010 RENAME TO ${table};`);
  }
}
