// One followed run: reads what its files gained since the last read and writes the new points,
// the new read offsets and the reader's state in one transaction (so a restart neither loses nor
// repeats a point). A file that shrank or was replaced (new inode) is read again from the start,
// also in one transaction, so the run is never seen half re-read.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportFormat } from '../../src-shared/api/import-types';
import type { Db } from '../db/database';
import { MetricAppender } from '../db/points-append';
import { watchSql, type WatchedFileRow, type WatchedRunRow } from '../db/watch';
import { EVENT_FILE } from '../import/tensorboard/tfrecord';
import { ImportError } from '../import/errors';
import { mlflowClockFile, newClockState, type StepClockState } from '../import/clock';
import { keyOf, mlflowMetricFiles } from '../import/mlflow';
import { roleOf } from '../import/names';
import { flatten, isObject, parsePythonJson } from '../import/python-json';
import { readScalarsJson, metricNames } from '../import/scalars-json';
import { PointBatch, type Fault } from './batch';
import { csvLines, jsonlLines, mlflowLines, newCsvState, newJsonlState, objectRow, readCompleteLines, type CsvState, type JsonlState, type LinesRead } from './line-formats';
import { readEventRecords } from './records';
import { readWandbRecords } from '../import/wandb/datastore';
import { WandbRunLog } from '../import/wandb/run-log';
import { wandbRunFiles } from '../import/wandb/run-folder';

/** Bytes read from one file per step: a big existing log is taken in slices, each committed. */
export const SLICE_BYTES = 4 << 20;
/** A replaced file is read again in one transaction, so in memory: refuse what is not a live log. */
const MAX_REREAD_BYTES = 256 << 20;

export interface StepResult {
  points: number;
  resumes: number[];
  faults: Fault[];
  /** Things the user should know that are not faults ("re-read from the start: the file was replaced"). */
  notices: string[];
  /** Bytes that are on disk but wait for the rest of their line or record. */
  waiting: { file: string; bytes: number; what: string }[];
  /** More bytes are ready than one step reads: step again soon. */
  more: boolean;
  /** The step's writes (no transaction of their own), and what to keep in memory once committed. */
  write?: () => void;
  adopt?: () => void;
}

interface FileNow {
  path: string;
  inode: string;
  size: number;
  mtimeMs: number;
}

interface WholeFileState {
  size: number;
  mtimeMs: number;
  inode: string;
  entries?: number;
  rows?: JsonlState;
  /** W&B: the last history step stored (a log only grows, so later rows are the new ones). */
  lastStep?: number;
}

const LINE_FORMATS: ImportFormat[] = ['csv', 'lightning-csv', 'keras-csv', 'jsonl'];

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'the file is gone; the points read from it are kept';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/**
 * Up to this many new bytes are read synchronously: a live log grows by a few rows between reads,
 * and a small read from the page cache costs far less than the thread-pool round trip of an
 * asynchronous one (watching 100 busy runs is mostly such reads). Bigger reads stay asynchronous
 * so that catching up with a big log never blocks the event loop.
 */
const SYNC_READ_BYTES = 256 << 10;

