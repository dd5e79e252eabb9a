// The line-oriented logs (CSV/TSV, JSONL, MLflow metric files) read a few lines at a time as they
// grow. The readers keep what they learnt (the CSV header, the JSON step key, which columns hold
// text) in a plain state object, stored with the read offset, so reading resumes where it stopped
// after a restart. Field splitting, number parsing and the step choice are the importer's own
// (csv-fields, numbers, names, object-rows), so a followed log reads as an import of it would.
import { chooseStep, columnNames } from '../import/csv';
import { dropFields, Fields, findPhantom, quotesBalanced, sniffDelimiter, splitPlain, splitQuoted } from '../import/csv-fields';
import { MLFLOW_CLOCK, takeClockPoint, type StepClockState } from '../import/clock';
import { ImportError } from '../import/errors';
import { timestampOf } from '../import/mlflow';
import { isBlank, MAX_LINE_BYTES } from '../import/lines';
import { chooseStepKey } from '../import/object-rows';
import { MISSING, NUMBER, NumberReader, TEXT } from '../import/numbers';
import { flatten, isObject, parsePythonJson } from '../import/python-json';
import type { PointBatch } from './batch';

export interface CsvState {
  header: { delimiter: number; names: string[]; stepIndex: number; stepIsMetric: boolean } | null;
  rows: number;
  /** Unnamed empty fields every row carries (Flair's loss.tsv), found on the first row. */
  phantom: number[] | null;
  /** Per column: 0 undecided, 1 metric, 2 text, 3 the step. */
  kinds: number[];
}

export interface JsonlState {
  rows: number;
  step: { key: string | null; alsoMetric: boolean } | null;
  text: string[];
  metric: string[];
}

/** What a line reader did with the bytes it was given. */
export interface LinesRead {
  /** Bytes consumed: up to the end of the last complete line (CSV: of the last complete record). */
  consumed: number;
  lines: number;
  error: ImportError | null;
}

type OnLine = (buf: Buffer, start: number, end: number, line: number) => boolean;

/**
 * Calls `onLine` for every complete line of `buf` (a partly written last line waits for its
 * newline). `onLine` returns true when the line completed a record: the offset only moves past
 * complete records. A thrown ImportError stops at the line it names.
 */
export function readCompleteLines(file: string, buf: Buffer, atFileStart: boolean, firstLine: number, onLine: OnLine): LinesRead {
  let pos = atFileStart && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let consumed = pos;
  let line = firstLine;
  let lines = 0;
  let pendingLines = 0;
  for (;;) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) {
      if (buf.length - pos > MAX_LINE_BYTES) {
        return { consumed, lines, error: new ImportError(file, { line: line + 1 }, `the line is longer than ${MAX_LINE_BYTES >> 20} MiB: this is not a training log`) };
      }
      return { consumed, lines, error: null };
    }
    line++;
    pendingLines++;
    const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
    try {
      if (onLine(buf, pos, end, line)) {
        consumed = nl + 1;
        lines += pendingLines;
        pendingLines = 0;
      }
    } catch (err) {
      if (err instanceof ImportError) return { consumed, lines, error: err };
      throw err;
    }
    pos = nl + 1;
  }
}

const UNDECIDED = 0;
const METRIC = 1;
const TEXT_COLUMN = 2;
const STEP = 3;

export function newCsvState(): CsvState {
  return { header: null, rows: 0, phantom: null, kinds: [] };
}

/** CSV/TSV lines into `batch`, as src-main/import/csv.ts reads them (header, phantom fields, step column). */
export function csvLines(file: string, state: CsvState, batch: PointBatch): OnLine {
  const fields = new Fields();
  const reader = new NumberReader();
  let pending: Buffer[] | null = null;
  let pendingLine = 0;
  return (buf, start, end, line) => {
    if (!state.header) {
      if (isBlank(buf, start, end)) return true;
      const record = Buffer.from(buf.subarray(start, end));
      const delimiter = sniffDelimiter(record);
      const f = new Fields();
      if (!splitPlain(record, 0, record.length, delimiter, f)) splitQuoted(record, delimiter, f);
      const names = columnNames(f);
      const step = chooseStep(file, names, undefined);
      state.header = { delimiter, names, ...step };
      state.kinds = names.map((_, i) => (i === step.stepIndex && !step.stepIsMetric ? STEP : UNDECIDED));
      return true;
    }
    const { delimiter } = state.header;
    let at = line;
    if (pending) {
      pending.push(Buffer.from('\n'), Buffer.from(buf.subarray(start, end)));
      const joined = Buffer.concat(pending);
      if (!quotesBalanced(joined, 0, joined.length)) return false;
      pending = null;
      at = pendingLine;
      splitQuoted(joined, delimiter, fields);
    } else if (!splitPlain(buf, start, end, delimiter, fields)) {
      if (!quotesBalanced(buf, start, end)) {
        pending = [Buffer.from(buf.subarray(start, end))];
        pendingLine = line;
        return false;
      }
      splitQuoted(Buffer.from(buf.subarray(start, end)), delimiter, fields);
    }
    csvRow(file, state, fields, at, reader, batch);
    return true;
  };
}

