// The start of a file as the format registry's detectors see it: its first bytes, and for text its
// first lines. Built once per file by detectFile, then offered to each format in turn.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Fields, sniffDelimiter, splitPlain, splitQuoted } from './csv-fields';
import { NUMBER, NumberReader } from './numbers';

export const HEAD_BYTES = 64 * 1024;

export interface TextHead {
  file: string;
  /** The file's name without its folder. */
  name: string;
  text: string;
  /** The first two non-blank lines, line ends and a byte-order mark removed. */
  lines: string[];
  /** Named .json/.jsonl/.ndjson, or starting with `{`: only the JSON formats may claim it. */
  json: boolean;
}

/**
 * Text, possibly with a few bytes that are not UTF-8 (a Latin-1 é in a note): those do not make a
 * log binary; a field where one matters is refused with its line by the reader. Binary data has NUL
 * bytes or is invalid UTF-8 through and through.
 */
export function isText(head: Buffer): boolean {
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

export function textHead(file: string, head: Buffer): TextHead {
  const name = basename(file);
  const lines = firstLines(head, 2);
  const json = /\.(jsonl|ndjson|json)$/i.test(name) || (lines[0]?.trim().startsWith('{') ?? false);
  return { file, name, text: head.toString('utf8'), lines, json };
}

/** An object with at least one key on the first line (`{}` alone is a config, not a log row). */
export function looksLikeJsonLine(line: string): boolean {
  const t = line.trim();
  return t.startsWith('{') && t.endsWith('}') && t.includes(':');
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

/** A CSV or TSV table (any flavour): not JSON, and a table by its first lines or by its name. */
export function isTable(t: TextHead): boolean {
  return !t.json && (looksLikeTable(t.lines) || /\.(csv|tsv)$/i.test(t.name));
}

/** Lightning's CSVLogger: metrics.csv with the hparams.yaml it writes beside it. */
export function isLightningCsv(t: TextHead): boolean {
  return isTable(t) && t.name === 'metrics.csv' && existsSync(join(dirname(t.file), 'hparams.yaml'));
}

/** Keras' CSVLogger writes `epoch` then the logged keys in sorted order. */
export function isKerasCsv(t: TextHead): boolean {
  if (!isTable(t)) return false;
  const names = (t.lines[0] ?? '').split(/[,\t;|]/).map((n) => n.trim().replace(/^"|"$/g, ''));
  const rest = names.slice(1);
  return names[0] === 'epoch' && rest.length > 0 && rest.every((n, i) => i === 0 || rest[i - 1]! <= n);
}
