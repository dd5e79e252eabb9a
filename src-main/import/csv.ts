// CSV and TSV logs: Lightning's CSVLogger (sparse rows), Keras' CSVLogger (a row per epoch),
// Ultralytics' results.csv (space-padded columns), Flair's loss.tsv and hand-written scripts.
import { statSync } from 'node:fs';
import type { ImportContext } from './context';
import { batchRows, emptyBatch, RowParser, type ParsedRows } from './csv-fast';
import { dropFields, Fields, findPhantom, quotesBalanced, sniffDelimiter, splitPlain, splitQuoted } from './csv-fields';
import { ImportError } from './errors';
import { CsvPrefetch, PREFETCH_MIN_BYTES, workerMode, type Batch } from './csv-prefetch';
import { BLOCK_BYTES } from './file-blocks';
import { isBlank, readLines, unfinishedText, type BlockPlace, type LinesRead } from './lines';
import { findStepColumn, isEpochName } from './names';
import { MISSING, NumberReader, TEXT } from './numbers';
import { MAX_METRICS_PER_RUN, tooManyMetrics, type MetricWriter, type RunWriter } from './run-writer';
import { isStep, notAStep } from './steps';

// What a column turned out to be; a column is undecided until its first non-empty value.
const UNDECIDED = 0;
const METRIC = 1;
const TEXT_COLUMN = 2;
const SKIPPED = 3;

export interface CsvHeader {
  delimiter: number;
  names: string[];
  /** Index of the step column, -1 = the row index is the step. */
  stepIndex: number;
  /** Epoch used as the step (Keras, Ultralytics) stays a metric too. */
  stepIsMetric: boolean;
}

/** Column names: trimmed (Ultralytics pads them), unnamed ones numbered, repeats made distinct. */
export function columnNames(fields: Fields): string[] {
  const seen = new Map<string, number>();
  return fields.texts().map((raw, i) => {
    const name = raw.replace(/^"|"$/g, '') || `column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

export function chooseStep(file: string, names: string[], stepColumn: string | undefined): Pick<CsvHeader, 'stepIndex' | 'stepIsMetric'> {
  if (stepColumn === '') return { stepIndex: -1, stepIsMetric: false };
  if (stepColumn !== undefined) {
    const i = names.indexOf(stepColumn);
    if (i < 0) throw new ImportError(file, null, `there is no column "${stepColumn}" to use as the step (columns: ${names.join(', ')})`);
    return { stepIndex: i, stepIsMetric: isEpochName(stepColumn) };
  }
  const step = findStepColumn(names);
  if (step !== null) return { stepIndex: names.indexOf(step), stepIsMetric: false };
  const epoch = names.findIndex(isEpochName);
  return epoch >= 0 ? { stepIndex: epoch, stepIsMetric: true } : { stepIndex: -1, stepIsMetric: false };
}

export function parseHeader(file: string, buf: Buffer, start: number, end: number, stepColumn: string | undefined, line = 1): CsvHeader {
  const record = buf.subarray(start, end);
  const delimiter = sniffDelimiter(record);
  const fields = new Fields();
  if (!splitPlain(buf, start, end, delimiter, fields)) splitQuoted(Buffer.from(record), delimiter, fields);
  // Checked before a name is made: 400,000 columns cost 2.4 GB when each became a metric.
  if (fields.count > MAX_METRICS_PER_RUN + 1) throw tooManyMetrics(file, { line }, fields.count - 1);
  const names = columnNames(fields);
  return { delimiter, names, ...chooseStep(file, names, stepColumn) };
}

/**
 * A record whose quoted field runs over several lines is joined in memory; a training log never
 * needs more than this, and the cap keeps one stray quote from holding the rest of the file.
 */
export const MAX_QUOTED_RECORD_BYTES = 1 << 20;

const NEWLINE = Buffer.from('\n');

/**
 * Reads the records of a CSV body one at a time, joining quoted newlines. The quote count of each
 * line is looked at once (the parity of the lines joined so far is kept), so a stray quote costs
 * one pass over what follows it, never a rescan of the joined text for each new line.
 */
class RecordSplitter {
  private pending: Buffer[] | null = null;
  private pendingBytes = 0;
  private pendingLine = 0;

  constructor(
    private readonly file: string,
    private readonly delimiter: number,
    readonly fields: Fields,
  ) {}

  /** No quoted field runs on from an earlier line. */
  get idle(): boolean {
    return this.pending === null;
  }

  /** Returns the line the record started on, or 0 while a quoted field runs on. */
  split(buf: Buffer, start: number, end: number, line: number): number {
    if (this.pending) {
      this.pending.push(NEWLINE, Buffer.from(buf.subarray(start, end)));
      this.pendingBytes += end - start + 1;
      // An odd count on this line closes the field the earlier lines left open.
      if (quotesBalanced(buf, start, end)) {
        if (this.pendingBytes > MAX_QUOTED_RECORD_BYTES) {
          throw new ImportError(this.file, { line: this.pendingLine }, `a quoted field opened on this line runs on for more than ${MAX_QUOTED_RECORD_BYTES >> 20} MiB: a quote (") is missing, or the field is not a training log's`);
        }
        return 0;
      }
      const joined = Buffer.concat(this.pending);
      this.pending = null;
      splitQuoted(joined, this.delimiter, this.fields);
      return this.pendingLine;
    }
    if (splitPlain(buf, start, end, this.delimiter, this.fields)) return line;
    if (!quotesBalanced(buf, start, end)) {
      this.pending = [Buffer.from(buf.subarray(start, end))];
      this.pendingBytes = end - start;
      this.pendingLine = line;
      return 0;
    }
    splitQuoted(Buffer.from(buf.subarray(start, end)), this.delimiter, this.fields);
    return line;
  }

  /** At the end of the file: a quoted field still open is an error, not a record to drop. */
  finish(): void {
    if (this.pending) throw new ImportError(this.file, { line: this.pendingLine }, 'a quote (") opened on this line is never closed');
  }
}