function csvRow(file: string, state: CsvState, f: Fields, line: number, reader: NumberReader, batch: PointBatch): void {
  const header = state.header!;
  if (f.count === 1 && f.starts[0] === f.ends[0]) return; // blank line
  if (state.rows === 0) state.phantom = findPhantom(f, header.names.length);
  if (state.phantom) dropFields(f, state.phantom);
  const width = header.names.length;
  if (f.count !== width) {
    const extra = state.phantom?.length ?? 0;
    throw new ImportError(file, { line }, `expected ${width + extra} fields, found ${f.count + extra}`);
  }
  let step = state.rows;
  if (header.stepIndex >= 0) {
    step = reader.read(f.buf, f.starts[header.stepIndex]!, f.ends[header.stepIndex]!);
    if (reader.kind === MISSING) throw new ImportError(file, { line }, `no step: "${header.names[header.stepIndex]}" is empty`);
    if (reader.kind === TEXT || Number.isNaN(step)) {
      throw new ImportError(file, { line }, `the step "${f.text(header.stepIndex)}" in "${header.names[header.stepIndex]}" is not a number`);
    }
  }
  // Check the whole row before adding any of it: a bad row stops the reading at its line, whole.
  const values: [number, number][] = [];
  for (let c = 0; c < width; c++) {
    const kind = state.kinds[c];
    if (kind === STEP || kind === TEXT_COLUMN) continue;
    const v = reader.read(f.buf, f.starts[c]!, f.ends[c]!);
    if (reader.kind === MISSING) continue;
    if (reader.kind === TEXT) {
      if (kind === UNDECIDED) state.kinds[c] = TEXT_COLUMN;
      else throw new ImportError(file, { line }, `"${header.names[c]}" is "${f.text(c)}", not a number`);
      continue;
    }
    values.push([c, v]);
  }
  for (const [c, v] of values) {
    state.kinds[c] = METRIC;
    batch.add(header.names[c]!, step, v);
  }
  state.rows++;
}

export function newJsonlState(): JsonlState {
  return { rows: 0, step: null, text: [], metric: [] };
}

/** Rows of JSON objects (JSONL lines, trainer_state entries) into `batch`, as object-rows.ts reads them. */
export function objectRow(file: string, state: JsonlState, row: Map<string, unknown>, place: { line: number } | { entry: number }, batch: PointBatch): void {
  state.step ??= chooseStepKey(file, [...row.keys()], undefined);
  const { key, alsoMetric } = state.step;
  let step = state.rows;
  if (key !== null) {
    const s = row.get(key);
    if (s === undefined || s === null) throw new ImportError(file, place, `no step: "${key}" is missing`);
    if (typeof s !== 'number' || Number.isNaN(s)) throw new ImportError(file, place, `the step ${JSON.stringify(s)} in "${key}" is not a number`);
    step = s;
  }
  const values: [string, number][] = [];
  for (const [name, value] of row) {
    if ((name === key && !alsoMetric) || value === null || value === undefined) continue;
    const isMetric = state.metric.includes(name);
    if (typeof value !== 'number') {
      if (isMetric) throw new ImportError(file, place, `"${name}" is ${JSON.stringify(value)}, not a number`);
      if (!state.text.includes(name)) state.text.push(name);
      continue;
    }
    if (!state.text.includes(name)) values.push([name, value]);
  }
  for (const [name, value] of values) {
    if (!state.metric.includes(name)) state.metric.push(name);
    batch.add(name, step, value);
  }
  state.rows++;
}

export function jsonlLines(file: string, state: JsonlState, batch: PointBatch): OnLine {
  return (buf, start, end, line) => {
    const text = buf.toString('utf8', start, end);
    if (text.trim() === '') return true;
    let value: unknown;
    try {
      value = parsePythonJson(text);
    } catch (err) {
      throw new ImportError(file, { line }, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!isObject(value)) throw new ImportError(file, { line }, 'expected a JSON object ({…}) on each line');
    objectRow(file, state, flatten(value), { line }, batch);
    return true;
  };
}

/** An MLflow metric file (`timestamp value step` a line), as mlflow.ts reads it. */
/** `clock`: the state of the run's clock when this is its clock file (import/clock.ts), else null. */
export function mlflowLines(file: string, metric: string, batch: PointBatch, clock: StepClockState | null = null): OnLine {
  const reader = new NumberReader();
  return (buf, start, end, line) => {
    const text = buf.toString('utf8', start, end).trim();
    if (text === '') return true;
    const parts = text.split(/\s+/);
    if (parts.length < 2 || parts.length > 3) throw new ImportError(file, { line }, `expected "timestamp value step", found ${parts.length} fields`);
    const value = reader.readText(parts[1]!);
    if (reader.kind !== NUMBER) throw new ImportError(file, { line }, `the value "${parts[1]}" is not a number`);
    const step = parts.length === 3 ? reader.readText(parts[2]!) : 0;
    if (reader.kind !== NUMBER || Number.isNaN(step)) throw new ImportError(file, { line }, `the step "${parts[2]}" is not a number`);
    batch.add(metric, step, value);
    if (clock && takeClockPoint(clock, step)) batch.add(MLFLOW_CLOCK, step, timestampOf(reader, parts[0]!, file, line));
    return true;
  };
}
