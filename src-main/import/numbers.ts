// Numbers in text logs, read straight from the file's bytes: a million-row CSV has millions of
// fields, and making a string of each one is most of the cost of reading it.

export const NUMBER = 0;
export const MISSING = 1;
export const TEXT = 2;
export type ValueKind = typeof NUMBER | typeof MISSING | typeof TEXT;

// 10^0..10^22 are exact doubles: with a mantissa below 2^53, one multiplication or division is
// correctly rounded (Clinger's fast path, "How to read floating point numbers accurately", 1990).
export const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

// Written for "no value" by Flair (_), pandas/R (NA), Python (None) and others.
const MISSING_WORDS = new Set(['_', '-', 'none', 'null', 'na', 'n/a']);

function special(lower: string): number | undefined {
  switch (lower) {
    case 'nan':
    case '+nan':
    case '-nan':
      return NaN;
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    default:
      return undefined;
  }
}

// Dekker's exact product of two doubles as p + err (no FMA in JavaScript): T. J. Dekker,
// "A floating-point technique for extending the available precision", 1971.
const SPLITTER = 134217729; // 2^27 + 1

/** The rounding error of p = a · b: a · b = p + error exactly. */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/**
 * A decimal of 16 to 19 significant digits with k fractional digits (the 17-digit repr Python and
 * PyTorch write for most float values): d / 10^k in double-double arithmetic (~104 bits), then
 * rounded once. When the result lies too close to a halfway point for that precision to decide,
 * NaN tells the caller to use the slow parser. Checked against Number() in numbers.test.ts.
 */
function longDecimal(b: Buffer, s: number, e: number, significant: number, k: number): number {
  // d = hi · 10^8 + lo, both exact integers.
  let hi = 0;
  let lo = 0;
  let seen = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c === 46 || c === 45 || c === 43) continue; // the point, the sign
    if (c < 48 || c > 57) break; // the exponent, already in k
    if (seen === 0 && c === 48) continue;
    if (seen < significant - 8) hi = hi * 10 + (c - 48);
    else lo = lo * 10 + (c - 48);
    seen++;
  }
  return decimalQuotient(hi, 8, lo, k);
}

/**
 * (hi · 10^scale + lo) / 10^k, correctly rounded, for an integer of at most 19 digits (hi, lo and
 * hi · 10^scale below 10^19) and 0 < k ≤ 22; NaN when too close to a halfway point to decide here.
 */
export function decimalQuotient(hi: number, scale: number, lo: number, k: number): number {
  // Below 2^53 the integer is exact as a double (a computed sum that rounded up to 2^53 or beyond
  // fails the test), and one division is correctly rounded: Clinger's fast path again, for the
  // 16-digit values below 9,007,199,254,740,992 (the double-double costs ~25 ns a value).
  const whole = hi * POW10[scale]! + lo;
  if (whole < 9007199254740992) return whole / POW10[k]!;
  // d = hi · 10^scale + lo as an exact double-double dh + dl (all terms are integers).
  const p = hi * POW10[scale]!;
  const pe = productError(hi, POW10[scale]!, p);
  const sum = p + lo;
  const bv = sum - p;
  const se = p - (sum - bv) + (lo - bv);
  const dh = sum + (se + pe);
  const dl = se + pe - (dh - sum);
  const P = POW10[k]!;
  const q1 = dh / P;
  const ph = q1 * P;
  const r = dh - ph - productError(q1, P, ph) + dl;
  const q2 = r / P;
  const tiny = Math.abs(q1) * 8.077935669463161e-28; // 2^-90
  const up = q1 + (q2 + tiny);
  return up === q1 + (q2 - tiny) ? up : NaN;
}

/** Reads one field at a time; `kind` tells whether the last field was a number, missing or text. */
export class NumberReader {
  kind: ValueKind = NUMBER;

  /** The number in bytes [start, end) of `b`, spaces around it ignored. */
  read(b: Buffer, start: number, end: number): number {
    let s = start;
    let e = end;
    while (s < e && (b[s] === 32 || b[s] === 9)) s++;
    while (e > s && (b[e - 1] === 32 || b[e - 1] === 9 || b[e - 1] === 13)) e--;
    if (s === e) {
      this.kind = MISSING;
      return NaN;
    }
    let i = s;
    const negative = b[i] === 45;
    if (negative || b[i] === 43) i++;
    let mantissa = 0;
    let significant = 0;
    let exponent = 0;
    let digits = 0;
    let c: number;
    while (i < e && (c = b[i]!) >= 48 && c <= 57) {
      if (mantissa !== 0 || c !== 48) significant++;
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      i++;
    }
    if (i < e && b[i] === 46) {
      i++;
      while (i < e && (c = b[i]!) >= 48 && c <= 57) {
        if (mantissa !== 0 || c !== 48) significant++;
        mantissa = mantissa * 10 + (c - 48);
        exponent--;
        digits++;
        i++;
      }
    }
    if (digits > 0 && i < e && (b[i] === 101 || b[i] === 69)) {
      i++;
      const expNegative = b[i] === 45;
      if (expNegative || b[i] === 43) i++;
      let written = 0;
      let expDigits = 0;
      while (i < e && (c = b[i]!) >= 48 && c <= 57) {
        if (written < 10000) written = written * 10 + (c - 48);
        expDigits++;
        i++;
      }
      if (expDigits === 0) return this.fromText(b, s, e);
      exponent += expNegative ? -written : written;
    }
    if (i !== e || digits === 0) return this.fromText(b, s, e);
    this.kind = NUMBER;
    if (significant <= 15 && exponent >= -22 && exponent <= 22) {
      const v = exponent < 0 ? mantissa / POW10[-exponent]! : mantissa * POW10[exponent]!;
      return negative ? -v : v;
    }
    if (significant <= 19 && exponent >= -22 && exponent < 0) {
      const v = longDecimal(b, s, e, significant, -exponent);
      if (v === v) return negative ? -v : v;
    }
    // Valid decimal syntax the fast paths do not cover: V8's correctly rounded parser.
    return Number(latin1(b, s, e));
  }

  private fromText(b: Buffer, s: number, e: number): number {
    return this.readText(latin1(b, s, e));
  }

  /** The same rules for a field already decoded to text (a quoted CSV field, an MLflow line). */
  readText(text: string): number {
    const t = text.trim();
    if (t === '') {
      this.kind = MISSING;
      return NaN;
    }
    const lower = t.toLowerCase();
    const sp = special(lower);
    if (sp !== undefined) {
      this.kind = NUMBER;
      return sp;
    }
    if (MISSING_WORDS.has(lower)) {
      this.kind = MISSING;
      return NaN;
    }
    // Unambiguous (the point is required before the fraction's digits): `\d+\.?\d*` could split a run
    // of digits in n ways, and a 2 MB digit run that does not match took minutes (found by the fuzzer).
    if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) {
      this.kind = NUMBER;
      return Number(t);
    }
    this.kind = TEXT;
    return NaN;
  }
}

/** Buffer's own latin1Slice, untyped in @types/node: toString('latin1', …) costs twice as much per field. */
type Latin1Slicer = { latin1Slice(start: number, end: number): string };

function latin1(b: Buffer, s: number, e: number): string {
  return (b as unknown as Latin1Slicer).latin1Slice(s, e);
}