function readSmall(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, done, length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return buf.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

async function readAt(file: string, offset: number, length: number): Promise<Buffer> {
  if (length <= SYNC_READ_BYTES) return readSmall(file, offset, length);
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(buf, done, length - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return buf.subarray(0, done);
  } finally {
    await handle.close();
  }
}

export class FollowedRun {
  /** The MLflow metric file whose timestamps are the run's clock (the import's choice). */
  private mlflowClockFile: string | undefined;

  constructor(
    private readonly db: Db,
    public row: WatchedRunRow,
  ) {}

  get runId(): number | null {
    return this.row.run_id;
  }

  private async currentFiles(): Promise<string[]> {
    const path = this.row.source_path;
    if (this.row.format === 'tensorboard') {
      const names = await readdir(path);
      return names.filter((n) => EVENT_FILE.test(n)).sort().map((n) => join(path, n));
    }
    if (this.row.format === 'mlflow') {
      const files = await mlflowMetricFiles(path);
      this.mlflowClockFile = mlflowClockFile(files);
      return files;
    }
    if (this.row.format === 'wandb') {
      const run = wandbRunFiles(path);
      if (run.kind !== 'datastore') throw new ImportError(path, null, 'a pre-0.10 W&B run (wandb-history.jsonl) is imported, not followed');
      return run.logs.slice(0, 1);
    }
    return [path];
  }

  /** Reads what is new; `write` stores it. Never throws for a file's problem: it becomes a fault. */
  async read(): Promise<StepResult> {
    const result: StepResult = { points: 0, resumes: [], faults: [], notices: [], waiting: [], more: false };
    // The user may have deleted the run meanwhile (run_id is then NULL): it stays deleted.
    const fresh = watchSql(this.db).runRow.get(this.row.id);
    if (fresh && fresh.run_id !== this.row.run_id) this.row = { ...this.row, run_id: fresh.run_id };
    if (!fresh || this.row.run_id === null) return result;
    let files: string[];
    try {
      files = await this.currentFiles();
    } catch (err) {
      result.faults.push({ file: this.row.source_path, reason: reasonOf(err) });
      return result;
    }
    const stored = new Map(watchSql(this.db).files.all(this.row.id).map((f) => [f.path, f]));
    for (const path of stored.keys()) {
      if (!files.includes(path)) result.faults.push({ file: path, reason: 'the file is gone; the points read from it are kept' });
    }
    const now: FileNow[] = [];
    for (const path of files) {
      try {
        // Synchronous for the same reason as small reads; a stat never waits on file contents.
        const s = statSync(path);
        now.push({ path, inode: `${s.dev}:${s.ino}`, size: s.size, mtimeMs: s.mtimeMs });
      } catch (err) {
        result.faults.push({ file: path, reason: reasonOf(err) });
      }
    }
    if (this.row.format === 'trainer-state' || this.row.format === 'scalars-json') return this.wholeFile(now[0], result);
    if (this.row.format === 'wandb') return this.wandbLog(now[0], result);
    const reread = this.rereadReason(now, stored);
    if (reread) {
      result.notices.push(reread);
      return this.readFiles(now, new Map(), true, result);
    }
    return this.readFiles(now, stored, false, result);
  }

  /** Why the run must be read again from the start: a file replaced (new inode) or shrunk. */
  private rereadReason(now: FileNow[], stored: Map<string, WatchedFileRow>): string | null {
    for (const f of now) {
      const before = stored.get(f.path);
      if (!before || before.inode === '') continue;
      if (before.inode !== f.inode) return `${f.path} was replaced (a new file with the same name): read again from the start`;
      if (f.size < before.offset) return `${f.path} shrank from ${before.offset} to ${f.size} bytes: read again from the start`;
    }
    return null;
  }

  private async readFiles(now: FileNow[], stored: Map<string, WatchedFileRow>, fromStart: boolean, result: StepResult): Promise<StepResult> {
    const batch = new PointBatch();
    const state = fromStart ? {} : (JSON.parse(this.row.state_json) as Record<string, unknown>);
    const updates: WatchedFileRow[] = [];
    const limit = fromStart ? MAX_REREAD_BYTES : SLICE_BYTES;
    for (const f of now) {
      const before = stored.get(f.path) ?? { path: f.path, inode: f.inode, offset: 0, records: 0 };
      const length = Math.min(f.size - before.offset, limit);
      if (length <= 0 && before.inode === f.inode && stored.has(f.path)) continue;
      if (fromStart && f.size > limit) {
        result.faults.push({ file: f.path, reason: `${f.size} bytes is too big to read again while watching; import it instead` });
        return result;
      }
      if (f.size - before.offset > limit) result.more = true;
      let buf: Buffer;
      try {
        buf = length > 0 ? await readAt(f.path, before.offset, length) : Buffer.alloc(0);
      } catch (err) {
        result.faults.push({ file: f.path, reason: reasonOf(err) });
        continue;
      }
      const read = this.parse(f.path, buf, before, state, batch);
      if (read.error) result.faults.push({ file: f.path, reason: read.error.message.slice(f.path.length + 2) });
      const waiting = buf.length - read.consumed;
      if (!read.error && waiting > 0 && !result.more) result.waiting.push({ file: f.path, bytes: waiting, what: this.row.format === 'tensorboard' ? 'record' : 'line' });
      updates.push({ path: f.path, inode: f.inode, offset: before.offset + read.consumed, records: before.records + read.lines });
    }
    if (updates.length === 0 && !fromStart) return result;
    return this.commit(batch, updates, state, fromStart, result);
  }

  private parse(file: string, buf: Buffer, before: WatchedFileRow, state: Record<string, unknown>, batch: PointBatch): LinesRead {
    const atStart = before.offset === 0;
    switch (this.row.format) {
      case 'tensorboard': {
        const plugins = (state.plugins ??= {}) as Record<string, string>;
        const r = readEventRecords(file, buf, before.records, plugins, batch, (state.clock ??= newClockState()) as StepClockState);
        return { consumed: r.consumed, lines: r.records, error: r.error };
      }
      case 'mlflow': {
        const metric = keyOf(join(this.row.source_path, 'metrics'), file);
        const clock = file === this.mlflowClockFile ? ((state.clock ??= newClockState()) as StepClockState) : null;
        return readCompleteLines(file, buf, atStart, before.records, mlflowLines(file, metric, batch, clock));
      }
      case 'jsonl': {
        const s = (state.jsonl ??= newJsonlState()) as JsonlState;
        return readCompleteLines(file, buf, atStart, before.records, jsonlLines(file, s, batch));
      }
      default: {
        if (!LINE_FORMATS.includes(this.row.format as ImportFormat)) throw new Error(`cannot follow ${this.row.format}`);
        const s = (state.csv ??= newCsvState()) as CsvState;
        return readCompleteLines(file, buf, atStart, before.records, csvLines(file, s, batch));
      }
    }
  }

  /** The state stored at the last read of a file read whole, or null when it has not changed (or is too big: a fault). */
  private changedSince(f: FileNow, result: StepResult): Partial<WholeFileState> | null {
    const before = JSON.parse(this.row.state_json) as Partial<WholeFileState>;
    if (before.size === f.size && before.mtimeMs === f.mtimeMs && before.inode === f.inode) return null;
    if (f.size > MAX_REREAD_BYTES) {
      result.faults.push({ file: f.path, reason: `${f.size} bytes is too big to follow` });
      return null;
    }
    return before;
  }

  /** trainer_state.json and scalars JSON are rewritten whole: read again, and keep only what is new. */
  private async wholeFile(f: FileNow | undefined, result: StepResult): Promise<StepResult> {
    const before = f && this.changedSince(f, result);
    if (!f || !before) return result;
    const batch = new PointBatch();
    const next: WholeFileState = { size: f.size, mtimeMs: f.mtimeMs, inode: f.inode };
    let fromStart = false;
    try {
      if (this.row.format === 'scalars-json') {
        const series = await readScalarsJson(f.path);
        const names = metricNames([...series.keys()]);
        for (const [key, triples] of series) {
          for (const t of triples) if (Array.isArray(t) && typeof t[1] === 'number' && typeof t[2] === 'number') batch.add(names.get(key)!, t[1], t[2]);
        }
        fromStart = true; // an export is written once: take it whole
      } else {
        const state = parsePythonJson(await readFile(f.path, 'utf8'));
        if (!isObject(state) || !Array.isArray(state.log_history)) throw new ImportError(f.path, null, 'no "log_history" list');
        const entries = state.log_history;
        // A shorter history: the Trainer resumed from an earlier checkpoint; its steps go back.
        const from = (before.entries ?? 0) <= entries.length ? (before.entries ?? 0) : 0;
        next.rows = from === 0 ? newJsonlState() : (before.rows ?? newJsonlState());
        for (let i = from; i < entries.length; i++) {
          const entry: unknown = entries[i];
          if (!isObject(entry)) throw new ImportError(f.path, { entry: i + 1 }, 'expected an object');
          objectRow(f.path, next.rows, flatten(entry), { entry: i + 1 }, batch);
        }
        next.entries = entries.length;
      }
    } catch (err) {
      // Usually a writer caught mid-rewrite: the next change reads it again.
      result.waiting.push({ file: f.path, bytes: f.size, what: `complete file (${err instanceof Error ? err.message : String(err)})` });
      return result;
    }
    return this.commit(batch, [{ path: f.path, inode: f.inode, offset: f.size, records: next.entries ?? 0 }], next as unknown as Record<string, unknown>, fromStart, result);
  }

  /**
   * A W&B run log (.wandb) grows by records in 32 KiB blocks while the run trains. It is read again
   * from the start when it changed (its records are not addressable by line), bounded like the
   * whole-file formats, and only history rows after the last stored step are added; a record still
   * being written is left for the next change.
   */
  private async wandbLog(f: FileNow | undefined, result: StepResult): Promise<StepResult> {
    const before = f && this.changedSince(f, result);
    if (!f || !before) return result;
    const sameFile = before.inode === f.inode && (before.size ?? 0) <= f.size;
    const after = sameFile ? (before.lastStep ?? -Infinity) : -Infinity;
    const batch = new PointBatch();
    let lastStep = after;
    const log = new WandbRunLog(f.path, {
      point(name, step, value) {
        if (step <= after) return;
        batch.add(name, step, value);
        if (step > lastStep) lastStep = step;
      },
    });
    try {
      await readWandbRecords(f.path, null, (data, record, offset) => log.record(data, record, offset));
    } catch (err) {
      result.faults.push({ file: f.path, reason: reasonOf(err) });
      return result;
    }
    const next: WholeFileState = { size: f.size, mtimeMs: f.mtimeMs, inode: f.inode, lastStep };
    if (!sameFile && before.inode !== undefined) result.notices.push(`${f.path}: replaced or shortened; read again from the start`);
    return this.commit(batch, [{ path: f.path, inode: f.inode, offset: f.size, records: 0 }], next as unknown as Record<string, unknown>, !sameFile && before.inode !== undefined, result);
  }

  /**
   * The writes of this step, for the caller to run inside its transaction (one for every run read
   * together: one commit instead of one per run), and what to remember once it committed.
   */
  private commit(batch: PointBatch, updates: WatchedFileRow[], state: Record<string, unknown>, fromStart: boolean, result: StepResult): StepResult {
    const sql = watchSql(this.db);
    const runId = this.row.run_id!;
    const stateJson = JSON.stringify(state);
    result.write = () => {
      if (fromStart) {
        sql.clearMetrics.run(runId);
        sql.clearResumes.run(runId);
        sql.forgetFiles.run(this.row.id);
      }
      const appender = new MetricAppender(this.db, runId);
      result.resumes = [];
      for (const [name, m] of batch.metrics) result.resumes.push(...appender.append(name, roleOf(name), m.steps, m.vals));
      if (Object.keys(batch.params).length > 0) sql.mergeParams.run(JSON.stringify(batch.params), runId);
      for (const u of updates) sql.saveFile.run(this.row.id, u.path, u.inode, u.offset, u.records);
      if (stateJson !== this.row.state_json) sql.saveState.run(stateJson, this.row.id);
      if (batch.points > 0 || fromStart) {
        sql.changed.run(this.row.id);
        sql.touchRun.run(runId);
      }
    };
    result.adopt = () => {
      this.row = { ...this.row, state_json: stateJson };
    };
    result.points = batch.points;
    return result;
  }

  /** Reads and stores in one go, in a transaction of its own (tests, one-off use). */
  async step(): Promise<StepResult> {
    const result = await this.read();
    if (result.write) this.db.transaction(result.write)();
    result.adopt?.();
    return result;
  }
}
