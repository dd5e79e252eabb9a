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

/** Where a block lies in the file: its number (from 0) and the offset of its first byte. */
export interface BlockPlace {
  index: number;
  offset: number;
}

/**
 * Optional, for a reader with a fast path (CSV): reads as many whole lines as it can from `pos`
 * of `buf` (up to `end`, which need not end a line) in one call, sets `next.pos` just after the
 * last newline it read, and returns how many lines that was (0: the LineHandler gets the next);
 * a promise of it when the lines come from elsewhere (CSV's parse worker).
 */
export type BulkLineHandler = (buf: Buffer, pos: number, end: number, next: { pos: number }, block: BlockPlace) => number | Promise<number>;

/**
 * Whether a last line without a newline is whole all the same (a JSON object that closes). Without
 * such evidence the line is set aside: a log still being written, or a copy cut mid-number
 * (`1795596780.16…` read as `1795596780`), must not import a wrong last value.
 */
export type CompleteCheck = (buf: Buffer, start: number, end: number) => boolean;

export interface LinesRead {
  /** The last line, set aside because it has no newline at its end and nothing shows it whole. */
  unfinished: { line: number; bytes: number } | null;
}

const LF = 10;
const CR = 13;

/** Old Mac line ends: CR alone. Seen in the first block when it has no LF but has a CR before its end. */
function usesCrOnly(block: Buffer): boolean {
  if (block.indexOf(LF) >= 0) return false;
  const cr = block.indexOf(CR);
  return cr >= 0 && cr < block.length - 1;
}

export async function readLines(file: string, ctx: ImportContext | null, onLine: LineHandler, onLines?: BulkLineHandler, complete?: CompleteCheck): Promise<LinesRead> {
  // The start of a line that runs on into the next blocks: copies (blocks are reused), joined once
  // when its newline comes, so a long line costs its length, not its length times its blocks.
  let carryParts: Buffer[] = [];
  let carryBytes = 0;
  let line = 0;
  let first = true;
  let newline = LF;
  const next = { pos: 0 };
  const place: BlockPlace = { index: -1, offset: 0 };
  let blockBytes = 0;
  for await (const block of fileBlocks(file)) {
    place.index++;
    place.offset += blockBytes;
    blockBytes = block.length;
    let pos = 0;
    if (first) {
      first = false;
      if (block.length >= 3 && block[0] === 0xef && block[1] === 0xbb && block[2] === 0xbf) pos = 3; // UTF-8 BOM
      // A chosen --format skips detection; UTF-16 would read as NULs between letters.
      if (block.length >= 2 && ((block[0] === 0xff && block[1] === 0xfe) || (block[0] === 0xfe && block[1] === 0xff))) {
        throw new ImportError(file, null, 'UTF-16 text; save it as UTF-8 and import that');
      }
      if (usesCrOnly(block)) {
        newline = CR;
        onLines = undefined; // the fast path reads LF-ended records only
      }
    }
    let rows = 0;
    if (carryBytes > 0) {
      const nl = block.indexOf(newline);
      if (nl < 0) {
        tooLong(file, carryBytes + block.length, line);
        carryParts.push(Buffer.from(block));
        carryBytes += block.length;
        ctx?.advance(block.length, 0);
        continue;
      }
      tooLong(file, carryBytes + nl, line);
      const joined = Buffer.concat([...carryParts, block.subarray(0, nl)]);
      carryParts = [];
      carryBytes = 0;
      line++;
      rows++;
      const end = joined.length > 0 && joined[joined.length - 1] === CR ? joined.length - 1 : joined.length;
      if (onLine(joined, 0, end, line) === false) return { unfinished: null };
      pos = nl + 1;
    }
    for (;;) {
      if (onLines) {
        let read = onLines(block, pos, block.length, next, place);
        if (typeof read !== 'number') read = await read; // only then: a line-by-line file would pay a turn per line
        if (read > 0) {
          line += read;
          rows += read;
          pos = next.pos;
        }
      }
      const nl = block.indexOf(newline, pos);
      if (nl < 0) break;
      line++;
      rows++;
      const end = nl > pos && block[nl - 1] === CR ? nl - 1 : nl;
      if (onLine(block, pos, end, line) === false) return { unfinished: null };
      pos = nl + 1;
    }
    tooLong(file, block.length - pos, line);
    if (pos < block.length) {
      carryParts = [Buffer.from(block.subarray(pos))];
      carryBytes = block.length - pos;
    }
    ctx?.advance(block.length, rows);
  }
  if (carryBytes === 0) return { unfinished: null };
  const carry = carryParts.length === 1 ? carryParts[0]! : Buffer.concat(carryParts);
  const end = carry[carry.length - 1] === CR ? carry.length - 1 : carry.length;
  if (isBlank(carry, 0, end)) return { unfinished: null };
  if (complete?.(carry, 0, end)) {
    onLine(carry, 0, end, line + 1);
    ctx?.advance(0, 1);
    return { unfinished: null };
  }
  return { unfinished: { line: line + 1, bytes: carry.length } };
}

/** A line of spaces and tabs only. */
export function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== 32 && buf[i] !== 9) return false;
  return true;
}

/** The note for the summary when the last line was set aside. */
export function unfinishedText(file: string, read: LinesRead): string | null {
  if (!read.unfinished) return null;
  return `${file}: line ${read.unfinished.line}: the last line has no newline at its end (cut, or still being written); not imported`;
}

function tooLong(file: string, bytes: number, line: number): void {
  if (bytes > MAX_LINE_BYTES) {
    throw new ImportError(file, { line: line + 1 }, `the line is longer than ${MAX_LINE_BYTES >> 20} MiB: this is not a training log`);
  }
}
