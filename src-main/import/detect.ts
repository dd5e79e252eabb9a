// What a file is, from its name and its first bytes: each format of the registry (formats.ts) is
// offered the file in turn. The user can override the answer.
import { basename } from 'node:path';
import type { ImportFormat } from '../../src-shared/api/import-types';
import { ImportError } from './errors';
import { fileHead } from './file-blocks';
import { FORMATS, type FormatEntry } from './formats';
import { HEAD_BYTES, isText, isUtf16, textHead } from './log-head';

/** A file lrscope recognises but cannot read, with what to do instead. */
function unsupported(file: string, what: string): ImportError {
  return new ImportError(file, null, `unsupported format: ${what}`);
}

/** Beside the logs in a run folder: configs and notes, never read as logs in a folder walk. */
const NOT_LOGS = /\.(ya?ml|md|py|sh|txt|toml|cfg|ini|pt|pth|ckpt|bin|safetensors|png|jpe?g|svg|html?)$/i;
/** A run's description beside its logs (run_name, schedule, params): read for the name, not as a log. */
export const RUN_JSON = 'run.json';

/** Files that describe a run rather than log it (run.json, hparams.yaml, args.yaml): skipped when picked with its logs. */
export function isRunDescription(name: string): boolean {
  return name === RUN_JSON || /\.ya?ml$/i.test(name);
}

function firstClaim(claims: (entry: FormatEntry) => boolean | undefined): ImportFormat | null {
  return FORMATS.find((entry) => claims(entry))?.format ?? null;
}

/**
 * The format of one file, or an error saying why it is not a training log lrscope reads.
 * `quiet` (a folder walk): files that are plainly not logs (configs, READMEs) give null instead.
 */
export async function detectFile(file: string, quiet = false): Promise<ImportFormat | null> {
  const name = basename(file);
  const byName = firstClaim((entry) => entry.detect.name?.(name));
  if (byName) return byName;
  if (quiet && (NOT_LOGS.test(name) || isRunDescription(name))) return null;
  if (name === 'wandb-summary.json') {
    throw unsupported(file, 'a W&B summary holds only the last value of each metric, not a training curve');
  }
  const head = await fileHead(file, HEAD_BYTES);
  if (head.length === 0) {
    if (quiet) return null;
    throw new ImportError(file, null, 'the file is empty');
  }
  const binary = firstClaim((entry) => entry.detect.binary?.(head));
  if (binary) return binary;
  if (isUtf16(head)) throw unsupported(file, 'UTF-16 text; save it as UTF-8 (in Excel: "CSV UTF-8"; in Python: encoding="utf-8") and import that');
  if (!isText(head)) {
    if (quiet) return null;
    throw unsupported(file, 'binary data that is neither text nor a TensorBoard event file');
  }
  const text = textHead(file, head);
  const format = firstClaim((entry) => entry.detect.text?.(text));
  if (format || quiet) return format;
  throw unsupported(file, 'not a CSV/TSV table, JSON lines, trainer_state.json or TensorBoard event file');
}
