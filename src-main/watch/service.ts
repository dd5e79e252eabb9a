// Watched log folders (TensorBoard's `--logdir` habit): kept in the database, followed while the
// app runs, and announced to the UI as they change (browser mode: a server-sent event stream;
// Electron: an IPC event; both subscribe here).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../src-shared/api/errors';
import type { LiveEvent, WatchFolder } from '../../src-shared/api/watch-types';
import type { Db } from '../db/database';
import { watchSql, type WatchedFolderRow } from '../db/watch';
import { FolderWatch, type FolderChange, type FolderOptions } from './folder';

/** Listeners hear about changes at most this often: a UI gains nothing from more. */
const COALESCE_MS = 100;

export interface WatchOptions {
  pollMs?: number;
  fallbackPollMs?: number;
  useEvents?: boolean;
}

export class WatchService {
  private readonly folders = new Map<number, FolderWatch>();
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private pending: LiveEvent | null = null;
  private started = false;
  private readonly options: FolderOptions;

  constructor(
    private readonly db: Db,
    options: WatchOptions = {},
  ) {
    const dbFile = db.name;
    this.options = {
      pollMs: options.pollMs ?? Number(process.env.LRSCOPE_WATCH_POLL_MS ?? 5000),
      fallbackPollMs: options.fallbackPollMs ?? Number(process.env.LRSCOPE_WATCH_FALLBACK_POLL_MS ?? 1000),
      useEvents: options.useEvents ?? process.env.LRSCOPE_WATCH_EVENTS !== '0',
      ignore: (path) => path === dbFile || path === `${dbFile}-wal` || path === `${dbFile}-shm` || path === `${dbFile}-journal`,
    };
  }

  /** Follows every folder stored in the database. Called by the shells, not by one-shot CLI commands. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const row of watchSql(this.db).folders.all()) this.open(row);
  }

  list(): WatchFolder[] {
    return watchSql(this.db)
      .folders.all()
      .map((row) => this.folders.get(row.id)?.view() ?? { id: row.id, path: row.path, state: 'polling', lastChangeAt: null, runs: 0, faults: [], notices: [], liveRuns: [] });
  }

  /** Watches a folder (kept in the database); a folder already watched is returned as it is. */
  add(path: string): WatchFolder {
    const full = resolve(path);
    const isDir = statSync(full, { throwIfNoEntry: false })?.isDirectory();
    if (isDir === undefined) throw new ApiError('invalid_input', `${full}: no such folder`);
    if (!isDir) throw new ApiError('invalid_input', `${full} is a file, not a folder: watch the folder it is in, or import the file`);
    const sql = watchSql(this.db);
    const row = sql.folderByPath.get(full) ?? sql.addFolder.get(full)!;
    if (this.started && !this.folders.has(row.id)) this.open(row);
    this.emit({ runs: [], list: false, folders: true });
    return this.folders.get(row.id)?.view() ?? this.list().find((f) => f.id === row.id)!;
  }

  /** Stops watching a folder. Its runs and their points stay. */
  async remove(id: number): Promise<{ removed: number }> {
    const folder = this.folders.get(id);
    this.folders.delete(id);
    await folder?.close();
    const removed = watchSql(this.db).removeFolder.run(id).changes;
    if (removed === 0) throw new ApiError('not_found', `watched folder ${id} does not exist`);
    this.emit({ runs: [], list: false, folders: true });
    return { removed };
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every folder has read all there is to read now. */
  async settled(): Promise<void> {
    await Promise.all([...this.folders.values()].map((f) => f.settled()));
  }

  /** Checks every file of every folder now (a poll), and resolves when all is read. */
  async checkNow(): Promise<void> {
    await Promise.all([...this.folders.values()].map((f) => f.checkNow()));
  }

  async close(): Promise<void> {
    const folders = [...this.folders.values()];
    this.folders.clear();
    await Promise.all(folders.map((f) => f.close()));
    this.listeners.clear();
  }

  private open(row: WatchedFolderRow): void {
    const folder = new FolderWatch(this.db, row, this.options, (change) => this.emit(change));
    this.folders.set(row.id, folder);
    folder.start();
  }

  private emit(change: FolderChange): void {
    if (this.listeners.size === 0) return;
    if (this.pending) {
      for (const id of change.runs) if (!this.pending.runs.includes(id)) this.pending.runs.push(id);
      this.pending.list ||= change.list;
      this.pending.folders ||= change.folders;
      return;
    }
    this.pending = { runs: [...change.runs], list: change.list, folders: change.folders };
    setTimeout(() => {
      const event = this.pending!;
      this.pending = null;
      for (const listener of this.listeners) listener(event);
    }, COALESCE_MS).unref();
  }
}
