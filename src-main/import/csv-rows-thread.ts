// The worker thread of a big CSV import (csv-rows-ahead.ts starts it): reads the file's blocks
// itself, at the offsets the import reads them, and parses their plain numeric rows with the
// import's own fast path (readNumericRow), so the import thread only feeds the numbers to its
// metrics and writes them to SQLite. Parsing is ~half of a CSV import; on two cores the two halves
// run at once. What this thread cannot read (quotes, words, a blank line, a line cut by the block's
// end) it leaves to the import thread, which reads it the general way, exactly as without a worker.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readNumericRow } from './csv-fast';

export interface RowsWorkerData {
  file: string;
  delimiter: number;
  width: number;
  blockBytes: number;
}

/** Arrays for one block's rows; they travel to the import thread and back (no allocation per block). */
export interface RowArrays {
  /** rows × width values and presences (0: a blank field), row after row. */
  values: Float64Array<ArrayBuffer>;
  present: Uint8Array<ArrayBuffer>;
  /** Each row's newline position in the block. */
  ends: Int32Array<ArrayBuffer>;
}

/** The rows parsed from one block: [start, end) of the block, end just after the last row's newline. */
export interface ParsedBlock extends RowArrays {
  offset: number;
  length: number;
  start: number;
  end: number;
  rows: number;
}

export type FromRowsThread = { ready: true } | { block: ParsedBlock } | { eof: true; offset: number } | { failed: string };
/**
 * Start at block `first` with `sets` arrays of its own; then one more block per set given back;
 * `skipTo`: the import thread has read up to there itself (the worker fell behind).
 */
export type ToRowsThread = { first: number; sets: number } | { give: RowArrays } | { skipTo: number };

const LF = 10;
/** Rows a new set of arrays holds; grown when a block has more (short rows). */
const FIRST_CAPACITY = 32_768;

function arraysFor(rows: number, width: number): RowArrays {
  return { values: new Float64Array(rows * width), present: new Uint8Array(rows * width), ends: new Int32Array(rows) };
}

function parseBlock(fd: number, k: number, opts: RowsWorkerData, buf: Buffer, arrays: RowArrays): ParsedBlock | null {
  const offset = k * opts.blockBytes;
  const length = readSync(fd, buf, 0, opts.blockBytes, offset);
  if (length === 0) return null;
  const block = buf.subarray(0, length);
  // The import thread reads the block's first line the general way when the previous block ended
  // inside it (readLines joins it with that block's end); its fast path starts after it.
  const before = Buffer.alloc(1);
  const previousEndsLine = offset === 0 || (readSync(fd, before, 0, 1, offset - 1) === 1 && before[0] === LF);
  const firstNewline = block.indexOf(LF);
  const start = previousEndsLine ? 0 : firstNewline < 0 ? length : firstNewline + 1;
  const { width, delimiter } = opts;
  let { values, present, ends } = arrays;
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  let rows = 0;
  let pos = start;
  // The same stops as CsvBody.fastRows: a blank line, a record it cannot read, a line the block does not end.
  while (pos < length) {
    const c = block[pos];
    if (c === LF || (c === 13 && block[pos + 1] === LF)) break;
    if (rows === ends.length) ({ values, present, ends } = grown({ values, present, ends }, rows * 2, width));
    const at = readNumericRow(block, view, pos, length, delimiter, width, values, present, rows * width);
    if (at < 0 || at === length) break;
    ends[rows++] = at;
    pos = at + 1;
  }
  return { offset, length, start, end: pos, rows, values, present, ends };
}

function grown(a: RowArrays, rows: number, width: number): RowArrays {
  const b = arraysFor(rows, width);
  b.values.set(a.values);
  b.present.set(a.present);
  b.ends.set(a.ends);
  return b;
}

function run(port: NonNullable<typeof parentPort>, opts: RowsWorkerData): void {
  const fd = openSync(opts.file, 'r');
  const buf = Buffer.allocUnsafe(opts.blockBytes);
  const free: RowArrays[] = [];
  let next = -1;
  let done = false;
  port.on('message', (m: ToRowsThread) => {
    if ('first' in m) {
      next = m.first;
      // A row takes at least `width` bytes (delimiters and newline): a block never holds more rows.
      const rows = Math.min(FIRST_CAPACITY, Math.floor(opts.blockBytes / opts.width) + 1);
      for (let i = 0; i < m.sets; i++) free.push(arraysFor(rows, opts.width));
    } else if ('give' in m) free.push(m.give);
    else next = Math.max(next, m.skipTo);
    while (free.length > 0 && !done && next >= 0) {
      const block = parseBlock(fd, next, opts, buf, free.pop()!);
      if (!block) {
        done = true;
        closeSync(fd);
        port.postMessage({ eof: true, offset: next * opts.blockBytes } satisfies FromRowsThread);
        break;
      }
      next++;
      port.postMessage({ block } satisfies FromRowsThread, [block.values.buffer, block.present.buffer, block.ends.buffer]);
    }
  });
  port.postMessage({ ready: true } satisfies FromRowsThread);
}

if (parentPort) {
  try {
    run(parentPort, workerData as RowsWorkerData);
  } catch (err) {
    parentPort.postMessage({ failed: err instanceof Error ? err.message : String(err) } satisfies FromRowsThread);
  }
}
