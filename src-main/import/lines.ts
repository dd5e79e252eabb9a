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

export async function readLines(file: string, ctx: ImportContext | null, onLine: LineHandler): Promise<void> {
  let carry: Buffer | null = null;
  let line = 0;
  let first = true;
  for await (const block of fileBlocks(file)) {
    const buf: Buffer = carry ? Buffer.concat([carry, block]) : block;
    let pos = 0;
    if (first) {
      first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3; // UTF-8 BOM
    }
    let rows = 0;
    for (;;) {
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      line++;
      rows++;
      const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (onLine(buf, pos, end, line) === false) return;
      pos = nl + 1;
    }
    if (buf.length - pos > MAX_LINE_BYTES) {
      throw new ImportError(file, { line: line + 1 }, `the line is longer than ${MAX_LINE_BYTES >> 20} MiB: this is not a training log`);
    }
    // The block buffer is reused by the next read: keep the unfinished line as a copy.
    carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    ctx?.advance(block.length, rows);
  }
  if (carry && carry.length > 0) {
    const end = carry[carry.length - 1] === 13 ? carry.length - 1 : carry.length;
    onLine(carry, 0, end, line + 1);
    ctx?.advance(0, 1);
  }
}