/** The body of one CSV file into a run. */
class CsvBody {
  private readonly kinds: Uint8Array;
  private readonly writers: (MetricWriter | null)[];
  private readonly reader = new NumberReader();
  private width: number;
  /** Positions of unnamed empty fields that every row carries (Flair's loss.tsv has one). */
  private phantom: number[] | null = null;
  rows = 0;
  /** The fast path's reader and the batch it reads into. */
  private readonly parser: RowParser;
  private readonly batch: ParsedRows;
  /** The steps of a batch's rows. */
  private readonly steps: Float64Array;
  /** The parse worker: undefined until the fast path first applies, then null when not worth one. */
  private prefetch: CsvPrefetch | null | undefined = undefined;

  constructor(
    private readonly file: string,
    private readonly header: CsvHeader,
    private readonly run: RunWriter,
  ) {
    this.width = header.names.length;
    this.kinds = new Uint8Array(this.width);
    this.writers = new Array<MetricWriter | null>(this.width).fill(null);
    this.parser = new RowParser(header.delimiter, this.width, header.stepIndex);
    this.batch = emptyBatch(this.width);
    this.steps = new Float64Array(batchRows(this.width));
    if (header.stepIndex >= 0 && !header.stepIsMetric) this.kinds[header.stepIndex] = SKIPPED;
  }

  /**
   * Records of plain numbers from `pos` on, read in one pass (csv-fast.ts) without splitting
   * them first: nearly every row of a training log. Stops at the first record that needs the
   * general way (row): the first record (it may show unnamed fields), a blank line, quotes,
   * words, a missing step, a wrong field count, or a line the block does not hold whole.
   * Returns how many lines it read; `next.pos` is where it stopped (just after a newline).
   * In a big file the rows may come parsed ahead by the worker (csv-prefetch.ts), then a promise.
   */
  fastRows(buf: Buffer, pos: number, end: number, next: { pos: number }, block: BlockPlace): number | Promise<number> {
    next.pos = pos;
    if (this.rows === 0 || this.phantom !== null) return 0;
    const ahead = this.prefetchAt(block)?.batchAt(block.index, block.offset + pos) ?? null;
    if (!(ahead instanceof Promise)) return this.takeBatch(ahead, buf, pos, end, next, block);
    return ahead.then((batch) => this.takeBatch(batch, buf, pos, end, next, block));
  }

  /** Stops the parse worker, if one started. */
  async close(): Promise<void> {
    await this.prefetch?.stop();
  }

