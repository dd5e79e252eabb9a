// A W&B run folder, `wandb/run-YYYYMMDD_HHMMSS-<id>/` (or `offline-run-…`): the binary run log
// `run-<id>.wandb` (wandb ≥ 0.10) and the plain files W&B leaves beside it, in `files/` (wandb ≥
// 0.10) or in the folder itself (older runs): wandb-summary.json (last values), config.yaml
// (each key as {desc, value}), wandb-metadata.json (host, program, git), and the
// wandb-history.jsonl that held the whole history before 0.10.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ImportError } from '../errors';
import { isObject, parsePythonJson } from '../python-json';

export const WANDB_LOG = /\.wandb$/;
const HISTORY_JSONL = 'wandb-history.jsonl';
const SUMMARY = 'wandb-summary.json';
/** The plain files are small; a bigger one is not W&B's. */
const MAX_PLAIN_BYTES = 16 << 20;

/** Whether a folder is one W&B run (its run log, or the files an older W&B left). */
export function isWandbRunFolder(dir: string): boolean {
  if (existsSync(join(dir, HISTORY_JSONL)) || existsSync(join(dir, 'files', SUMMARY))) return true;
  if (!/(^|[-_])run-/.test(basename(dir))) return false;
  try {
    return readdirSync(dir).some((name) => WANDB_LOG.test(name));
  } catch {
    return false;
  }
}

export interface WandbRunFiles {
  /** The run folder, or the folder of the chosen .wandb file. */
  dir: string;
  /** The run log(s) read for the history: `run-<id>.wandb`, else wandb-history.jsonl. */
  logs: string[];
  kind: 'datastore' | 'history-jsonl';
}

/** The files to read for a run chosen as its folder or as its .wandb file. */
export function wandbRunFiles(path: string): WandbRunFiles {
  // A file: W&B's binary log whatever its name (detection read its ":W&B"), unless it is JSON lines.
  if (!statSync(path).isDirectory()) return { dir: dirname(path), logs: [path], kind: /\.jsonl$/i.test(path) ? 'history-jsonl' : 'datastore' };
  const logs = readdirSync(path)
    .filter((name) => WANDB_LOG.test(name))
    .sort()
    .map((name) => join(path, name));
  if (logs.length > 0) return { dir: path, logs, kind: 'datastore' };
  const history = join(path, HISTORY_JSONL);
  if (existsSync(history)) return { dir: path, logs: [history], kind: 'history-jsonl' };
  return { dir: path, logs: [], kind: 'datastore' };
}

/** A plain file of the run, in files/ (wandb ≥ 0.10) or in the run folder (older runs). */
function plainFile(dir: string, name: string): string | null {
  for (const path of [join(dir, 'files', name), join(dir, name)]) if (existsSync(path)) return path;
  return null;
}

async function readPlain(path: string): Promise<string> {
  const { size } = await stat(path);
  if (size > MAX_PLAIN_BYTES) throw new ImportError(path, null, `${size} bytes is too big for this W&B file (at most ${MAX_PLAIN_BYTES >> 20} MiB)`);
  return readFile(path, 'utf8');
}

async function readJsonObject(path: string): Promise<Record<string, unknown>> {
  let data: unknown;
  try {
    const text = await readPlain(path);
    data = text.trim() === '' ? {} : parsePythonJson(text);
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(path, null, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isObject(data)) throw new ImportError(path, null, 'expected a JSON object');
  return data;
}

/** files/wandb-summary.json: the last value of each key, or null when W&B left none. */
export async function readSummaryFile(dir: string): Promise<Record<string, unknown> | null> {
  const path = plainFile(dir, SUMMARY);
  return path ? readJsonObject(path) : null;
}

/** files/wandb-metadata.json, or an empty object. */
export async function readMetadataFile(dir: string): Promise<Record<string, unknown>> {
  const path = plainFile(dir, 'wandb-metadata.json');
  return path ? readJsonObject(path) : {};
}

/**
 * files/config.yaml: `wandb_version: 1`, then each config key as `{desc, value}` (W&B's
 * config_util writes it so). The values, by key; null when W&B left no config file.
 */
export async function readConfigFile(dir: string): Promise<Map<string, unknown> | null> {
  const path = plainFile(dir, 'config.yaml');
  if (!path) return null;
  // yaml (115 KB) loaded only when a W&B config is read, not by every import (issue 15: start-up).
  const { parse: parseYaml } = await import('../yaml');
  let data: unknown;
  try {
    data = parseYaml(await readPlain(path));
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError(path, null, `not valid YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
  }
  const config = new Map<string, unknown>();
  if (data === null || data === undefined) return config;
  if (!isObject(data)) throw new ImportError(path, null, 'expected a mapping of config keys');
  for (const [key, entry] of Object.entries(data)) {
    if (key === 'wandb_version') continue;
    config.set(key, isObject(entry) && 'value' in entry ? entry['value'] : entry);
  }
  return config;
}
