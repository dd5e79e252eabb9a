// SQL of watched folders: the folders, the runs followed under them, and how far each file was read.
import type { Db } from './database';

export interface WatchedFolderRow {
  id: number;
  path: string;
  added_at: string;
}

export interface WatchedRunRow {
  id: number;
  folder_id: number;
  source_path: string;
  format: string;
  run_id: number | null;
  state_json: string;
  changed_at: string | null;
}

export interface WatchedFileRow {
  path: string;
  inode: string;
  offset: number;
  records: number;
}

function statements(db: Db) {
  return {
    folders: db.prepare<[], WatchedFolderRow>('SELECT id, path, added_at FROM watched_folders ORDER BY id'),
    folderByPath: db.prepare<[string], WatchedFolderRow>('SELECT id, path, added_at FROM watched_folders WHERE path = ?'),
    addFolder: db.prepare<[string], WatchedFolderRow>('INSERT INTO watched_folders (path) VALUES (?) RETURNING id, path, added_at'),
    removeFolder: db.prepare<[number]>('DELETE FROM watched_folders WHERE id = ?'),
    runsOf: db.prepare<[number], WatchedRunRow>('SELECT * FROM watched_runs WHERE folder_id = ? ORDER BY id'),
    addRun: db.prepare<[number, string, string, number], WatchedRunRow>(
      'INSERT INTO watched_runs (folder_id, source_path, format, run_id) VALUES (?, ?, ?, ?) RETURNING *',
    ),
    runRow: db.prepare<[number], WatchedRunRow>('SELECT * FROM watched_runs WHERE id = ?'),
    saveState: db.prepare<[string, number]>('UPDATE watched_runs SET state_json = ? WHERE id = ?'),
    changed: db.prepare<[number]>("UPDATE watched_runs SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?"),
    files: db.prepare<[number], WatchedFileRow>('SELECT path, inode, offset, records FROM watched_files WHERE watched_run_id = ? ORDER BY path'),
    saveFile: db.prepare<[number, string, string, number, number]>(
      'INSERT INTO watched_files (watched_run_id, path, inode, offset, records) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (watched_run_id, path) DO UPDATE SET inode = excluded.inode, offset = excluded.offset, records = excluded.records',
    ),
    forgetFiles: db.prepare<[number]>('DELETE FROM watched_files WHERE watched_run_id = ?'),
    touchRun: db.prepare<[number]>("UPDATE runs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?"),
    clearMetrics: db.prepare<[number]>('DELETE FROM metrics WHERE run_id = ?'),
    clearResumes: db.prepare<[number]>('DELETE FROM run_resumes WHERE run_id = ?'),
    insertRun: db.prepare<[string, string, string, string], { id: number }>(
      'INSERT INTO runs (name, source_path, source_format, params_json) VALUES (?, ?, ?, ?) RETURNING id',
    ),
    /** Adds settings to a run's configuration (JSON merge patch: a key met again takes the new value). */
    mergeParams: db.prepare<[string, number]>('UPDATE runs SET params_json = json_patch(params_json, ?) WHERE id = ?'),
  };
}

const cache = new WeakMap<Db, ReturnType<typeof statements>>();

/** The prepared statements of watched folders for this connection. */
export function watchSql(db: Db): ReturnType<typeof statements> {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = statements(db)));
  return s;
}

export type WatchSql = ReturnType<typeof watchSql>;
