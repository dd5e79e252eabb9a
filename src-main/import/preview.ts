// What an import would create, from the start of each file: the detected format, the step
// column, the metrics with their roles and the first rows, for the user to check and correct.
// Each format's own preview is named by the registry (formats.ts).
import type { ImportFormat, ImportPreview, PreviewRun } from '../../src-shared/api/import-types';
import { formatEntry } from './formats';
import { findSources, type Source, type UnnamedFolder } from './sources';

export interface PreviewOptions {
  format?: ImportFormat;
  /** What the run's source will be recorded as (browser mode: the uploaded file's name). */
  sourceLabel?: (path: string) => string;
  /** Folders whose name means nothing (browser mode's upload folders): runs are not named after them. */
  unnamedFolder?: UnnamedFolder;
}

/** The preview of runs the folder walk found (findSources). */
export async function previewSources(sources: readonly Source[], sourceLabel: (path: string) => string = (path) => path): Promise<ImportPreview> {
  const runs: PreviewRun[] = [];
  for (const source of sources) runs.push({ ...(await formatEntry(source.format).preview(source)), name: source.name, source: sourceLabel(source.path) });
  return { format: sources[0]!.format, runs };
}

export async function previewImport(paths: string[], options: PreviewOptions = {}): Promise<ImportPreview> {
  return previewSources(await findSources(paths, options.format, options.unnamedFolder), options.sourceLabel);
}
