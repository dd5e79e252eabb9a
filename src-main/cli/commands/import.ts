import type { ImportFormat, ImportProgress, ImportSummary } from '../../../src-shared/api/import-types';
import { IMPORT_FORMATS } from '../../../src-shared/api/import-types';
import { databasePath } from '../../config';
import { importPaths } from '../../import';
import { openAppDatabase } from '../../services/app-database';
import { DB_OPTION, parseCommand, UsageError, type CommandDoc } from '../args';
import type { Io } from '../output';

function formatFlag(value: string | undefined): ImportFormat | undefined {
  if (value === undefined) return undefined;
  const format = IMPORT_FORMATS.find((f) => f === value);
  if (!format) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}, got "${value}"`);
  return format;
}

/** A one-line progress display, redrawn in place; only on a terminal (a log file would fill up). */
function terminalProgress(): ((p: ImportProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    const percent = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0;
    process.stderr.write(`\r${percent}%  ${p.rows.toLocaleString('en')} rows  ${p.rowsPerSecond.toLocaleString('en')} rows/s   `);
  };
}

function describe(summary: ImportSummary): string {
  const lines = summary.runs.map((run) => {
    const metrics = run.metrics.map((m) => `${m.name}${m.role === 'other' ? '' : ` [${m.role}]`} ${m.points}${m.nanCount ? ` (${m.nanCount} NaN)` : ''}${m.infCount ? ` (${m.infCount} inf)` : ''}`);
    const notes = [
      run.resumes.length ? `restarted at step ${run.resumes.join(', ')}` : '',
      run.bytesLeftOver ? `${run.bytesLeftOver} bytes of an unfinished record left out` : '',
      ...(run.leftOut ?? []),
    ].filter(Boolean);
    return [`run ${run.id} "${run.name}" (${run.format})`, ...metrics.map((m) => `  ${m}`), ...notes.map((n) => `  ${n}`)].join('\n');
  });
  return [...lines, `${summary.rows} rows in ${summary.seconds.toFixed(2)} s`].join('\n');
}

export const importDoc = {
  usage: 'PATH… [options]',
  summary: 'Imports training logs (files or folders) as new runs, all or nothing: on an error, exit 1 and nothing is written.',
  options: {
    db: DB_OPTION,
    format: { type: 'string', value: 'F', help: `read every file as this format: ${IMPORT_FORMATS.join(', ')}`, defaultText: 'detected per file' },
    name: { type: 'string', value: 'NAME', help: 'the run\'s name (several runs: NAME/<their own names>)', defaultText: 'from the file, folder or log' },
    json: { type: 'boolean', help: 'print the summary as JSON', defaultText: 'text, with progress on a terminal' },
  },
} satisfies CommandDoc;

export async function importCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, importDoc, true);
  if (positionals.length === 0) throw new UsageError('name at least one file or folder to import');
  const format = formatFlag(values.format);
  // The database alone, not openServices: an import needs none of the other services, and loading
  // them (the schedule engine, zod, the watcher) cost ~70 ms of every `lrscope import` (issue 15).
  // importPaths is the one path the UI's import jobs take too (services/imports.ts).
  const { db } = openAppDatabase(databasePath(values.db));
  try {
    const onProgress = values.json ? undefined : terminalProgress();
    const summary = await importPaths(db, positionals, {
      ...(format ? { format } : {}),
      ...(values.name ? { name: values.name } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    if (onProgress) process.stderr.write('\n');
    io.out(values.json ? JSON.stringify(summary) : describe(summary));
    return 0;
  } finally {
    db.close();
  }
}
