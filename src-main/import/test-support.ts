// Shared by the import tests: fresh databases in temp folders, the samples folder, and a full
// snapshot of a database (to prove that a failed import changed nothing).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/database';
import { appRoot } from '../db/paths';
import { CHUNK_POINTS } from '../db/points';
import { ImportStore } from '../db/points-import';
import { snapshot } from '../db/points-snapshot';
import { importPaths, type ImportRequest } from './import';

/** ../shared/samples beside the checkout: real logs written by the frameworks (never copied in). */
export const SAMPLES = join(appRoot(), '..', 'shared', 'samples');

export function sample(path: string): string {
  return join(SAMPLES, path);
}

export function tempFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'lrscope-import-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function freshDb(dir: string): Db {
  return openDatabase(join(dir, 'lrscope.sqlite')).db;
}

/** A fresh database in a fresh temp folder for every test of the calling file (or describe block). */
export function freshDbEachTest(): { readonly db: Db; readonly dir: string } {
  let folder: ReturnType<typeof tempFolder> | undefined;
  let db: Db | undefined;
  beforeEach(() => {
    folder = tempFolder();
    db = freshDb(folder.dir);
  });
  afterEach(() => {
    db?.close();
    folder?.remove();
  });
  return {
    get db() {
      return db!;
    },
    get dir() {
      return folder!.dir;
    },
  };
}

/** Writes one metric's points through the import store, in chunks, as an import does; its id. */
export function writeMetric(db: Db, steps: Float64Array, vals: Float64Array): number {
  const store = ImportStore.open(db);
  store.begin();
  const runId = store.insertRun('r', '', 'csv', {});
  const id = store.insertMetric(runId, 'loss', 'loss');
  for (let at = 0, seq = 0; at < steps.length; at += CHUNK_POINTS, seq++) {
    const end = Math.min(at + CHUNK_POINTS, steps.length);
    store.writeChunk(id, seq, steps.slice(at, end), vals.slice(at, end), end - at);
  }
  store.commit();
  store.close();
  return id;
}

export { snapshot };

/**
 * For tests of inputs that must be refused: a fresh database that already holds a run; `file`
 * writes an input beside it; `refused` checks the message and that the database is exactly as it
 * was (`unchanged` alone; `keep` after an import the test means to keep).
 */
export function refusals() {
  const t = freshDbEachTest();
  let before = '';
  const unchanged = () => expect(snapshot(t.db)).toBe(before);
  beforeEach(async () => {
    await importPaths(t.db, [sample('keras/brats2020_csvlogger/training.log')]);
    before = snapshot(t.db);
  });
  return {
    t,
    file(name: string, content: string | Buffer): string {
      const path = join(t.dir, name);
      writeFileSync(path, content);
      return path;
    },
    async refused(paths: string[], message: RegExp, options?: ImportRequest): Promise<void> {
      await expect(importPaths(t.db, paths, options)).rejects.toThrow(message);
      unchanged();
    },
    unchanged,
    keep(): void {
      before = snapshot(t.db);
    },
  };
}
