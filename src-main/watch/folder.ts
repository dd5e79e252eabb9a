// One watched folder: finds the runs under it (the importer's own folder walk and detection),
// follows each, and keeps the folder's status (faults with file and reason, last change).
// File-system events (fs.watch, recursive) say which run to read; a slow poll is the safety net,
// and the only source of news where events are not available (network file systems).
import { watch, type FSWatcher } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import type { WatchFault, WatchFolder } from '../../src-shared/api/watch-types';
import type { Db } from '../db/database';
import { watchSql, type WatchedFolderRow } from '../db/watch';
import { ImportError } from '../import/errors';
import { mlflowParams } from '../import/mlflow';
import { findSources, type Source } from '../import/sources';
import { FollowedRun, type StepResult } from './follow';

/** A partly written line or record is reported once it has waited this long (a writer that stopped mid-write). */
const WAITING_REPORTED_AFTER_MS = 15_000;
const NOTICES_KEPT = 10;
/**
 * File-system events are gathered this long before reading: a log written a row at a time is read
 * a few rows at a time (and all runs changed meanwhile in one transaction), which is what keeps
 * watching 100 busy runs cheap, well inside the 2 s the UI has to show a write.
 */
const GATHER_MS = 200;
const SCAN_EVERY_POLLS = 6;
const BUSY_RETRY_MS = 500;
/** A file that is not a log (a checkpoint being written) changes often: walk for new runs at most this often. */
const SCAN_MIN_INTERVAL_MS = 1_000;

export interface FolderOptions {
  /** The poll period while file-system events work (a safety net), and without them. */
  pollMs: number;
  fallbackPollMs: number;
  /** Files never to read (the database itself, when it lies inside the folder). */
  ignore: (path: string) => boolean;
  /** Use fs.watch (tests of the poll fallback turn it off). */
  useEvents: boolean;
}

export interface FolderChange {
  runs: number[];
  list: boolean;
  folders: boolean;
}

export class FolderWatch {
  private readonly runs = new Map<string, FollowedRun>();
  private readonly dirty = new Set<FollowedRun>();
  private readonly runFaults = new Map<number, WatchFault[]>();
  private readonly waitingSince = new Map<string, { bytes: number; since: number; what: string }>();
  private readonly changedAt = new Map<number, number>();
  private notices: string[] = [];
  private folderFault: WatchFault | null = null;
  private watcher: FSWatcher | null = null;
  private poll: NodeJS.Timeout | null = null;
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<void> | null = null;
  private needScan = true;
  private closed = false;
  private lastChange: number | null = null;
  private lastScan = 0;

  constructor(
    private readonly db: Db,
    readonly row: WatchedFolderRow,
    private readonly options: FolderOptions,
    private readonly onChange: (change: FolderChange) => void,
  ) {
    for (const r of watchSql(db).runsOf.all(row.id)) {
      const run = new FollowedRun(db, r);
      this.runs.set(r.source_path, run);
      this.dirty.add(run);
      if (r.changed_at && r.run_id !== null) this.changedAt.set(r.run_id, Date.parse(r.changed_at));
    }
  }

  start(): void {
    if (this.options.useEvents) this.listen();
    this.startPoll();
    this.kick(0);
  }

