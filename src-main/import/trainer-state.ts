// Hugging Face Trainer's trainer_state.json: `log_history` holds the training entries (loss,
// learning_rate, grad_norm, epoch at every logging step), the evaluation entries (eval_* at
// their own steps) and a final summary (train_loss, train_runtime, …), each with its `step`.
import { stat } from 'node:fs/promises';
import type { ImportContext } from './context';
import { ImportError } from './errors';
import { readJsonFile } from './json-text';
import { ObjectRows } from './object-rows';
import { flatten, isObject, type Row } from './python-json';
import type { RunWriter } from './run-writer';

/** The Trainer rewrites the whole file at each checkpoint, so it stays small; refuse what is not. */
const MAX_BYTES = 256 << 20;

export async function readTrainerState(file: string): Promise<{ entries: Row[]; params: Record<string, string> }> {
  const state = await readJsonFile(file, MAX_BYTES, 'a trainer_state.json');
  if (!isObject(state) || !Array.isArray(state.log_history)) {
    throw new ImportError(file, null, 'no "log_history" list: not a Hugging Face trainer_state.json');
  }
  const entries = state.log_history.map((entry, i) => {
    if (!isObject(entry)) throw new ImportError(file, { entry: i + 1 }, 'expected an object');
    return flatten(entry);
  });
  return { entries, params: stateParams(state) };
}

/** The trainer's settings that describe the run (not the per-step history) become its parameters. */
function stateParams(state: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(state)) {
    if (key === 'log_history' || value === null || typeof value === 'object') continue;
    params[key] = String(value);
  }
  return params;
}

export async function importTrainerState(file: string, run: RunWriter, ctx: ImportContext, entries: Row[], stepColumn: string | undefined): Promise<void> {
  const rows = new ObjectRows(file, run, stepColumn);
  entries.forEach((entry, i) => rows.row(entry, { entry: i + 1 }));
  const { size } = await stat(file);
  ctx.advance(size, entries.length);
  rows.finish('"log_history" is empty');
}