  /** The parse worker once a big file's first rows show the fast path applies; null for a small one. */
  private prefetchAt(block: BlockPlace): CsvPrefetch | null {
    if (this.prefetch !== undefined) return this.prefetch;
    const bigEnough = (statSync(this.file, { throwIfNoEntry: false })?.size ?? 0) - block.offset >= PREFETCH_MIN_BYTES;
    const { delimiter, stepIndex } = this.header;
    const options = { file: this.file, delimiter, width: this.width, stepIndex, blockBytes: BLOCK_BYTES, firstBlock: block.index + 1 };
    this.prefetch = bigEnough && workerMode() !== 'off' && block.offset === block.index * BLOCK_BYTES ? CsvPrefetch.start(options) : null;
    return this.prefetch;
  }

  private parseRows(buf: Buffer, pos: number, end: number, next: { pos: number }): number {
    const batch = this.batch;
    let lines = 0;
    do {
      this.parser.parse(buf, pos, end, batch);
      this.deliver(batch);
      lines += batch.rows;
      pos = batch.stop;
    } while (batch.rows === batchRows(this.width));
    next.pos = pos;
    return lines;
  }

  /** The worker's batch when it has one here, else the rows read in this thread. */
  private takeBatch(batch: Batch | null, buf: Buffer, pos: number, end: number, next: { pos: number }, block: BlockPlace): number {
    if (batch === null) return this.parseRows(buf, pos, end, next);
    // A batch past this block's end: the worker read a file that has grown since this block was read.
    const fits = batch.stop - block.offset <= end;
    if (fits) this.deliver(batch);
    this.prefetch!.release();
    if (!fits) return this.parseRows(buf, pos, end, next);
    next.pos = batch.stop - block.offset;
    return batch.rows;
  }

  /**
   * The rows of a batch to their metrics, a column at a time (a writer's loop over its points
   * keeps its state in locals, instead of a call per value). Columns are first decided in the order
   * a row-by-row read meets their first values, so metrics are created in the same order.
   */
  private deliver(batch: ParsedRows): void {
    const { kinds, writers, width } = this;
    const { stepIndex } = this.header;
    const { values, present, rows } = batch;
    if (kinds.includes(UNDECIDED)) this.decideFrom(batch);
    fillSteps(this.steps, values, rows, width, stepIndex, this.rows);
    for (let col = 0; col < width; col++) {
      if (kinds[col] === METRIC) writers[col]!.addColumn(this.steps, values, present, col, width, rows);
    }
    this.rows += rows;
  }

  /** Decides the undecided columns that have a value in the batch, in reading order. */
  private decideFrom(batch: ParsedRows): void {
    const { kinds, width } = this;
    for (let i = 0; i < batch.rows * width; i++) {
      if (kinds[i % width] === UNDECIDED && batch.present[i] === 1) this.decide(i % width);
    }
  }

  row(f: Fields, line: number): void {
    if (f.count === 1 && f.starts[0] === f.ends[0]) return; // blank line
    if (this.rows === 0) this.phantom = findPhantom(f, this.width);
    if (this.phantom) dropFields(f, this.phantom);
    if (f.count !== this.width) {
      const expected = this.width + (this.phantom?.length ?? 0);
      const found = f.count + (this.phantom?.length ?? 0);
      throw new ImportError(this.file, { line }, `expected ${expected} fields, found ${found}`);
    }
    const step = this.step(f, line);
    const { kinds, reader } = this;
    for (let c = 0; c < this.width; c++) {
      const kind = kinds[c];
      if (kind === SKIPPED || kind === TEXT_COLUMN) continue;
      const v = reader.read(f.buf, f.starts[c]!, f.ends[c]!);
      if (reader.kind === MISSING) continue;
      if (reader.kind === TEXT) {
        if (kind === UNDECIDED) kinds[c] = TEXT_COLUMN;
        else throw new ImportError(this.file, { line }, `"${this.header.names[c]}" is "${f.text(c)}", not a number`);
        continue;
      }
      if (kind === UNDECIDED) this.decide(c);
      this.writers[c]?.add(step, v);
    }
    this.rows++;
  }

  private decide(c: number): void {
    const writer = this.run.metric(this.header.names[c]!);
    this.kinds[c] = writer ? METRIC : SKIPPED;
    this.writers[c] = writer;
  }

