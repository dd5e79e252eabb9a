// JSONL / NDJSON logs: one JSON object a line, as Python training scripts and W&B exports write.
import type { ImportContext } from './context';
import { ImportError } from './errors';
import { readLines } from './lines';
import { ObjectRows } from './object-rows';
import { flatten, isObject, parsePythonJson, type Row } from './python-json';
import type { RunWriter } from './run-writer';

function parseLine(file: string, text: string, line: number): Row | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = parsePythonJson(text);
  } catch (err) {
    throw new ImportError(file, { line }, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isObject(value)) throw new ImportError(file, { line }, 'expected a JSON object ({…}) on each line');
  return flatten(value);
}

export async function importJsonl(file: string, run: RunWriter, ctx: ImportContext, stepColumn: string | undefined): Promise<void> {
  const rows = new ObjectRows(file, run, stepColumn);
  await readLines(file, ctx, (buf, start, end, line) => {
    const row = parseLine(file, buf.toString('utf8', start, end), line);
    if (row) rows.row(row, { line });
  });
  rows.finish('the file is empty');
}

/** The first rows, flattened, for the preview. */
export async function previewJsonl(file: string, count = 10): Promise<Row[]> {
  const rows: Row[] = [];
  await readLines(file, null, (buf, start, end, line) => {
    const row = parseLine(file, buf.toString('utf8', start, end), line);
    if (row) rows.push(row);
    return rows.length < count;
  });
  return rows;
}
