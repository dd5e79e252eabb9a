// Import jobs: an import runs in the background of the Node side while the UI polls its
// progress; it can be cancelled, and a failed or cancelled import leaves the database as it was
// (importPaths runs in one transaction).
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../src-shared/api/errors';
import type { ImportOptions, ImportPreview } from '../../src-shared/api/import-types';
import type { ImportJob } from '../../src-shared/api/types';
import { importPaths, previewImport } from '../import';
import type { Db } from '../db/database';

const FINISHED_JOBS_KEPT = 50;

export class ImportService {
  private readonly jobs = new Map<string, ImportJob & { abort: AbortController; cleanup?: () => void }>();
  /** Imports run one after another: each holds SQLite's single write lock until it commits. */
  private queue: Promise<void> = Promise.resolve();

  /** Set by browser mode: how an uploaded file's temp copy is named in the run's source. */
  sourceLabel: (path: string) => string = (path) => path;
  /** Set by browser mode: the folders uploads land in, whose names mean nothing to the user. */
  unnamedFolder: (dir: string) => boolean = () => false;

  constructor(private readonly db: Db) {}

  async preview(paths: string[], format: ImportOptions['format']): Promise<ImportPreview> {
    return previewImport(paths, { ...(format ? { format } : {}), sourceLabel: this.sourceLabel, unnamedFolder: this.unnamedFolder });
  }

  /** Starts an import and returns at once; `cleanup` runs when it ends (uploaded temp files). */
  start(paths: string[], options: ImportOptions, cleanup?: () => void): ImportJob {
    const id = randomUUID();
    const abort = new AbortController();
    const job = {
      id,
      paths,
      state: 'running' as ImportJob['state'],
      progress: { bytesDone: 0, bytesTotal: 0, rows: 0, rowsPerSecond: 0 },
      abort,
      cleanup,
    };
    this.jobs.set(id, job);
    const run = () =>
      importPaths(this.db, paths, { ...options, sourceLabel: this.sourceLabel, unnamedFolder: this.unnamedFolder, signal: abort.signal, onProgress: (p) => (job.progress = p) }).then(
        (summary) => this.finish(id, { state: 'done', summary }),
        (err: unknown) =>
          this.finish(id, abort.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error: err instanceof Error ? err.message : String(err) }),
      );
    this.queue = this.queue.then(run);
    return this.view(job);
  }

  progress(id: string): ImportJob {
    return this.view(this.find(id));
  }

  cancel(id: string): ImportJob {
    const job = this.find(id);
    if (job.state === 'running') job.abort.abort();
    return this.view(job);
  }

  private finish(id: string, patch: Partial<ImportJob>): void {
    const job = this.jobs.get(id);
    if (!job) return;
    Object.assign(job, patch);
    job.cleanup?.();
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - FINISHED_JOBS_KEPT))) this.jobs.delete(old.id);
  }

  private find(id: string) {
    const job = this.jobs.get(id);
    if (!job) throw new ApiError('not_found', `import ${id} does not exist (finished imports are forgotten after a while)`);
    return job;
  }

  private view(job: ImportJob): ImportJob {
    const { id, paths, state, progress, summary, error } = job;
    return { id, paths, state, progress, ...(summary ? { summary } : {}), ...(error ? { error } : {}) };
  }
}
