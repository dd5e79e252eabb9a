// MLflow's file store: mlruns/<experiment>/<run>/metrics/<name> holds one `timestamp value step`
// line per logged value (mlflow/store/tracking/file_store.py); params/<name> and tags/<name> hold
// one value each and become the run's parameters. Metric names with '/' are nested folders.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path, { basename, dirname, join } from 'node:path';
import type { ImportContext } from './context';
import { ImportError } from './errors';
import { readLines, unfinishedText } from './lines';
import { NUMBER, NumberReader } from './numbers';
import type { RunWriter } from './run-writer';
import { readWholeFile } from './special-files';

/** MLflow caps a parameter at 6,000 characters and a tag at 8,000 (mlflow/utils/validation.py); far more is not one. */
const MAX_PARAM_BYTES = 64 * 1024;
import { isStep, notAStep } from './steps';
import { MLFLOW_CLOCK, mlflowClockFile, newClockState, takeClockPoint } from './clock';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** An MLflow run folder: its meta.yaml and its metrics/. */
export function isMlflowRun(dir: string): boolean {
  return existsSync(join(dir, 'meta.yaml')) && existsSync(join(dir, 'metrics'));
}

export async function mlflowMetricFiles(runDir: string): Promise<string[]> {
  return filesUnder(join(runDir, 'metrics'));
}

/** A file's path under `dir` with '/' separators: MLflow's metric (or param) name. */
export function keyOf(dir: string, file: string, p: path.PlatformPath = path): string {
  return p.relative(dir, file).split(p.sep).join('/');
}

/** params/ as they are; tags/ under "tags/" so that a tag never hides a parameter of the same name. */
export async function mlflowParams(runDir: string): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const [folder, prefix] of [['params', ''], ['tags', 'tags/']] as const) {
    const dir = join(runDir, folder);
    for (const file of await filesUnder(dir)) params[`${prefix}${keyOf(dir, file)}`] = (await readWholeFile(file, MAX_PARAM_BYTES, `an MLflow ${folder === 'params' ? 'parameter' : 'tag'}`)).trim();
  }
  return params;
}

/** `key: value` lines of an MLflow meta.yaml (flat, as the file store writes it); {} when absent. */
async function metaYaml(file: string): Promise<Record<string, string>> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const meta: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (m) meta[m[1]!] = m[2]!.trim().replace(/^'(.*)'$|^"(.*)"$/, '$1$2');
  }
  return meta;
}

/**
 * The run's name as MLflow shows it: the `mlflow.runName` tag, else `run_name` of its meta.yaml
 * (MLflow ≥ 1.29 writes it there), else, for the old runs that had none, the experiment's name
 * and the run id's first 8 characters (the id alone says nothing to a reader).
 */
export async function mlflowRunName(runDir: string): Promise<string> {
  const tag = (await readFile(join(runDir, 'tags', 'mlflow.runName'), 'utf8').catch(() => '')).trim();
  if (tag) return tag;
  const meta = await metaYaml(join(runDir, 'meta.yaml'));
  if (meta.run_name) return meta.run_name;
  const id = (meta.run_id || basename(runDir)).slice(0, 8);
  const experiment = (await metaYaml(join(dirname(runDir), 'meta.yaml'))).name;
  return experiment ? `${experiment}/${id}` : id;
}

/** The line's timestamp: milliseconds since 1970 (MLflow's `int(time.time() * 1000)`). */
export function timestampOf(reader: NumberReader, text: string, file: string, line: number): number {
  const ms = reader.readText(text);
  if (reader.kind !== NUMBER || !Number.isFinite(ms)) throw new ImportError(file, { line }, `the timestamp "${text}" is not a number of milliseconds`);
  return ms;
}

/** `files`: the run's metric files, as the folder walk found them (mlflowMetricFiles). */
export async function importMlflowRun(runDir: string, files: readonly string[], run: RunWriter, ctx: ImportContext): Promise<void> {
  const metricsDir = join(runDir, 'metrics');
  const reader = new NumberReader();
  let points = 0;
  const clockFile = mlflowClockFile(files);
  for (const file of files) {
    const writer = run.metric(keyOf(metricsDir, file), runDir);
    const clock = file === clockFile ? newClockState() : null;
    const clockWriter = clock && run.metric(MLFLOW_CLOCK, runDir);
    const read = await readLines(file, ctx, (buf, start, end, line) => {
      const text = buf.toString('utf8', start, end).trim();
      if (text === '') return;
      const parts = text.split(/\s+/);
      if (parts.length < 2 || parts.length > 3) throw new ImportError(file, { line }, `expected "timestamp value step", found ${parts.length} fields`);
      const value = reader.readText(parts[1]!);
      if (reader.kind !== NUMBER) throw new ImportError(file, { line }, `the value "${parts[1]}" is not a number`);
      // Lines written before MLflow had steps carry none; MLflow reads them as step 0.
      const step = parts.length === 3 ? reader.readText(parts[2]!) : 0;
      if (reader.kind !== NUMBER || !isStep(step)) throw new ImportError(file, { line }, notAStep(`"${parts[2]}"`));
      writer?.add(step, value);
      if (clock && takeClockPoint(clock, step)) clockWriter?.add(step, timestampOf(reader, parts[0]!, file, line));
      points++;
    });
    const unfinished = unfinishedText(file, read);
    if (unfinished) run.leftOut.push(unfinished);
  }
  if (points === 0) throw new ImportError(runDir, null, 'this MLflow run has no logged metric values');
}
