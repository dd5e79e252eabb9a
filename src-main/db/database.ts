import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrate, SchemaTooNewError, loadMigrations } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** A better-sqlite3 build for another ABI (the Electron shell passes its own). */
  nativeBinding?: string;
  /** A synchronous wait for another writer; only for tools with no event loop to keep alive. */
  busyTimeoutMs?: number;
  /** The app's own opening: fold a write-ahead log left behind (kill -9 mid-import) into the file. */
  checkpointOnOpen?: boolean;
}

/**
 * A process killed during a big import leaves its WAL (651 MB was seen) until some connection
 * checkpoints it. SQLite already ignores the uncommitted frames; TRUNCATE copies the committed ones
 * into the database and gives the disk space back. Returns the WAL's size before, when emptied.
 */
function checkpointLeftoverWal(db: Db, before: number): number {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0 ? before : 0;
}

/**
 * Opens (creating if needed) an lrscope database and migrates it to the latest schema.
 * A database written by a newer lrscope is refused before anything is written to it.
 */
export function openDatabase(file: string, options: OpenOptions = {}): { db: Db; schemaVersion: number; path: string; walCheckpointedBytes: number } {
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const migrations = loadMigrations();
  refuseNewerSchema(path, migrations.length, options);
  // Measured before this connection (and its migrations) writes anything to the log.
  const leftoverWal = options.checkpointOnOpen && path !== ':memory:' ? (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) : 0;
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // A new file only (SQLite ignores it once the file has pages): a chunk's 128 KiB blobs fill
    // two 64 KiB pages instead of 33 overflow pages of 4 KiB, so an import writes and commits
    // 16× fewer WAL frames (issue 15: 1M rows × 4 columns import ~8 % less CPU). Set before
    // journal_mode = WAL, which writes the file's first page.
    db.pragma('page_size = 65536');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // No synchronous wait for another writer: better-sqlite3 would block the event loop (the
    // server's, the Electron main process') for the whole wait. Callers that meet SQLITE_BUSY
    // retry asynchronously (import/write-lock.ts: the API's dispatch, the import's BEGIN).
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 0}`);
    const schemaVersion = migrate(db, path, migrations);
    const walCheckpointedBytes = leftoverWal > 0 ? checkpointLeftoverWal(db, leftoverWal) : 0;
    return { db, schemaVersion, path, walCheckpointedBytes };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Reads user_version read-only first, so that switching a newer file to WAL never happens. */
function refuseNewerSchema(path: string, latest: number, options: OpenOptions): void {
  if (path === ':memory:') return;
  let probe: Db;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch {
    return; // no file yet: it will be created
  }
  try {
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > latest) throw new SchemaTooNewError(path, version, latest);
  } finally {
    probe.close();
  }
}
