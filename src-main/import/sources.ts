// From the paths the user chose to the runs to import: files are detected, folders are walked
// (a TensorBoard logdir with several runs gives several runs; an MLflow store, one per run).
import { readdir, readFile, stat } from 'node:fs/promises';
import path, { basename, dirname, join, resolve } from 'node:path';
import type { ImportFormat } from '../../src-shared/api/import-types';
import { detectFile, isRunDescription, RUN_JSON } from './detect';
import { ImportError } from './errors';
import { FORMATS, formatEntry } from './formats';
import { refuseSpecialFile, statOrExplain } from './special-files';

export interface Source {
  format: ImportFormat;
  /** The files read, in order (TensorBoard: the run's event files; MLflow: its metric files; a W&B run folder: its run logs). Found once by the folder walk and passed on to the preview and the reader. */
  files: string[];
  /** The file or folder the run came from, kept as the run's source. */
  path: string;
  name: string;
}

/** File names that say nothing about the run: the run is named after the folder instead. */
const GENERIC_NAMES = new Set(['metrics', 'results', 'training', 'trainer_state', 'loss', 'log', 'logs', 'history', 'progress', 'all_scalars', 'train']);

/** Folders whose name means nothing to the user (browser mode: the folder an upload lands in). */
export type UnnamedFolder = (dir: string) => boolean;

/**
 * The one naming rule for a log file, whether its path was typed or the file was uploaded:
 * 1. the run name written beside it (`run_name` of a run.json in its folder);
 * 2. the file's own name, unless it is a generic one (metrics.csv, results.csv…);
 * 3. the folder it sits in (Lightning's version_N with its parent); where that folder is not
 *    known (an upload of loose files: browsers do not tell it), the file's name after all.
 */
export async function runNameForFile(file: string, unnamedFolder: UnnamedFolder = () => false): Promise<string> {
  const written = await runNameBeside(dirname(file));
  return written ?? fileRunName(file, unnamedFolder(dirname(file)));
}

/** Steps 2 and 3 of the rule. `p`: the platform's path functions, a parameter so that Windows paths are tested anywhere. */
export function fileRunName(file: string, folderUnnamed = false, p: path.PlatformPath = path): string {
  const stem = p.basename(file, p.extname(file));
  if (!GENERIC_NAMES.has(stem.toLowerCase()) || folderUnnamed) return stem;
  const parent = p.basename(p.dirname(file));
  // Lightning writes lightning_logs/version_N/metrics.csv: "version_0" alone names nothing.
  return /^version_\d+$/.test(parent) ? `${p.basename(p.dirname(p.dirname(file)))}/${parent}` : parent;
}

/** A folder of event files under the folder the user chose: "chosen/sub/dir", '/' on every platform. */
export function eventRunName(root: string, dir: string, p: path.PlatformPath = path): string {
  const rel = p.relative(root, dir);
  return rel === '' ? p.basename(dir) : `${p.basename(root)}/${rel.split(p.sep).join('/')}`;
}

/** Enough for any run description; a bigger run.json is not one (bounded read). */
const RUN_JSON_MAX_BYTES = 1 << 20;

async function runNameBeside(dir: string): Promise<string | null> {
  const file = join(dir, RUN_JSON);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || info.size > RUN_JSON_MAX_BYTES) return null;
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    const name = parsed && typeof parsed === 'object' ? (parsed as { run_name?: unknown }).run_name : undefined;
    return typeof name === 'string' && name.trim() ? name.trim() : null;
  } catch {
    return null; // not JSON: no name from it
  }
}

/** The user's format wins over detection; within a family (the CSV flavours) the user's label is kept. */
function matches(detected: ImportFormat, wanted: ImportFormat | undefined): boolean {
  if (!wanted) return true;
  const family = formatEntry(detected).family;
  return detected === wanted || (family !== undefined && family === formatEntry(wanted).family);
}

