// Splitting a CSV/TSV record into fields, on bytes. Unquoted records (nearly all of a training
// log) are split in place; a record with quotes is unquoted into a fresh buffer first.

export const QUOTE = 34;

/** Field boundaries of one record: starts[i]..ends[i] in `buf`. Reused from record to record. */
export class Fields {
  buf: Buffer = Buffer.alloc(0);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      const ends = new Int32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  text(i: number): string {
    return this.buf.toString('utf8', this.starts[i], this.ends[i]).trim();
  }

  texts(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.text(i));
  }
}

/**
 * Splits a record that has no quotes, in one pass over its bytes. Returns false, having split
 * nothing, when it meets a quote: the caller then unquotes the record (splitQuoted).
 */
export function splitPlain(buf: Buffer, start: number, end: number, delimiter: number, out: Fields): boolean {
  out.buf = buf;
  out.count = 0;
  let s = start;
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === delimiter) {
      out.push(s, i);
      s = i + 1;
    } else if (c === QUOTE) {
      out.count = 0;
      return false;
    }
  }
  out.push(s, end);
  return true;
}

/** RFC 4180 quoting: "a,b" is one field, "" inside quotes is a quote, newlines may be quoted. */
export function splitQuoted(record: Buffer, delimiter: number, out: Fields): void {
  const clean = Buffer.allocUnsafe(record.length);
  let w = 0;
  let fieldStart = 0;
  let quoted = false;
  out.buf = clean;
  out.count = 0;
  for (let i = 0; i < record.length; i++) {
    const c = record[i]!;
    if (quoted) {
      if (c !== QUOTE) clean[w++] = c;
      else if (record[i + 1] === QUOTE) {
        clean[w++] = QUOTE;
        i++;
      } else quoted = false;
    } else if (c === QUOTE) quoted = true;
    else if (c === delimiter) {
      out.push(fieldStart, w);
      fieldStart = w;
    } else clean[w++] = c;
  }
  out.push(fieldStart, w);
}

/** Whether a record's quotes are balanced (an odd count means a quoted newline: read on). */
export function quotesBalanced(buf: Buffer, start: number, end: number): boolean {
  let n = 0;
  for (let i = start; i < end; i++) if (buf[i] === QUOTE) n++;
  return n % 2 === 0;
}

const CANDIDATES = [44, 9, 59, 124]; // , tab ; |

/** The delimiter is the candidate that occurs most often in the header, outside quotes. */
export function sniffDelimiter(header: Buffer): number {
  let best = 44;
  let bestCount = 0;
  for (const d of CANDIDATES) {
    let n = 0;
    let quoted = false;
    for (const c of header) {
      if (c === QUOTE) quoted = !quoted;
      else if (c === d && !quoted) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/**
 * A writer that adds unnamed fields consistently (Flair writes an empty field after TRAIN_LOSS
 * that its header lacks) is read by dropping them, when the first row shows where they are.
 */
export function findPhantom(f: Fields, width: number): number[] | null {
  const extra = f.count - width;
  if (extra < 1 || extra > 2) return null;
  const empty: number[] = [];
  for (let i = 0; i < f.count && empty.length < extra; i++) if (f.starts[i] === f.ends[i]) empty.push(i);
  return empty.length === extra ? empty : null;
}

export function dropFields(f: Fields, positions: number[]): void {
  let w = 0;
  for (let r = 0, p = 0; r < f.count; r++) {
    if (p < positions.length && positions[p] === r) {
      p++;
      continue;
    }
    f.starts[w] = f.starts[r]!;
    f.ends[w] = f.ends[r]!;
    w++;
  }
  f.count = w;
}