  private step(f: Fields, line: number): number {
    const i = this.header.stepIndex;
    if (i < 0) return this.rows;
    const step = this.reader.read(f.buf, f.starts[i]!, f.ends[i]!);
    if (this.reader.kind === MISSING) throw new ImportError(this.file, { line }, `no step: "${this.header.names[i]}" is empty`);
    if (this.reader.kind === TEXT || !isStep(step)) {
      throw new ImportError(this.file, { line }, `${notAStep(`"${f.text(i)}"`)} (column "${this.header.names[i]}")`);
    }
    return step;
  }

  /** After the last row: an import needs at least one curve. */
  finish(unfinished = ''): void {
    if (this.rows === 0) throw new ImportError(this.file, null, `only a header, no data rows${unfinished}`);
    if (!this.writers.some((w) => w !== null)) throw new ImportError(this.file, null, 'no numeric column besides the step');
  }
}

/**
 * The steps of a batch's rows: the step column's values, or the row numbers from `firstRow`. On its
 * own, with nothing after its loop: V8 compiles such a loop alone (on-stack replacement), and code
 * after it that has not run yet bailed out at the end of every batch (65 times in a 1M-row import).
 */
function fillSteps(out: Float64Array, values: Float64Array, rows: number, width: number, stepIndex: number, firstRow: number): void {
  for (let r = 0; r < rows; r++) out[r] = stepIndex >= 0 ? values[r * width + stepIndex]! : firstRow + r;
}

export async function importCsv(file: string, run: RunWriter, ctx: ImportContext, stepColumn: string | undefined): Promise<void> {
  let header: CsvHeader | null = null;
  let body: CsvBody | null = null;
  let splitter: RecordSplitter | null = null;
  const oneLine = (buf: Buffer, start: number, end: number, line: number): void => {
    if (!header) {
      if (isBlank(buf, start, end)) return;
      header = parseHeader(file, buf, start, end, stepColumn, line);
      body = new CsvBody(file, header, run);
      splitter = new RecordSplitter(file, header.delimiter, new Fields());
      return;
    }
    const at = splitter!.split(buf, start, end, line);
    if (at > 0) body!.row(splitter!.fields, at);
  };
  // Plain numeric rows in bulk; the rest (and a record whose quoted field runs on) line by line.
  const manyLines = (buf: Buffer, pos: number, end: number, next: { pos: number }, block: BlockPlace): number | Promise<number> =>
    body !== null && splitter!.idle ? (body as CsvBody).fastRows(buf, pos, end, next, block) : 0;
  // A header without a newline is read as it is; a last data row without one is set aside.
  const linesBefore = ctx.rows;
  let read: LinesRead;
  try {
    read = await readLines(file, ctx, oneLine, manyLines, () => header === null);
  } finally {
    await (body as CsvBody | null)?.close();
  }
  if (!body) throw new ImportError(file, null, 'the file is empty');
  (splitter as RecordSplitter | null)?.finish();
  const unfinished = unfinishedText(file, read);
  if (unfinished) run.leftOut.push(unfinished);
  (body as CsvBody).finish(read.unfinished ? ` (line ${read.unfinished.line} has no newline at its end: cut, or still being written, so not imported)` : '');
  // readLines counted every line; the summary says rows of data ("4,501 rows", not 4,502 with the header).
  ctx.notRows(ctx.rows - linesBefore - (body as CsvBody).rows);
}

/** The header and first rows as text, for the preview. */
export async function previewCsv(file: string, stepColumn: string | undefined, rows = 10) {
  let header: CsvHeader | null = null;
  let splitter: RecordSplitter | null = null;
  const firstRows: string[][] = [];
  const onLine = (buf: Buffer, start: number, end: number, line: number): boolean | void => {
    if (!header) {
      if (isBlank(buf, start, end)) return;
      header = parseHeader(file, buf, start, end, stepColumn, line);
      splitter = new RecordSplitter(file, header.delimiter, new Fields());
      return;
    }
    if (splitter!.split(buf, start, end, line) > 0 && !isBlank(buf, start, end)) firstRows.push(splitter!.fields.texts());
    return firstRows.length < rows;
  };
  await readLines(file, null, onLine, undefined, () => header === null);
  if (!header) throw new ImportError(file, null, 'the file is empty');
  (splitter as RecordSplitter | null)?.finish();
  return { header: header as CsvHeader, firstRows };
}
