import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { loadMigrations, migrate, SchemaTooNewError } from './migrate';
import { migrationsDir } from './paths';
import { chunksInRange, querySeries, readLevel, writeChunk } from './points';
import { metricStats } from './points-stats';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'lrscope-migrate-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('bring an empty file to the latest schema, with WAL and foreign keys on', () => {
    const file = join(dir, 'fresh.sqlite');
    const { db, schemaVersion } = openDatabase(file);
    expect(schemaVersion).toBe(loadMigrations().length);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['runs', 'run_tags', 'schedules', 'run_schedules', 'metrics', 'metric_chunks', 'run_resumes']));
    db.close();
  });

  it('are applied once: reopening changes nothing', () => {
    const file = join(dir, 'again.sqlite');
    openDatabase(file).db.close();
    const { db, schemaVersion } = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion);
    db.close();
  });

  it('roll back a failing migration together with its version', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (y INTEGER); INSERT INTO nope VALUES (1);' },
    ];
    expect(() => migrate(db, ':memory:', broken)).toThrow(/no such table: nope/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuse a database written by a newer lrscope, naming both versions, and leave the file untouched', () => {
    const file = join(dir, 'newer.sqlite');
    const latest = loadMigrations().length;
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x INTEGER)');
    future.pragma(`user_version = ${latest + 5}`);
    future.close();
    const before = readFileSync(file);

    let error: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect((error as Error).message).toContain(`schema version ${latest + 5}`);
    expect((error as Error).message).toContain(`up to ${latest}`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('have consecutive numbered file names', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });
});

describe('upgrading a database that holds data', () => {
  /** A database at schema version 1 (before chunk summaries) holding one metric of 40,000 points. */
  function version1WithPoints(file: string): { steps: number[]; values: number[] } {
    const db = new Database(file);
    migrate(db, file, loadMigrations().slice(0, 1));
    db.prepare("INSERT INTO runs (id, name) VALUES (1, 'old run')").run();
    db.prepare("INSERT INTO metrics (id, run_id, name, role, point_count, step_min, step_max) VALUES (1, 1, 'loss', 'loss', 40000, 0, 79998)").run();
    const steps: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < 40_000; i++) {
      steps.push(2 * i);
      values.push(i === 123 ? NaN : 1 / (1 + i));
    }
    const insert = db.prepare('INSERT INTO metric_chunks (metric_id, seq, step_first, step_last, count, steps, vals) VALUES (1, ?, ?, ?, ?, ?, ?)');
    // Version 1 wrote chunks of 16,384 points; regular steps as [first, stride].
    for (let seq = 0, at = 0; at < steps.length; seq++, at += 16_384) {
      const n = Math.min(16_384, steps.length - at);
      const stepBlob = Buffer.from(Float64Array.of(steps[at]!, 2).buffer);
      const valBlob = Buffer.from(Float64Array.from(values.slice(at, at + n)).buffer);
      insert.run(seq, steps[at]!, steps[at + n - 1]!, n, stepBlob, valBlob);
    }
    db.close();
    return { steps, values };
  }

  it('keeps every point readable after migration 002 (its summaries are backfilled)', () => {
    const file = join(dir, 'v1.sqlite');
    const logged = version1WithPoints(file);
    const { db } = openDatabase(file);
    const exact = querySeries(db, 1, { maxPoints: 1_000_000 });
    expect(Array.from(exact.steps)).toEqual(logged.steps);
    expect(Array.from(exact.values)).toEqual(logged.values);
    // Zoomed out, the query reads the summaries: they must cover every point, NaN included.
    const thinned = querySeries(db, 1, { maxPoints: 100 });
    expect(thinned.exact).toBe(false);
    expect(Array.from(thinned.nanCounts ?? []).reduce((a, b) => a + b, 0)).toBe(1);
    expect(thinned.steps[0]).toBe(0);
    expect(Math.max(...Array.from(thinned.max ?? []))).toBe(1);
    // Migration 007 backfilled each chunk's 32-point summaries and figures, which series.stats adds.
    const missing = 'SELECT count(*) AS n FROM metric_chunks c WHERE NOT EXISTS (SELECT 1 FROM metric_chunk_stats s WHERE s.metric_id = c.metric_id AND s.seq = c.seq) OR NOT EXISTS (SELECT 1 FROM metric_chunk_fine_summaries f WHERE f.metric_id = c.metric_id AND f.seq = c.seq)';
    expect(db.prepare(missing).get()).toEqual({ n: 0 });
    const stats = metricStats(db, 1);
    expect(stats.count).toBe(logged.steps.length);
    expect(stats.nanCount).toBe(1);
    // Migration 008 backfilled the 2,048-point level from the 256-point one.
    expect(db.prepare('SELECT count(*) AS n FROM metric_chunk_wide_summaries').get()).toEqual({ n: 3 });
    db.close();
  });

  it('gives a version-7 database holding data the 2,048-point level (migration 008), and queries agree with a fresh import', () => {
    const file = join(dir, 'v7.sqlite');
    const { db: fresh } = openDatabase(file);
    const n = 16_384 * 7 + 4321;
    const steps = Float64Array.from({ length: n }, (_, i) => 3 * i + (i > 50_000 ? 7 : 0));
    const vals = Float64Array.from({ length: n }, (_, i) => (i % 9_999 === 5 ? NaN : i === 77_777 ? -Infinity : Math.cos(i / 3000) + (i % 13) / 100));
    fresh.prepare("INSERT INTO runs (id, name) VALUES (1, 'old run')").run();
    fresh.prepare("INSERT INTO metrics (id, run_id, name) VALUES (1, 1, 'loss')").run();
    for (let seq = 0, at = 0; at < n; seq++, at += 16_384) writeChunk(fresh, 1, seq, steps.subarray(at), vals.subarray(at), Math.min(16_384, n - at));
    const imported = fresh.prepare('SELECT seq, entries FROM metric_chunk_wide_summaries ORDER BY seq').all();
    const queries = [{ maxPoints: 100 }, { maxPoints: 50, from: 30_000.5, to: 250_000 }, { maxPoints: 1000 }, { maxPoints: 10 }];
    const answers = queries.map((q) => querySeries(fresh, 1, q));
    // What schema version 7 held: no 2,048-point level.
    fresh.exec('DROP TABLE metric_chunk_wide_summaries');
    fresh.pragma('user_version = 7');
    fresh.close();
    const { db } = openDatabase(file);
    expect(db.prepare('SELECT seq, entries FROM metric_chunk_wide_summaries ORDER BY seq').all()).toEqual(imported);
    expect(queries.map((q) => querySeries(db, 1, q))).toEqual(answers);
    db.close();
  });
});