  private listen(): void {
    try {
      this.watcher = watch(this.row.path, { recursive: true }, (_event, name) => this.onFsEvent(name));
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = null;
        this.startPoll();
        this.onChange({ runs: [], list: false, folders: true });
      });
    } catch {
      this.watcher = null; // no events here (or too many folders for inotify): the poll does it all
    }
  }

  private startPoll(): void {
    if (this.poll) clearInterval(this.poll);
    const period = this.watcher ? this.options.pollMs : this.options.fallbackPollMs;
    let ticks = 0;
    this.poll = setInterval(() => {
      for (const run of this.runs.values()) this.dirty.add(run);
      // The walk that finds new runs reads the head of every log: less often than files are
      // checked (events announce new runs anyway; this is the safety net).
      if (++ticks % SCAN_EVERY_POLLS === 0) this.needScan = true;
      this.kick(0);
    }, period);
    this.poll.unref();
  }

  private onFsEvent(name: string | Buffer | null): void {
    if (this.closed) return;
    if (name === null) {
      this.needScan = true;
      return this.kick(GATHER_MS);
    }
    const path = join(this.row.path, name.toString());
    if (this.options.ignore(path)) return;
    const run = this.runs.get(path) ?? this.runs.get(dirname(path)) ?? this.mlflowRunOf(path);
    if (run) this.dirty.add(run);
    else this.needScan = true;
    this.kick(GATHER_MS);
  }

  private mlflowRunOf(path: string): FollowedRun | undefined {
    for (const [source, run] of this.runs) if (run.row.format === 'mlflow' && path.startsWith(source + sep)) return run;
    return undefined;
  }

  /** Work soon; events that come together are read together. */
  private kick(delayMs: number): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.busy) return void this.busy.then(() => this.kick(0));
      this.busy = this.work()
        .catch((err: unknown) => {
          // Not a file's problem (those are faults of their run): shown on the folder, and watching goes on.
          this.folderFault = { file: this.row.path, reason: err instanceof Error ? err.message : String(err) };
          this.onChange({ runs: [], list: false, folders: true });
        })
        .finally(() => (this.busy = null));
    }, delayMs);
  }

  private async work(): Promise<void> {
    const change: FolderChange = { runs: [], list: false, folders: false };
    if (this.needScan && Date.now() - this.lastScan >= SCAN_MIN_INTERVAL_MS) {
      this.needScan = false;
      this.lastScan = Date.now();
      change.list = await this.scan();
      change.folders = change.list;
    }
    const runs = [...this.dirty];
    this.dirty.clear();
    let again = false;
    const read: [FollowedRun, StepResult][] = [];
    for (const run of runs) {
      if (this.closed) return;
      try {
        read.push([run, await run.read()]);
      } catch (err) {
        read.push([run, { points: 0, resumes: [], faults: [{ file: run.row.source_path, reason: err instanceof Error ? err.message : String(err) }], notices: [], waiting: [], more: false }]);
      }
    }
    if (this.closed) return;
    // Every run read together is stored in one transaction: one commit, not one per run.
    try {
      this.db.transaction(() => read.forEach(([, r]) => r.write?.()))();
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      runs.forEach((run) => this.dirty.add(run)); // an import holds the write lock: read again after it
      return this.kick(BUSY_RETRY_MS);
    }
    for (const [run, result] of read) {
      result.adopt?.();
      if (this.record(run, result)) change.folders = true;
      if (result.points > 0 || result.notices.length > 0) change.runs.push(run.runId!);
      if (result.more) {
        this.dirty.add(run);
        again = true;
      }
    }
    if (change.runs.length > 0) change.folders = true;
    if (change.runs.length || change.list || change.folders) this.onChange(change);
    if (again) this.kick(0);
    else if (this.needScan) this.kick(SCAN_MIN_INTERVAL_MS - (Date.now() - this.lastScan));
  }

  /** Keeps the run's faults, notices and waiting bytes; returns whether the status changed. */
  private record(run: FollowedRun, result: StepResult): boolean {
    const before = JSON.stringify(this.runFaults.get(run.row.id) ?? []);
    this.runFaults.set(run.row.id, result.faults);
    let changed = before !== JSON.stringify(result.faults);
    for (const notice of result.notices) {
      this.notices = [notice, ...this.notices].slice(0, NOTICES_KEPT);
      changed = true;
    }
    if (result.resumes.length > 0) {
      this.notices = [`${run.row.source_path}: resumed at step ${result.resumes.join(', ')}`, ...this.notices].slice(0, NOTICES_KEPT);
    }
    const now = Date.now();
    if (result.points > 0 || result.notices.length > 0) {
      this.lastChange = now;
      if (run.runId !== null) this.changedAt.set(run.runId, now);
    }
    const files = new Set(result.waiting.map((w) => w.file));
    for (const w of result.waiting) {
      const seen = this.waitingSince.get(w.file);
      if (!seen || seen.bytes !== w.bytes) this.waitingSince.set(w.file, { bytes: w.bytes, since: now, what: w.what });
      // A poll that finds the same bytes still waiting, long enough, makes it a fault to show.
      else if (now - seen.since >= WAITING_REPORTED_AFTER_MS) changed = true;
    }
    for (const file of this.waitingSince.keys()) if (file.startsWith(run.row.source_path) && !files.has(file)) this.waitingSince.delete(file);
    return changed;
  }

  /** Finds runs not followed yet and starts following them; returns whether any was added. */
  private async scan(): Promise<boolean> {
    let sources: Source[];
    try {
      sources = await findSources([this.row.path]);
      this.folderFault = null;
    } catch (err) {
      const empty = err instanceof ImportError && /no training log found/.test(err.reason);
      this.folderFault = empty ? null : { file: this.row.path, reason: err instanceof ImportError ? err.reason : reason(err) };
      return false;
    }
    let added = false;
    for (const source of sources) {
      if (this.runs.has(source.path) || source.files.some((f) => this.options.ignore(f))) continue;
      const run = await this.follow(source);
      this.runs.set(source.path, run);
      this.dirty.add(run);
      added = true;
    }
    return added;
  }

  private async follow(source: Source): Promise<FollowedRun> {
    // The name was given by the one naming rule (findSources), as for an import.
    const name = source.name;
    let params: Record<string, string> = {};
    if (source.format === 'mlflow') params = await mlflowParams(source.path).catch(() => ({}));
    const sql = watchSql(this.db);
    const row = this.db.transaction(() => {
      const runId = sql.insertRun.get(name, source.path, source.format, JSON.stringify(params))!.id;
      return sql.addRun.get(this.row.id, source.path, source.format, runId)!;
    })();
    return new FollowedRun(this.db, row);
  }

  view(): WatchFolder {
    const now = Date.now();
    const faults: WatchFault[] = [];
    if (this.folderFault) faults.push(this.folderFault);
    for (const list of this.runFaults.values()) faults.push(...list);
    for (const [file, w] of this.waitingSince) {
      if (now - w.since >= WAITING_REPORTED_AFTER_MS) faults.push({ file, reason: `a ${w.what} is only partly written (${w.bytes} bytes): waiting for the rest` });
    }
    const runs = [...this.runs.values()].filter((r) => r.runId !== null);
    return {
      id: this.row.id,
      path: this.row.path,
      state: this.folderFault ? 'error' : this.watcher ? 'watching' : 'polling',
      lastChangeAt: this.lastChange === null ? null : new Date(this.lastChange).toISOString(),
      runs: runs.length,
      faults,
      notices: this.notices,
      liveRuns: runs.map((r) => {
        const at = this.changedAt.get(r.runId!);
        return { runId: r.runId!, changedAt: at === undefined ? null : new Date(at).toISOString() };
      }),
    };
  }

  /** Stops watching; waits for a read in progress to finish (its transaction commits or not, whole). */
  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    if (this.poll) clearInterval(this.poll);
    if (this.timer) clearTimeout(this.timer);
    await this.busy;
  }

  /** Checks every file now, as a poll does, and resolves when nothing is left to read. */
  async checkNow(): Promise<void> {
    for (const run of this.runs.values()) this.dirty.add(run);
    this.needScan = true;
    this.lastScan = 0; // now, not after the walk's minimum interval
    await this.settled();
  }

  /** Resolves when nothing is left to read. */
  async settled(): Promise<void> {
    while (this.busy || this.timer || this.dirty.size > 0 || this.needScan) {
      if (!this.busy && !this.timer) this.kick(0);
      await (this.busy ?? new Promise((r) => setTimeout(r, 10)));
    }
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the folder is gone';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}
