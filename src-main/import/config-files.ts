// The run's configuration that people keep beside their logs: Lightning's hparams.yaml, the
// run.json / config.yaml / args.json written next to a CSV, Ultralytics' args.yaml, Hugging Face's
// training_args.json / config.json beside trainer_state.json, W&B's config.yaml ({desc, value} per
// key). Read when a run is written and stored as its parameters, flattened to dotted keys
// (optimizer.lr), so the config panel, the diff in compare and the run filter all read one table.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ImportError } from './errors';
import { parsePythonJson } from './python-json';

/** Looked for in this order; a key already read (or the log's own parameter) is never overwritten. */
export const CONFIG_FILE_NAMES = [
  'run.json', 'config.yaml', 'config.yml', 'config.json', 'args.json', 'args.yaml', 'hparams.yaml', 'hparams.yml', 'hparams.json', 'training_args.json', 'params.yaml', 'params.json',
] as const;

/** A config is a few KiB; a file bigger than this beside a log is not one. */
const MAX_BYTES = 4 << 20;
/** Bounds what one run stores as parameters (a config with thousands of keys is a data file). */
export const MAX_KEYS = 2000;
const MAX_VALUE_CHARS = 2000;
const MAX_DEPTH = 8;

export type Config = Record<string, string>;

/** The folder a source's config files would be in: the folder itself, or the log file's folder. */
async function folderOf(path: string): Promise<string> {
  return (await stat(path)).isDirectory() ? path : dirname(path);
}

/** Every config file beside the source, merged (earlier files win); {} when there is none. */
export async function configBeside(sourcePath: string): Promise<Config> {
  const dir = await folderOf(sourcePath);
  const out: Config = {};
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    for (const [k, v] of Object.entries(await readConfigFile(file))) if (!(k in out)) out[k] = v;
  }
  return out;
}

export async function readConfigFile(file: string): Promise<Config> {
  const { size } = await stat(file);
  if (size > MAX_BYTES) throw new ImportError(file, null, `${size} bytes is too big for a configuration file (at most ${MAX_BYTES >> 20} MiB)`);
  const text = await readFile(file, 'utf8');
  const value = /\.json$/i.test(file) ? parseJson(file, text) : await parseYaml(file, text);
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ImportError(file, null, 'expected a mapping of names to values at the top');
  const out: Config = {};
  flattenConfig(file, value as Record<string, unknown>, '', 0, out);
  return out;
}

function parseJson(file: string, text: string): unknown {
  try {
    return parsePythonJson(text);
  } catch (err) {
    throw new ImportError(file, null, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** yaml (115 KB) is loaded only when a YAML config is there, not by every import (issue 15: start-up). */
async function parseYaml(file: string, text: string): Promise<unknown> {
  const { parseDocument } = await import('./yaml');
  const doc = parseDocument(text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new ImportError(file, line ? { line } : null, `not valid YAML (${error.message.split('\n')[0]})`);
  }
  return doc.toJS({ maxAliasCount: 100 }); // bounded: a billion-laughs file is refused, not expanded
}

/** W&B's config.yaml wraps every value as {desc, value}; the value is what the run used. */
function unwrap(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.includes('value') && keys.every((k) => k === 'value' || k === 'desc')) return (v as { value: unknown }).value;
  }
  return v;
}

function flattenConfig(file: string, value: Record<string, unknown>, prefix: string, depth: number, out: Config): void {
  for (const [key, raw] of Object.entries(value)) {
    const v = unwrap(raw);
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && depth < MAX_DEPTH) {
      flattenConfig(file, v as Record<string, unknown>, name, depth + 1, out);
      continue;
    }
    if (Object.keys(out).length >= MAX_KEYS) throw new ImportError(file, null, `more than ${MAX_KEYS} settings: not a run configuration`);
    out[name] = text(v);
  }
}

function text(v: unknown): string {
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s;
}
