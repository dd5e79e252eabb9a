// JSONL / NDJSON logs: one JSON object a line, as Python training scripts and W&B exports write.
import type { ImportContext } from './context';
import { ImportError } from './errors';
import { readLines, unfinishedText } from './lines';
import { ObjectRows } from './object-rows';
import { JsonTextError, parseJsonText } from './json-text';
import { flatten, isObject, type Row } from './python-json';
import type { RunWriter } from './run-writer';

function parseLine(file: string, text: string, line: number): Row | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (err) {
    if (err instanceof JsonTextError) throw new ImportError(file, { line }, `not valid JSON at column ${err.offset + 1}: ${err.reason}`);
    throw err;
  }
  if (!isObject(value)) throw new ImportError(file, { line }, 'expected a JSON object ({…}) on each line');
  return flatten(value);
}

/** A last line without a newline is whole when it is a JSON object that closes. */
function wholeObject(buf: Buffer, start: number, end: number): boolean {
  try {
    return isObject(parseJsonText(buf.toString('utf8', start, end)));
  } catch {
    return false;
  }
}

export async function importJsonl(file: string, run: RunWriter, ctx: ImportContext, stepColumn: string | undefined): Promise<void> {
  const rows = new ObjectRows(file, run, stepColumn);
  const onLine = (buf: Buffer, start: number, end: number, line: number): void => {
    const row = parseLine(file, buf.toString('utf8', start, end), line);
    if (row) rows.row(row, { line });
  };
  const read = await readLines(file, ctx, onLine, undefined, wholeObject);
  const unfinished = unfinishedText(file, read);
  if (unfinished) run.leftOut.push(unfinished);
  rows.finish(read.unfinished ? `no complete line: line ${read.unfinished.line} has no newline at its end and is not a whole JSON object` : 'the file is empty');
}

/** The first rows, flattened, for the preview. */
export async function previewJsonl(file: string, count = 10): Promise<Row[]> {
  const rows: Row[] = [];
  const onLine = (buf: Buffer, start: number, end: number, line: number): boolean => {
    const row = parseLine(file, buf.toString('utf8', start, end), line);
    if (row) rows.push(row);
    return rows.length < count;
  };
  await readLines(file, null, onLine, undefined, wholeObject);
  return rows;
}
