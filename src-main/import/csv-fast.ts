// The fast path of CSV reading: a record of plain numbers (nearly every row of a training log)
// is split and its numbers read in one pass over its bytes, with no Fields and no strings.
// Anything else (quotes, words, NA, a wrong field count, unusual spacing) makes it answer -1,
// having changed nothing but its output arrays, and the record goes the general way (csv.ts),
// which gives the same values and the errors. Values are those of NumberReader.read, bit for bit.
import { decimalQuotient, POW10 } from './numbers';
import { isStep } from './steps';

/** Whether the 4 bytes of x (little-endian) are all ASCII digits. */
function isFourDigits(x: number): boolean {
  return ((x & 0xf0f0f0f0) | (((x + 0x06060606) & 0xf0f0f0f0) >>> 4)) === 0x33333333;
}

/** The value of 4 ASCII digits read little-endian (the first digit in the low byte). */
function fourDigits(x: number): number {
  let v = (x - 0x30303030) | 0;
  v = Math.imul(v, 10) + (v >>> 8); // pairs in bytes 0 and 2
  v = v & 0x00ff00ff;
  return (Math.imul(v, 100) + (v >>> 16)) & 0xffff;
}

/** Buffer's own latin1Slice (untyped in @types/node). */
type Latin1Slicer = { latin1Slice(start: number, end: number): string };

/**
 * Reads the record that starts at `start` and ends at the next newline or at `end`, as `width`
 * fields separated by `delimiter`, each a decimal number (sign, digits, point, exponent; blanks
 * around it) or blank. Returns where the record ended (the newline, or `end`), with `values[c]`
 * the number of field c and `present[c]` 0 for a blank field, else 1; or -1 when the record is
 * not such a one. `view` is a DataView on `b` (digits are read 4 at a time through it). The
 * fields go to values[base + c] and present[base + c] when `base` is given (RowParser's rows).
 */
export function readNumericRow(b: Buffer, view: DataView, start: number, end: number, delimiter: number, width: number, values: Float64Array, present: Uint8Array, base = 0): number {
  let i = start;
  let col = 0;
  for (;;) {
    if (col === width) return -1;
    let c = 0;
    // Leading blanks (a tab is one only when it is not the delimiter; a CR before the newline
    // ends a blank last field, and a field that trims to a number is one for NumberReader too).
    while (i < end && ((c = b[i]!) === 32 || c === 13 || (c === 9 && delimiter !== 9))) i++;
    if (i === end || c === delimiter || c === 10) {
      present[base + col] = 0;
    } else {
      const s = i;
      let negative = false;
      if (c === 45) {
        negative = true;
        i++;
      } else if (c === 43) i++;
      // Significant digits: the first 15 in `hi` (exact: below 2^53), up to 4 more in `lo`; more
      // go the general way. Runs of 4 digits are read at once (SWAR) while they fit in `hi`.
      let hi = 0;
      let lo = 0;
      let significant = 0;
      let d: number;
      let x: number;
      const intStart = i;
      while (i < end && b[i] === 48) i++; // leading zeros
      for (;;) {
        if (significant <= 11 && i + 4 <= end && isFourDigits((x = view.getUint32(i, true)))) {
          hi = hi * 10000 + fourDigits(x);
          significant += 4;
          i += 4;
          continue;
        }
        if (i === end || (d = b[i]! - 48) < 0 || d > 9) break;
        if (significant < 15) hi = hi * 10 + d;
        else if (significant < 19) lo = lo * 10 + d;
        else return -1;
        significant++;
        i++;
      }
      let digits = i - intStart;
      let exponent = 0;
      if (i < end && b[i] === 46) {
        i++;
        const fracStart = i;
        if (significant === 0) while (i < end && b[i] === 48) i++; // zeros after the point, before any other digit
        // The same digit loop as the integer part, written out again on purpose: it updates four
        // locals (hi, lo, significant, i) per digit, which a helper would have to return as an object.
        for (;;) {
          if (significant <= 11 && i + 4 <= end && isFourDigits((x = view.getUint32(i, true)))) {
            hi = hi * 10000 + fourDigits(x);
            significant += 4;
            i += 4;
            continue;
          }
          if (i === end || (d = b[i]! - 48) < 0 || d > 9) break;
          if (significant < 15) hi = hi * 10 + d;
          else if (significant < 19) lo = lo * 10 + d;
          else return -1;
          significant++;
          i++;
        }
        exponent = fracStart - i;
        digits -= exponent;
      }
      if (digits === 0) return -1;
      // The exponent as NumberReader.read reads it (numbers.ts), written out here for the reason
      // the digit loop is: it moves i and yields a value, two results a helper would box.
      if (i < end && ((c = b[i]!) === 101 || c === 69)) {
        i++;
        let expNegative = false;
        if (i < end && (c = b[i]!) === 45) {
          expNegative = true;
          i++;
        } else if (c === 43) i++;
        let written = 0;
        let expDigits = 0;
        while (i < end && (c = b[i]!) >= 48 && c <= 57) {
          if (written < 10000) written = written * 10 + (c - 48);
          expDigits++;
          i++;
        }
        if (expDigits === 0) return -1;
        exponent += expNegative ? -written : written;
      }
      const e = i;
      // Trailing blanks, then the delimiter, the newline or the end.
      while (i < end && ((c = b[i]!) === 32 || c === 13 || (c === 9 && delimiter !== 9))) i++;
      if (i < end && c !== delimiter && c !== 10) return -1;
      // NumberReader.read's rules: Clinger's fast path, the double-double quotient, else V8.
      let v = NaN;
      if (significant <= 15 && exponent >= -22 && exponent <= 22) v = exponent < 0 ? hi / POW10[-exponent]! : hi * POW10[exponent]!;
      else if (significant > 15 && exponent >= -22 && exponent < 0) v = decimalQuotient(hi, significant - 15, lo, -exponent);
      if (v === v) values[base + col] = negative ? -v : v;
      else values[base + col] = Number((b as unknown as Latin1Slicer).latin1Slice(s, e));
      present[base + col] = 1;
    }
    col++;
    if (i === end || b[i] === 10) return col === width ? i : -1;
    i++; // the delimiter
  }
}

