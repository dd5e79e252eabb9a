import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { loadMigrations, migrate, SchemaTooNewError } from './migrate';

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
