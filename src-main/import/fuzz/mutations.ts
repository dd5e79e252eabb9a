// Seeded mutations of real log files, each of the kinds the hardening pass found defects with:
// truncation, flipped and inserted bytes, duplicated headers, other encodings and line ends, huge
// fields and lines, deep nesting, wide headers, stray quotes, false TFRecord lengths.
import { maskedCrc32c } from '../tensorboard/tfrecord';

export type Random = () => number;

/** mulberry32: small, fast and seedable, so every failing case can be replayed from its number. */
export function seeded(seed: number): Random {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Random, n: number): number => Math.floor(r() * n);
export const pick = <T>(r: Random, items: readonly T[]): T => items[int(r, items.length)]!;

type Mutation = (r: Random, b: Buffer) => Buffer;

const at = (r: Random, b: Buffer) => int(r, b.length + 1);
const insert = (b: Buffer, i: number, what: Buffer) => Buffer.concat([b.subarray(0, i), what, b.subarray(i)]);
const lineStarts = (b: Buffer): number[] => {
  const starts = [0];
  for (let i = b.indexOf(10); i >= 0 && starts.length < 100_000; i = b.indexOf(10, i + 1)) starts.push(i + 1);
  return starts;
};
const replaceAll = (b: Buffer, from: string, to: string) => Buffer.from(b.toString('latin1').split(from).join(to), 'latin1');

const TOKENS = ['"', '""', ',', '\n', '\r', '\t', ';', '{', '}', '[', ']', ':', 'NaN', 'Infinity', '1e400', '-1', '1.5', '-0', '9007199254740993', 'null', '\u0000', '\\', '\\u', 'é'];

/** A TFRecord length field with a valid CRC that may claim more bytes than the file has. */
function falseRecordHeader(r: Random): Buffer {
  const out = Buffer.alloc(12);
  out.writeBigUInt64LE(BigInt(pick(r, [0, 1, 7, 1 << 20, 1 << 29, 1 << 30, (1 << 30) + 1, 2 ** 40])), 0);
  out.writeUInt32LE(maskedCrc32c(out.subarray(0, 8)), 8);
  return out;
}

export const MUTATIONS: Record<string, Mutation> = {
  truncate: (r, b) => b.subarray(0, at(r, b)),
  flipBits: (r, b) => {
    const c = Buffer.from(b);
    for (let n = 1 + int(r, 8); n > 0 && c.length > 0; n--) c[int(r, c.length)] ^= 1 << int(r, 8);
    return c;
  },
  insertBytes: (r, b) => insert(b, at(r, b), Buffer.from(Array.from({ length: 1 + int(r, 64) }, () => int(r, 256)))),
  insertToken: (r, b) => insert(b, at(r, b), Buffer.from(pick(r, TOKENS), pick(r, ['utf8', 'latin1'] as const))),
  deleteRange: (r, b) => {
    const i = at(r, b);
    return Buffer.concat([b.subarray(0, i), b.subarray(i + 1 + int(r, 200))]);
  },
  duplicateHeader: (r, b) => {
    const nl = b.indexOf(10);
    const first = nl < 0 ? b : b.subarray(0, nl + 1);
    return Buffer.concat([...Array.from({ length: 1 + int(r, 3) }, () => first), b]);
  },
  duplicateLine: (r, b) => {
    const starts = lineStarts(b);
    const s = pick(r, starts);
    const e = b.indexOf(10, s);
    return insert(b, pick(r, starts), Buffer.concat([b.subarray(s, e < 0 ? b.length : e), Buffer.from('\n')]));
  },
  swapLines: (r, b) => {
    const lines = b.toString('latin1').split('\n');
    const i = int(r, lines.length);
    const j = int(r, lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  utf16: (r, b) => Buffer.concat([Buffer.from(r() < 0.5 ? [0xff, 0xfe] : [0xfe, 0xff]), Buffer.from(b.toString('utf8'), 'utf16le')]),
  utf8Bom: (_r, b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  latin1Bytes: (r, b) => insert(b, at(r, b), Buffer.from([pick(r, [0xe9, 0xff, 0xc3, 0x80, 0xfe])])),
  crlf: (_r, b) => replaceAll(b, '\n', '\r\n'),
  crOnly: (_r, b) => replaceAll(replaceAll(b, '\r\n', '\n'), '\n', '\r'),
  mixedLineEnds: (r, b) => Buffer.from(b.toString('latin1').replace(/\n/g, () => pick(r, ['\n', '\r\n', '\r', '\n\n'])), 'latin1'),
  noFinalNewline: (_r, b) => (b[b.length - 1] === 10 ? b.subarray(0, b.length - 1) : b),
  hugeField: (r, b) => insert(b, at(r, b), Buffer.alloc((1 + int(r, 3)) << 20, pick(r, [0x78, 0x31, 0x22, 0x2c]))),
  hugeLine: (r, b) => insert(b, pick(r, lineStarts(b)), Buffer.alloc(17 << 20, 0x37)),
  nesting: (r, b) => {
    const depth = pick(r, [50, 101, 1000, 20_000]);
    const open = r() < 0.5 ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    return insert(b, at(r, b), Buffer.from(`${open.repeat(depth)}1${close.repeat(depth)}`));
  },
  wideHeader: (r, b) => {
    const nl = b.indexOf(10);
    const extra = Array.from({ length: pick(r, [100, 10_001, 30_000]) }, (_, i) => `,c${i}`).join('');
    return insert(b, nl < 0 ? b.length : nl, Buffer.from(extra));
  },
  strayQuote: (r, b) => insert(b, pick(r, lineStarts(b)), Buffer.from('"')),
  falseRecordLength: (r, b) => insert(b, r() < 0.5 ? b.length : 0, falseRecordHeader(r)),
  empty: () => Buffer.alloc(0),
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** What replaces the file itself rather than its bytes. */
export const SPECIAL_FILES = ['fifo', 'symlinkLoop', 'folderInstead', 'deviceLink', 'danglingLink'] as const;
export type SpecialFile = (typeof SPECIAL_FILES)[number];