describe('migration 009 (the clock role)', () => {
  it('keeps every metric and chunk, accepts the role clock, refuses an unknown role, and leaves foreign keys on and enforced', () => {
    const file = join(dir, 'v8.sqlite');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(old, file, loadMigrations().slice(0, 8));
    old.prepare("INSERT INTO runs (id, name) VALUES (1, 'old run')").run();
    old.prepare("INSERT INTO metrics (id, run_id, name, role) VALUES (7, 1, 'wall_time', 'other')").run();
    old.prepare('INSERT INTO metric_chunks (metric_id, seq, step_first, step_last, count, steps, vals) VALUES (7, 0, 0, 0, 1, ?, ?)').run(Buffer.alloc(8), Buffer.alloc(8));
    old.close();
    const { db } = openDatabase(file);
    expect(db.prepare('SELECT id, name FROM metrics').all()).toEqual([{ id: 7, name: 'wall_time' }]);
    expect(db.prepare('SELECT count(*) AS n FROM metric_chunks WHERE metric_id = 7').get()).toEqual({ n: 1 });
    db.prepare("UPDATE metrics SET role = 'clock' WHERE id = 7").run();
    expect(() => db.prepare("UPDATE metrics SET role = 'wall' WHERE id = 7").run()).toThrow(/CHECK constraint/);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare('INSERT INTO metric_chunks (metric_id, seq, step_first, step_last, count, steps, vals) VALUES (99, 0, 0, 0, 1, x\'00\', x\'00\')').run()).toThrow(/FOREIGN KEY/);
    // Deleting the run still cascades through the rebuilt table to its points.
    db.prepare('DELETE FROM runs WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM metric_chunks').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 010 (points chunks and their 32-point summaries in rowid tables)', () => {
  it('keeps every chunk and summary of a version-9 database holding data, their keys, cascades and answers, without a second copy of the points on disk', () => {
    const file = join(dir, 'v9.sqlite');
    const old = new Database(file);
    old.pragma('page_size = 65536'); // as openDatabase creates files
    old.pragma('foreign_keys = ON');
    migrate(old, file, loadMigrations().slice(0, 9));
    const withoutRowid = (db: Database.Database) =>
      db.prepare<[], { name: string; wr: number }>("SELECT name, wr FROM pragma_table_list WHERE name IN ('metric_chunks', 'metric_chunk_fine_summaries') ORDER BY name").all();
    expect(withoutRowid(old)).toEqual([
      { name: 'metric_chunk_fine_summaries', wr: 1 },
      { name: 'metric_chunks', wr: 1 },
    ]);
    old.prepare("INSERT INTO runs (id, name) VALUES (1, 'old run')").run();
    const n = 16_384 * 3 + 999;
    const steps = Float64Array.from({ length: n }, (_, i) => 2 * i);
    const vals = Float64Array.from({ length: n }, (_, i) => (i % 4_321 === 7 ? NaN : Math.sin(i / 500) + (i % 11) / 50));
    // Two metrics written chunk by chunk in turn, as an import writes them (keys not in insertion order).
    for (const id of [1, 2]) old.prepare('INSERT INTO metrics (id, run_id, name) VALUES (?, 1, ?)').run(id, `m${id}`);
    for (let seq = 0, at = 0; at < n; seq++, at += 16_384) {
      for (const id of [1, 2]) writeChunk(old, id, seq, steps.subarray(at), vals.subarray(at), Math.min(16_384, n - at));
    }
    const chunkRows = 'SELECT * FROM metric_chunks ORDER BY metric_id, seq';
    const fineRows = 'SELECT metric_id, seq, entries FROM metric_chunk_fine_summaries ORDER BY metric_id, seq';
    const [chunksBefore, fineBefore] = [old.prepare(chunkRows).all(), old.prepare(fineRows).all()];
    const answers = (db: Database.Database) => [
      readLevel(db, 2, chunksInRange(db, 2, 100, 90_000), 100, 90_000, 500, 'fine'),
      querySeries(db, 1, { maxPoints: 1_000_000 }),
      querySeries(db, 2, { maxPoints: 300, from: 5_000 }),
    ];
    const answered = answers(old);
    const pagesBefore = old.pragma('page_count', { simple: true }) as number;
    old.close();

    const { db, schemaVersion } = openDatabase(file);
    expect(schemaVersion).toBeGreaterThanOrEqual(10);
    expect(withoutRowid(db)).toEqual([
      { name: 'metric_chunk_fine_summaries', wr: 0 },
      { name: 'metric_chunks', wr: 0 },
    ]);
    expect(chunksBefore).toHaveLength(8);
    expect(fineBefore).toHaveLength(8);
    expect(db.prepare(chunkRows).all()).toEqual(chunksBefore);
    expect(db.prepare(fineRows).all()).toEqual(fineBefore);
    expect(answers(db)).toEqual(answered);
    expect(answered[0]!.exact).toBe(false);
    expect(answered[1]!.values).toHaveLength(n);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name LIKE '%_010'").get()).toEqual({ n: 0 });
    // Rows moved one by one into the pages their old copies freed: ~1 MB of points, not 2.
    expect(db.pragma('page_count', { simple: true })).toBeLessThanOrEqual(pagesBefore + 4);
    // The keys and foreign keys hold: no second row for a chunk, no summary without its chunk, no chunk without its metric.
    expect(() => db.prepare("INSERT INTO metric_chunk_fine_summaries (metric_id, seq, entries) VALUES (1, 0, x'00')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO metric_chunk_fine_summaries (metric_id, seq, entries) VALUES (1, 99, x'00')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO metric_chunks (metric_id, seq, step_first, step_last, count, steps, vals) VALUES (1, 0, 0, 0, 1, x'00', x'00')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO metric_chunks (metric_id, seq, step_first, step_last, count, steps, vals) VALUES (9, 0, 0, 0, 1, x'00', x'00')").run()).toThrow(/FOREIGN KEY/);
    // Removing chunks (a restart overwrites them) still removes their summaries with them…
    db.prepare('DELETE FROM metric_chunks WHERE metric_id = 1 AND seq >= 2').run();
    const keysOf = (table: string) => db.prepare(`SELECT metric_id, seq FROM ${table} ORDER BY metric_id, seq`).all();
    const left = [{ metric_id: 1, seq: 0 }, { metric_id: 1, seq: 1 }, ...[0, 1, 2, 3].map((seq) => ({ metric_id: 2, seq }))];
    for (const table of ['metric_chunks', 'metric_chunk_summaries', 'metric_chunk_fine_summaries', 'metric_chunk_wide_summaries', 'metric_chunk_stats']) expect(keysOf(table)).toEqual(left);
    // …and deleting the run removes every chunk and summary.
    db.prepare('DELETE FROM runs WHERE id = 1').run();
    expect(keysOf('metric_chunks')).toEqual([]);
    expect(keysOf('metric_chunk_fine_summaries')).toEqual([]);
    db.close();
  });
});

describe('the schema', () => {
  it('matches db/schema.snapshot.sql (a migration that changes it updates the snapshot in the same commit)', () => {
    const { db } = openDatabase(join(dir, 'snapshot.sqlite'));
    const actual = schemaText(db);
    db.close();
    const snapshotFile = join(migrationsDir(), '..', 'schema.snapshot.sql');
    // To update after a deliberate change: LRSCOPE_WRITE_SCHEMA_SNAPSHOT=1 npx vitest run src-main/db/migrate.test.ts
    if (process.env.LRSCOPE_WRITE_SCHEMA_SNAPSHOT === '1') writeFileSync(snapshotFile, actual);
    expect(actual).toBe(readFileSync(snapshotFile, 'utf8'));
  });

  it('answers a points range query through the keys, never a full scan (rowid chunk tables through their key index since 010)', () => {
    const { db } = openDatabase(join(dir, 'plan.sqlite'));
    const range = '(metric_id=? AND seq>? AND seq<?)';
    const byKey = (table: string) => `SELECT entries FROM ${table} WHERE metric_id = ? AND seq BETWEEN ? AND ? ORDER BY seq`;
    const plans: [sql: string, search: string][] = [
      ['SELECT seq, step_first, step_last, count FROM metric_chunk_summaries WHERE metric_id = ? AND step_last >= ? AND step_first <= ? ORDER BY seq', 'SEARCH metric_chunk_summaries USING PRIMARY KEY (metric_id=?)'],
      ['SELECT count, steps, vals FROM metric_chunks WHERE metric_id = ? AND seq BETWEEN ? AND ? ORDER BY seq', `SEARCH metric_chunks USING INDEX sqlite_autoindex_metric_chunks_1 ${range}`],
      [byKey('metric_chunk_summaries'), `SEARCH metric_chunk_summaries USING PRIMARY KEY ${range}`],
      [byKey('metric_chunk_fine_summaries'), `SEARCH metric_chunk_fine_summaries USING INDEX sqlite_autoindex_metric_chunk_fine_summaries_1 ${range}`],
      [byKey('metric_chunk_wide_summaries'), `SEARCH metric_chunk_wide_summaries USING PRIMARY KEY ${range}`],
      // A restart deletes chunks from a seq on; the cascade finds each summary by its key (no SCAN below).
      ['DELETE FROM metric_chunks WHERE metric_id = ? AND seq >= ?', 'SEARCH metric_chunks USING COVERING INDEX sqlite_autoindex_metric_chunks_1 (metric_id=? AND seq>?)'],
    ];
    for (const [sql, search] of plans) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...[1, 0, 10].slice(0, sql.split('?').length - 1)) as { detail: string }[];
      const details = plan.map((row) => row.detail).join(' | ');
      expect(details).toContain(search);
      expect(details).not.toMatch(/\bSCAN\b|TEMP B-TREE/);
    }
    db.close();
  });
});

