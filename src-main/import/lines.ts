// Line-oriented logs (CSV, TSV, JSONL, MLflow metric files), streamed block by block.
import type { ImportContext } from './context';
import { ImportError } from './errors';
import { fileBlocks } from './file-blocks';

/** A longer line is not a training log row; refusing it keeps memory bounded. */
export const MAX_LINE_BYTES = 16 << 20;

/**
 * Called for each line with its bytes [start, end) in `buf` (no newline, no CR) and its 1-based
 * number. `buf` is only valid during the call. Return false to stop reading (previews).
 */
export type LineHandler = (buf: Buffer, start: number, end: number, line: number) => boolean | void;

/**
 * Optional, for a reader with a fast path (CSV): reads as many whole lines as it can from `pos`
 * of `buf` (up to `end`, which need not end a line) in one call, sets `next.pos` just after the
 * last newline it read, and returns how many lines that was (0: the LineHandler gets the next).
 */
export type BulkLineHandler = (buf: Buffer, pos: number, end: number, next: { pos: number }) => number;

export async function readLines(file: string, ctx: ImportContext | null, onLine: LineHandler, onLines?: BulkLineHandler): Promise<void> {
  // The start of a line that runs on into the next block (a copy: blocks are reused).
  let carry: Buffer | null = null;
  let line = 0;
  let first = true;
  const next = { pos: 0 };
  for await (const block of fileBlocks(file)) {
    let pos = 0;
    if (first) {
      first = false;
      if (block.length >= 3 && block[0] === 0xef && block[1] === 0xbb && block[2] === 0xbf) pos = 3; // UTF-8 BOM
    }
    let rows = 0;
    if (carry) {
      // Only the line that crosses the boundary is joined; the block itself is not copied.
      const nl = block.indexOf(10);
      if (nl < 0) {
        carry = Buffer.concat([carry, block]);
        tooLong(file, carry.length, line);
        ctx?.advance(block.length, 0);
        continue;
      }
      const joined = Buffer.concat([carry, block.subarray(0, nl)]);
      carry = null;
      line++;
      rows++;
      const end = joined.length > 0 && joined[joined.length - 1] === 13 ? joined.length - 1 : joined.length;
      if (onLine(joined, 0, end, line) === false) return;
      pos = nl + 1;
    }
    for (;;) {
      if (onLines) {
        const read = onLines(block, pos, block.length, next);
        if (read > 0) {
          line += read;
          rows += read;
          pos = next.pos;
        }
      }
      const nl = block.indexOf(10, pos);
      if (nl < 0) break;
      line++;
      rows++;
      const end = nl > pos && block[nl - 1] === 13 ? nl - 1 : nl;
      if (onLine(block, pos, end, line) === false) return;
      pos = nl + 1;
    }
    tooLong(file, block.length - pos, line);
    if (pos < block.length) carry = Buffer.from(block.subarray(pos));
    ctx?.advance(block.length, rows);
  }
  if (carry && carry.length > 0) {
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    onLine(carry, 0, end, line + 1);
    ctx?.advance(0, 1);
  }
}

function tooLong(file: string, bytes: number, line: number): void {
  if (bytes > MAX_LINE_BYTES) {
    throw new ImportError(file, { line: line + 1 }, `the line is longer than ${MAX_LINE_BYTES >> 20} MiB: this is not a training log`);
  }
}
