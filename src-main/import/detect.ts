// What a file is, from its first bytes and its name. The user can override the answer.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ImportFormat } from '../../src-shared/api/import-types';
import { Fields, sniffDelimiter, splitPlain, splitQuoted } from './csv-fields';
import { ImportError } from './errors';
import { fileHead } from './file-blocks';
import { NUMBER, NumberReader } from './numbers';
import { looksLikeTfRecord } from './tensorboard/tfrecord';
import { looksLikeWandbLog } from './wandb/datastore';

export const HEAD_BYTES = 64 * 1024;
export const EVENT_FILE = /^events\.out\.tfevents\./;

/** A file lrscope recognises but cannot read, with what to do instead. */
function unsupported(file: string, what: string): ImportError {
  return new ImportError(file, null, `unsupported format: ${what}`);
}

/**
 * Text, possibly with a few bytes that are not UTF-8 (a Latin-1 é in a note): those do not make a
 * log binary; a field where one matters is refused with its line by the reader. Binary data has NUL
 * bytes or is invalid UTF-8 through and through.
 */
function isText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  // A block may end inside a multi-byte character: ignore the last 3 bytes for the UTF-8 check.
  const body = head.length === HEAD_BYTES ? head.subarray(0, head.length - 3) : head;
  const text = new TextDecoder('utf-8').decode(body);
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad <= Math.max(4, text.length / 100);
}

/** A UTF-16 byte-order mark: text lrscope does not decode, named so the user can convert it. */
export function isUtf16(head: Buffer): boolean {
  return head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
}

function firstLines(head: Buffer, count: number): string[] {
  let text = head.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '')
    .slice(0, count);
}

/** An object with at least one key on the first line (`{}` alone is a config, not a log row). */
function looksLikeJsonLine(line: string): boolean {
  const t = line.trim();
  return t.startsWith('{') && t.endsWith('}') && t.includes(':');
}

/** Beside the logs in a run folder: configs and notes, never read as logs in a folder walk. */
const NOT_LOGS = /\.(ya?ml|md|py|sh|txt|toml|cfg|ini|pt|pth|ckpt|bin|safetensors|png|jpe?g|svg|html?)$/i;
/** A run's description beside its logs (run_name, schedule, params): read for the name, not as a log. */
export const RUN_JSON = 'run.json';

/** Files that describe a run rather than log it (run.json, hparams.yaml, args.yaml): skipped when picked with its logs. */
export function isRunDescription(name: string): boolean {
  return name === RUN_JSON || /\.ya?ml$/i.test(name);
}

/** A header and a first row with the same number of fields, at least two, one of them numeric. */
function looksLikeTable(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const header = Buffer.from(lines[0]!);
  const delimiter = sniffDelimiter(header);
  const fields = new Fields();
  if (!splitPlain(header, 0, header.length, delimiter, fields)) splitQuoted(header, delimiter, fields);
  const width = fields.count;
  const row = Buffer.from(lines[1]!);
  if (!splitPlain(row, 0, row.length, delimiter, fields)) splitQuoted(row, delimiter, fields);
  if (width < 2 || fields.count < width) return false;
  const reader = new NumberReader();
  for (let i = 0; i < fields.count; i++) {
    reader.read(fields.buf, fields.starts[i]!, fields.ends[i]!);
    if (reader.kind === NUMBER) return true;
  }
  return false;
}

/** Keras' CSVLogger writes `epoch` then the logged keys in sorted order. */
function csvFlavour(file: string, header: string): ImportFormat {
  const names = header.split(/[,\t;|]/).map((n) => n.trim().replace(/^"|"$/g, ''));
  if (basename(file) === 'metrics.csv' && existsSync(join(dirname(file), 'hparams.yaml'))) return 'lightning-csv';
  const rest = names.slice(1);
  if (names[0] === 'epoch' && rest.length > 0 && rest.every((n, i) => i === 0 || rest[i - 1]! <= n)) return 'keras-csv';
  return 'csv';
}

function detectJson(file: string, head: Buffer, lines: string[]): ImportFormat | null {
  const text = head.toString('utf8');
  if (/"log_history"\s*:/.test(text) || basename(file) === 'trainer_state.json') return 'trainer-state';
  // tensorboardX's export_scalars_to_json: {"<run>/<tag>": [[wall_time, step, value], …], …}
  if (/^\s*\{\s*"[^"]*"\s*:\s*\[\s*\[/.test(text)) return 'scalars-json';
  if (lines.length > 0 && looksLikeJsonLine(lines[0]!)) return 'jsonl';
  return null;
}

/**
 * The format of one file, or an error saying why it is not a training log lrscope reads.
 * `quiet` (a folder walk): files that are plainly not logs (configs, READMEs) give null instead.
 */
export async function detectFile(file: string, quiet = false): Promise<ImportFormat | null> {
  const name = basename(file);
  if (EVENT_FILE.test(name)) return 'tensorboard';
  if (quiet && (NOT_LOGS.test(name) || isRunDescription(name))) return null;
  if (name.endsWith('.wandb')) return 'wandb';
  if (name === 'wandb-summary.json') {
    throw unsupported(file, 'a W&B summary holds only the last value of each metric, not a training curve');
  }
  const head = await fileHead(file, HEAD_BYTES);
  if (head.length === 0) {
    if (quiet) return null;
    throw new ImportError(file, null, 'the file is empty');
  }
  if (looksLikeTfRecord(head)) return 'tensorboard';
  if (looksLikeWandbLog(head)) return 'wandb';
  if (isUtf16(head)) throw unsupported(file, 'UTF-16 text; save it as UTF-8 (in Excel: "CSV UTF-8"; in Python: encoding="utf-8") and import that');
  if (!isText(head)) {
    if (quiet) return null;
    throw unsupported(file, 'binary data that is neither text nor a TensorBoard event file');
  }
  const lines = firstLines(head, 2);
  const json = /\.(jsonl|ndjson|json)$/i.test(name) || (lines[0]?.trim().startsWith('{') ?? false);
  const format = json ? detectJson(file, head, lines) : looksLikeTable(lines) || /\.(csv|tsv)$/i.test(name) ? csvFlavour(file, lines[0] ?? '') : null;
  if (format || quiet) return format;
  throw unsupported(file, 'not a CSV/TSV table, JSON lines, trainer_state.json or TensorBoard event file');
}