/** Rows of plain numbers, columnar: row r's field c at values[r · width + c] (present: 0 = blank). */
export interface ParsedRows {
  values: Float64Array;
  present: Uint8Array;
  /** Rows read, one line each. */
  rows: number;
  /** Where reading stopped: just after the last newline read (the start when none was). */
  stop: number;
}

/** Values in one batch of rows: a bounded buffer, whatever the number of columns (up to 10,000). */
const BATCH_VALUES = 1 << 16;

/** Rows per batch for `width` columns. */
export function batchRows(width: number): number {
  return Math.max(1, Math.floor(BATCH_VALUES / width));
}

export function emptyBatch(width: number): ParsedRows {
  const size = batchRows(width) * width;
  return { values: new Float64Array(size), present: new Uint8Array(size), rows: 0, stop: 0 };
}

/**
 * The fast path's rows: what the CSV body delivers, parsed in the import's thread or ahead of it
 * in a parse worker (csv-prefetch.ts). Stops at the first record that needs the general way: a
 * blank line, quotes, words, a wrong field count, a missing or invalid step, a line `end` cuts.
 */
export class RowParser {
  private viewOf: Buffer | null = null;
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

  constructor(
    private readonly delimiter: number,
    private readonly width: number,
    /** The step column, -1 when the row index is the step. */
    private readonly stepIndex: number,
  ) {}

  /** Reads up to batchRows(width) records from `pos` into `out`. */
  parse(buf: Buffer, pos: number, end: number, out: ParsedRows): void {
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    const { delimiter, width, stepIndex, view } = this;
    const { values, present } = out;
    const most = values.length / width;
    let rows = 0;
    let base = 0;
    out.rows = 0;
    out.stop = pos;
    // The result is stored row by row, nothing runs after the loop: V8 compiles a long loop alone
    // (on-stack replacement), and stores after it that had not run yet bailed out at the end of
    // every batch (66 times in some 1M-row imports).
    while (rows < most && pos < end) {
      const c = buf[pos];
      if (c === 10 || (c === 13 && buf[pos + 1] === 10)) break; // a blank line
      const at = readNumericRow(buf, view, pos, end, delimiter, width, values, present, base);
      if (at < 0 || at === end) break;
      if (stepIndex >= 0 && (present[base + stepIndex] === 0 || !isStep(values[base + stepIndex]!))) break; // the general way names the line
      rows++;
      base += width;
      pos = at + 1;
      out.rows = rows;
      out.stop = pos;
    }
  }
}
