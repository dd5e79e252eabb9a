// One import: every run found in the chosen paths, in one transaction. A failure or a cancel
// rolls it all back, so the database is exactly as it was.
import type { ImportedRun, ImportMapping, ImportOptions, ImportProgress, ImportSummary } from '../../src-shared/api/import-types';
import type { Db } from '../db/database';
import { ImportStore } from '../db/points-import';
import type { Services } from '../services';
import { ImportContext } from './context';
import { configBeside } from './config-files';
import { throwIfCancelled } from './errors';
import { formatEntry } from './formats';
import { RunWriter } from './run-writer';
import { findSources, totalBytes, type Source, type UnnamedFolder } from './sources';
import { ImportNote, isBusy, retryWhileBusy } from './write-lock';

export interface ImportRequest extends ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** What to record as a run's source: browser mode names an uploaded file, not its temp copy. */
  sourceLabel?: (path: string) => string;
  /** Folders whose name means nothing (browser mode's upload folders): runs are not named after them. */
  unnamedFolder?: UnnamedFolder;
  /** The runs the preview's folder walk found in these paths: read as listed instead of walking again. */
  sources?: readonly Source[];
}

export function databaseOf(target: Services | Db): Db {
  return 'prepare' in target ? target : target.db;
}

async function importSource(store: ImportStore, source: Source, name: string, ctx: ImportContext, mapping: ImportMapping, label: (path: string) => string): Promise<ImportedRun> {
  const prepared = await formatEntry(source.format).read(source, mapping);
  const runName = name || prepared.name;
  // The log's own parameters win over a config file's of the same name.
  const params = { ...(await configBeside(source.path)), ...prepared.params };
  const run = new RunWriter(store, store.insertRun(runName, label(source.path), source.format, params), runName, source.format, mapping);
  await prepared.write(run, ctx);
  if (Object.keys(run.params).length > 0) store.setRunParams(run.id, { ...params, ...run.params });
  return run.finish();
}

function runName(options: ImportOptions, source: Source, count: number): string {
  if (!options.name) return '';
  return count === 1 ? options.name : `${options.name}/${source.name}`;
}

/**
 * Imports files and folders (detected, or read as `options.format`) as new runs. Resolves with
 * what was created; rejects with an ImportError (file, line or record, reason) or ImportCancelled,
 * and then nothing was written.
 */
export async function importPaths(target: Services | Db, paths: string[], options: ImportRequest = {}): Promise<ImportSummary> {
  const sources = options.sources ?? (await findSources(paths, options.format, options.unnamedFolder));
  const ctx = new ImportContext(await totalBytes(sources), options.signal, options.onProgress);
  throwIfCancelled(options.signal);
  const store = ImportStore.open(databaseOf(target));
  const note = new ImportNote(databaseOf(target).name);
  try {
    await retryWhileBusy(() => store.begin()).catch((err: unknown) => {
      throw isBusy(err) ? note.conflict(paths) : err;
    });
    note.write(paths);
    const runs: ImportedRun[] = [];
    for (const source of sources) {
      const label = options.sourceLabel ?? ((path: string) => path);
      runs.push(await importSource(store, source, runName(options, source, sources.length), ctx, options.mapping ?? {}, label));
    }
    throwIfCancelled(options.signal);
    store.commit();
    ctx.finish();
    return { runs, rows: ctx.rows, seconds: ctx.seconds() };
  } finally {
    store.close();
    note.remove();
  }
}