class Walk {
  readonly sources: Source[] = [];
  /** Formats whose files of one folder make one run (TensorBoard), by format and folder. */
  readonly folderRuns = new Map<string, { format: ImportFormat; dir: string; files: string[]; root: string }>();
  readonly refused: ImportError[] = [];

  constructor(
    private readonly format: ImportFormat | undefined,
    private readonly unnamedFolder: UnnamedFolder,
  ) {}

  async file(file: string, quiet: boolean, root: string): Promise<void> {
    let detected: ImportFormat | null = quiet ? null : (this.format ?? null);
    try {
      detected ??= await detectFile(file, quiet);
    } catch (err) {
      if (!quiet || !(err instanceof ImportError)) throw err;
      this.refused.push(err);
      return;
    }
    if (!detected || !matches(detected, this.format)) return;
    if (formatEntry(detected).runPerFolder) {
      const dir = dirname(file);
      const key = `${detected}\0${dir}`;
      // `root`: the folder the user chose; the run is named by the path from it.
      const run = this.folderRuns.get(key) ?? { format: detected, dir, files: [], root };
      run.files.push(file);
      run.root = root;
      this.folderRuns.set(key, run);
      return;
    }
    this.sources.push({ format: detected, files: [file], path: file, name: await runNameForFile(file, this.unnamedFolder) });
  }

  async folder(dir: string, root: string): Promise<void> {
    for (const { format, detect } of FORMATS) {
      const run = await detect.folder?.(dir);
      if (!run) continue;
      if (matches(format, this.format)) this.sources.push({ format, files: run.files, path: dir, name: run.name });
      return; // what else it holds (W&B's files/, MLflow's artifacts, copies of TensorBoard logs) is not separate runs
    }
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await this.folder(path, root);
      else if (entry.isFile()) await this.file(path, true, root);
    }
  }

  /** Files grouped by folder (event files): one run per folder, files in name (= creation time) order. */
  runsByFolder(): Source[] {
    return [...this.folderRuns.values()].map(({ format, dir, files, root }) => ({ format, files: [...files].sort(), path: dir, name: eventRunName(root, dir) }));
  }
}

export async function findSources(paths: string[], format?: ImportFormat, unnamedFolder: UnnamedFolder = () => false): Promise<Source[]> {
  const walk = new Walk(format, unnamedFolder);
  for (const given of paths) {
    const path = resolve(given);
    const info = await statOrExplain(path);
    refuseSpecialFile(path, info);
    if (info.isDirectory()) await walk.folder(path, path);
    // A run.json or a config picked with the log describes it: read for the name, not refused.
    else await walk.file(path, isRunDescription(basename(path)), dirname(path));
  }
  const sources = uniqueNames([...walk.sources, ...walk.runsByFolder()]);
  if (sources.length === 0) {
    const why = walk.refused.map((e) => e.message).join('; ');
    throw new ImportError(paths.join(', '), null, `no training log found${format ? ` in format ${format}` : ''}${why ? ` (${why})` : ''}`);
  }
  return sources;
}

/**
 * Two sources with the same name are two runs (metrics.csv and metrics.jsonl of one training, a
 * TensorBoard folder and a CSV beside it): the first keeps the name, the next ones get their
 * format, then a number, so that no two runs of one import are called the same.
 */
export function uniqueNames(sources: Source[]): Source[] {
  const taken = new Set<string>();
  return sources.map((source) => {
    let name = source.name;
    if (taken.has(name)) name = `${source.name} (${source.format})`;
    for (let n = 2; taken.has(name); n++) name = `${source.name} (${source.format} ${n})`;
    taken.add(name);
    return name === source.name ? source : { ...source, name };
  });
}

export async function totalBytes(sources: readonly Source[]): Promise<number> {
  let total = 0;
  for (const source of sources) {
    for (const file of source.files) total += (await stat(file)).size;
  }
  return total;
}
