// tensorboardX's export_scalars_to_json: {"<logdir>/<tag>": [[wall_time, step, value], …], …}.
import { stat } from 'node:fs/promises';
import type { ImportContext } from './context';
import { ImportError } from './errors';
import { readJsonFile } from './json-text';
import { isObject } from './python-json';
import type { RunWriter } from './run-writer';
import { isStep, notAStep } from './steps';

const MAX_BYTES = 256 << 20;

export type Triples = Map<string, unknown[]>;

/** Keys carry the writer's logdir (Windows backslashes included); the common part is dropped. */
export function metricNames(keys: string[]): Map<string, string> {
  const cut = (key: string) => key.lastIndexOf('/') + 1;
  let prefix = keys.length === 1 ? keys[0]!.slice(0, cut(keys[0]!)) : (keys[0] ?? '');
  for (const key of keys) while (!key.startsWith(prefix)) prefix = prefix.slice(0, -1);
  prefix = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  return new Map(keys.map((key) => [key, key.slice(prefix.length) || key]));
}

export async function readScalarsJson(file: string): Promise<Triples> {
  const data = await readJsonFile(file, MAX_BYTES, 'a scalars JSON export');
  if (!isObject(data)) throw new ImportError(file, null, 'expected {"tag": [[wall_time, step, value], …]}');
  const series: Triples = new Map();
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value)) throw new ImportError(file, null, `"${key}" is not a list of [wall_time, step, value]`);
    series.set(key, value);
  }
  return series;
}

export async function importScalarsJson(file: string, run: RunWriter, ctx: ImportContext, series: Triples): Promise<void> {
  const names = metricNames([...series.keys()]);
  let rows = 0;
  for (const [key, triples] of series) {
    const writer = run.metric(names.get(key)!, file);
    triples.forEach((t, i) => {
      if (!Array.isArray(t) || t.length !== 3 || typeof t[1] !== 'number' || typeof t[2] !== 'number') {
        throw new ImportError(file, null, `"${key}" entry ${i + 1}: expected [wall_time, step, value]`);
      }
      if (!isStep(t[1])) throw new ImportError(file, null, `"${key}" entry ${i + 1}: ${notAStep(String(t[1]))}`);
      writer?.add(t[1], t[2]);
    });
    rows += triples.length;
  }
  if (rows === 0) throw new ImportError(file, null, 'no values');
  ctx.advance((await stat(file)).size, rows);
}
