// Import jobs: an import runs in the background of the Node side while the UI polls its
// progress; it can be cancelled, and a failed or cancelled import leaves the database as it was
// (importPaths runs in one transaction).
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../src-shared/api/errors';
import type { ImportOptions, ImportPreview } from '../../src-shared/api/import-types';
import type { ImportJob } from '../../src-shared/api/types';
import { importPaths, type ImportRequest } from '../import';
import { previewSources } from '../import/preview';
import { findSources, type Source } from '../import/sources';
import type { Db } from '../db/database';

const FINISHED_JOBS_KEPT = 50;

/**
 * Where the paths come from, given by the transport: browser mode names an uploaded file's temp
 * copy by the file's own name, and its upload folders name no run. Electron and the CLI: as they are.
 */
export type ImportOrigin = Pick<ImportRequest, 'sourceLabel' | 'unnamedFolder'>;

const walkKey = (paths: string[], format: ImportOptions['format']) => JSON.stringify([paths, format ?? null]);

export class ImportService {
  private readonly jobs = new Map<string, ImportJob & { abort: AbortController }>();
  /** Imports run one after another: each holds SQLite's single write lock until it commits. */
  private queue: Promise<void> = Promise.resolve();
  /**
   * The runs the last preview's folder walk found: the import of the same paths reads them as
   * listed (what the user checked) instead of walking the folders again.
   */
  private walked: { key: string; sources: readonly Source[] } | null = null;

  constructor(private readonly db: Db) {}

  async preview(paths: string[], format: ImportOptions['format'], origin: ImportOrigin = {}): Promise<ImportPreview> {
    const sources = await findSources(paths, format, origin.unnamedFolder);
    this.walked = { key: walkKey(paths, format), sources };
    return previewSources(sources, origin.sourceLabel);
  }

  /** Starts an import and returns at once. */
  start(paths: string[], options: ImportOptions, origin: ImportOrigin = {}): ImportJob {
    const id = randomUUID();
    const abort = new AbortController();
    const job = {
      id,
      paths,
      state: 'running' as ImportJob['state'],
      progress: { bytesDone: 0, bytesTotal: 0, rows: 0, rowsPerSecond: 0 },
      abort,
    };
    this.jobs.set(id, job);
    const sources = this.walked?.key === walkKey(paths, options.format) ? this.walked.sources : undefined;
    this.walked = null;
    const run = () =>
      importPaths(this.db, paths, { ...options, ...origin, ...(sources ? { sources } : {}), signal: abort.signal, onProgress: (p) => (job.progress = p) }).then(
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
