// W&B's values: every history, config and summary item is a key (or a nested key path) and a
// JSON text written by Python's json module (NaN and Infinity as bare words). Nested dicts are
// flattened to names with '/', the way W&B's own UI shows `train/loss`.
import { isObject, parsePythonJson } from '../python-json';
import type { ItemMessage } from './record-proto';

/** An item's path: `nested_key` when W&B split a nested key, else the key (which may hold '/'). */
export function itemPath(item: ItemMessage): string {
  return item.nested_key.length > 0 ? item.nested_key.join('/') : item.key;
}

export function parseValue(json: string): unknown {
  // Most history values are one number: Number() reads JSON's numbers and Python's NaN and
  // ±Infinity alike, several times faster than a JSON parse. Anything else is parsed as JSON.
  const n = Number(json);
  if (json.length > 0 && (!Number.isNaN(n) || json === 'NaN') && json.trim() === json) return n;
  return parsePythonJson(json);
}

/**
 * W&B media and tables are dicts tagged with `_type` (image-file, histogram, table…): they are
 * not scalars and are not walked into.
 */
function isMedia(value: Record<string, unknown>): boolean {
  return typeof value['_type'] === 'string';
}

/** Calls `onNumber` for each number in the value, with its name (`path`, or `path/inner/key`). */
export function numbersIn(path: string, value: unknown, onNumber: (name: string, value: number) => void): void {
  if (typeof value === 'number') onNumber(path, value);
  else if (isObject(value) && !isMedia(value)) {
    for (const [key, inner] of Object.entries(value)) numbersIn(`${path}/${key}`, inner, onNumber);
  }
}

/** A config or summary value as one text per leaf, the way MLflow's params are kept. */
export function leavesIn(path: string, value: unknown, onLeaf: (name: string, text: string) => void): void {
  if (isObject(value) && !isMedia(value) && Object.keys(value).length > 0) {
    for (const [key, inner] of Object.entries(value)) leavesIn(`${path}/${key}`, inner, onLeaf);
    return;
  }
  if (isObject(value) && isMedia(value)) return;
  onLeaf(path, leafText(value));
}

function leafText(value: unknown): string {
  if (typeof value === 'string') return value;
  // String() keeps NaN and Infinity as the words Python writes; JSON would make them null.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? 'null';
}
