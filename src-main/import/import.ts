// One import: every run found in the chosen paths, in one transaction. A failure or a cancel
// rolls it all back, so the database is exactly as it was.
import type { ImportedRun, ImportMapping, ImportOptions, ImportProgress, ImportSummary } from '../../src-shared/api/import-types';
import type { Db } from '../db/database';
import { ImportStore } from '../db/points-import';
import type { Services } from '../services';
import { ImportContext } from './context';
import { configBeside } from './config-files';
import { importCsv } from './csv';
import { throwIfCancelled } from './errors';
import { importJsonl } from './jsonl';
import { importMlflowRun, mlflowParams } from './mlflow';
import { RunWriter } from './run-writer';
import { importScalarsJson, readScalarsJson } from './scalars-json';
import { findSources, totalBytes, type Source, type UnnamedFolder } from './sources';
import { importEventFiles } from './tensorboard/import';
import { ImportNote, isBusy, retryWhileBusy } from './write-lock';
import { importTrainerState, readTrainerState } from './trainer-state';
import { prepareWandb } from './wandb/import';

export interface ImportRequest extends ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** What to record as a run's source: browser mode names an uploaded file, not its temp copy. */
  sourceLabel?: (path: string) => string;
  /** Folders whose name means nothing (browser mode's upload folders): runs are not named after them. */
  unnamedFolder?: UnnamedFolder;
}

export function databaseOf(target: Services | Db): Db {
  return 'prepare' in target ? target : target.db;
}

/** A source ready to read: its name and parameters are known before the run row is written. */
interface Prepared {
  name: string;
  params: Record<string, string>;
  read(run: RunWriter, ctx: ImportContext): Promise<void>;
}

async function prepare(source: Source, mapping: ImportMapping): Promise<Prepared> {
  const file = source.files[0]!;
  const plain = (read: Prepared['read']): Prepared => ({ name: source.name, params: {}, read });
  switch (source.format) {
    case 'csv':
    case 'lightning-csv':
    case 'keras-csv':
      return plain((run, ctx) => importCsv(file, run, ctx, mapping.stepColumn));
    case 'jsonl':
      return plain((run, ctx) => importJsonl(file, run, ctx, mapping.stepColumn));
    case 'tensorboard':
      return plain((run, ctx) => importEventFiles(source.files, run, ctx));
    case 'scalars-json': {
      const series = await readScalarsJson(file);
      return plain((run, ctx) => importScalarsJson(file, run, ctx, series));
    }
    case 'trainer-state': {
      const { entries, params } = await readTrainerState(file);
      return { name: source.name, params, read: (run, ctx) => importTrainerState(file, run, ctx, entries, mapping.stepColumn) };
    }
    case 'mlflow': {
      const params = await mlflowParams(source.path);
      return { name: source.name, params, read: (run, ctx) => importMlflowRun(source.path, run, ctx) };
    }
    case 'wandb':
      return prepareWandb(source);
  }
}

async function importSource(store: ImportStore, source: Source, name: string, ctx: ImportContext, mapping: ImportMapping, label: (path: string) => string): Promise<ImportedRun> {
  const prepared = await prepare(source, mapping);
  const runName = name || prepared.name;
  // The log's own parameters win over a config file's of the same name.
  const params = { ...(await configBeside(source.path)), ...prepared.params };
  const run = new RunWriter(store, store.insertRun(runName, label(source.path), source.format, params), runName, source.format, mapping);
  await prepared.read(run, ctx);
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
  const sources = await findSources(paths, options.format, options.unnamedFolder);
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