describe('the pages an import writes', () => {
  it('hold the chunk tables\' rows with little waste (dbstat): a fine summary no longer spills onto an overflow page of its own', () => {
    const { db } = openDatabase(join(dir, 'layout.sqlite'));
    db.prepare("INSERT INTO runs (id, name) VALUES (1, 'run')").run();
    const steps = Float64Array.from({ length: 16_384 }, (_, i) => i);
    const vals = Float64Array.from({ length: 16_384 }, (_, i) => Math.sin(i / 100));
    // Three metrics written chunk by chunk in turn, as a 4-column CSV import writes them.
    for (const id of [1, 2, 3]) db.prepare('INSERT INTO metrics (id, run_id, name) VALUES (?, 1, ?)').run(id, `m${id}`);
    db.transaction(() => {
      for (let seq = 0; seq < 8; seq++) for (const id of [1, 2, 3]) writeChunk(db, id, seq, steps, vals, 16_384);
    })();
    const sizes = db.prepare<[], { name: string; bytes: number; payload: number }>(
      "SELECT name, sum(pgsize) AS bytes, sum(payload) AS payload FROM dbstat WHERE name IN ('metric_chunks', 'metric_chunk_fine_summaries') GROUP BY name ORDER BY name",
    ).all();
    db.close();
    expect(sizes.map((s) => s.name)).toEqual(['metric_chunk_fine_summaries', 'metric_chunks']);
    // Pages per byte of rows (64 KiB pages; a chunk's 128 KiB of values fill two overflow pages, 94 %).
    // As a WITHOUT ROWID table (schema version 9) the fine summaries took 2.76× their payload, now 1.24×.
    const ratio = Object.fromEntries(sizes.map(({ name, bytes, payload }) => [name, bytes / payload]));
    expect(ratio.metric_chunk_fine_summaries).toBeLessThan(1.3);
    expect(ratio.metric_chunks).toBeLessThan(1.15);
  });
});

function schemaText(db: Database.Database): string {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as { type: string; name: string; sql: string }[];
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};\n`).join('\n');
}
