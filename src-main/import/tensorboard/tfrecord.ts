// TFRecord framing, the container of TensorBoard event files:
//   uint64 length | uint32 masked CRC-32C of the length | data | uint32 masked CRC-32C of the data
// (tensorflow/core/lib/io/record_writer.h). Read block by block: event files grow to gigabytes.
import crc32c from 'crc-32/crc32c';
import { stat } from 'node:fs/promises';
import type { ImportContext } from '../context';
import { ImportError } from '../errors';
import { BLOCK_BYTES, fileBlocks } from '../file-blocks';

const HEADER = 12;
const FOOTER = 4;
/** TensorFlow's own writers never write a record near this; a bigger length is corruption. */
const MAX_RECORD = 1 << 30;
/**
 * A record bigger than this holds a graph, images or a profile, never a scalar: its CRC is checked
 * as it streams past and its bytes are not kept, so memory stays bounded whatever its length says.
 */
export const MAX_KEPT_RECORD = 16 << 20;

/** TensorFlow masks stored CRCs (crc32c.h: rotate right by 15, add a constant). */
function mask(crc: number): number {
  crc >>>= 0;
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

export function maskedCrc32c(data: Uint8Array): number {
  return mask(crc32c.buf(data, 0));
}

/** `data` is a view valid only during the call; `record` counts from 1. */
export type RecordHandler = (data: Buffer, record: number) => void;

export interface RecordsRead {
  records: number;
  /** Bytes after the last complete record: a writer still writing, or a cut file. Not an error. */
  bytesLeftOver: number;
  /** The unfinished record: where it starts and, when its header is whole, the length it declares. */
  tail?: { record: number; offset: number; declaredLength: number | null };
}

/** A record longer than a block, gathered once as the blocks go by (never re-copied per block). */
class SpanningRecord {
  readonly kept: Buffer | null;
  private seen = HEADER;
  private crc = 0;
  private readonly footer = Buffer.alloc(FOOTER);
  private readonly total: number;

  constructor(readonly length: number) {
    this.total = HEADER + length + FOOTER;
    this.kept = length <= MAX_KEPT_RECORD ? Buffer.allocUnsafe(length) : null;
  }

  get done(): boolean {
    return this.seen === this.total;
  }

  /** Takes what the record still needs from `buf` at `pos`; returns where it stopped. */
  feed(buf: Buffer, pos: number): number {
    const take = Math.min(this.total - this.seen, buf.length - pos);
    const from = this.seen;
    const to = from + take;
    const dataEnd = HEADER + this.length;
    const dataFrom = Math.max(from, HEADER);
    const dataTo = Math.min(to, dataEnd);
    if (dataTo > dataFrom) {
      const part = buf.subarray(pos + dataFrom - from, pos + dataTo - from);
      if (this.kept) part.copy(this.kept, dataFrom - HEADER);
      else this.crc = crc32c.buf(part, this.crc);
    }
    const footFrom = Math.max(from, dataEnd);
    if (to > footFrom) buf.copy(this.footer, footFrom - dataEnd, pos + footFrom - from, pos + to - from);
    this.seen = to;
    return pos + take;
  }

  crcMatches(): boolean {
    const crc = this.kept ? maskedCrc32c(this.kept) : mask(this.crc);
    return crc === this.footer.readUInt32LE(0);
  }
}

/**
 * Calls `onRecord` for each complete record. A record whose declared end lies beyond the end of
 * the file is the unfinished tail (a writer still writing, a cut copy, or a corrupt length): it
 * stops the reading and is reported with its offset, found from the header alone.
 */
export async function readRecords(file: string, ctx: ImportContext | null, onRecord: RecordHandler, maxRecords = Infinity): Promise<RecordsRead> {
  const size = (await stat(file)).size;
  let record = 0;
  let carry: Buffer | null = null;
  let carryAt = 0;
  let blockAt = 0;
  let spanning: SpanningRecord | null = null;
  let spanningAt = 0;
  for await (const block of fileBlocks(file)) {
    const before = record;
    let buf: Buffer = block;
    let bufAt = blockAt;
    let pos = 0;
    if (spanning) {
      pos = spanning.feed(block, 0);
      if (spanning.done) {
        record++;
        if (!spanning.crcMatches()) throw new ImportError(file, { record }, 'CRC mismatch: the record is corrupt');
        if (spanning.kept) onRecord(spanning.kept, record);
        spanning = null;
      }
    } else if (carry) {
      // The carry is less than one block (bigger records span), so this copies a block at most once.
      buf = Buffer.concat([carry, block]);
      bufAt = carryAt;
    }
    while (!spanning && buf.length - pos >= HEADER && record < maxRecords) {
      const length = recordLength(file, buf, pos, record + 1);
      const total = HEADER + length + FOOTER;
      const at = bufAt + pos;
      if (at + total > size) return { records: record, bytesLeftOver: size - at, tail: { record: record + 1, offset: at, declaredLength: length } };
      if (buf.length - pos < total) {
        if (total > BLOCK_BYTES) {
          spanning = new SpanningRecord(length);
          spanningAt = at;
          pos = spanning.feed(buf, pos + HEADER);
        }
        break;
      }
      record++;
      const data = buf.subarray(pos + HEADER, pos + HEADER + length);
      if (maskedCrc32c(data) !== buf.readUInt32LE(pos + HEADER + length)) throw new ImportError(file, { record }, 'CRC mismatch: the record is corrupt');
      onRecord(data, record);
      pos += total;
    }
    if (record >= maxRecords) return { records: record, bytesLeftOver: 0 };
    // The block buffer is reused by the next read: keep the unfinished record's start as a copy.
    carry = !spanning && pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    carryAt = bufAt + pos;
    blockAt += block.length;
    ctx?.advance(block.length, record - before);
  }
  // Only a file that shrank while read leaves a spanning record unfinished.
  if (spanning) return { records: record, bytesLeftOver: Math.max(0, blockAt - spanningAt), tail: { record: record + 1, offset: spanningAt, declaredLength: spanning.length } };
  if (carry) return { records: record, bytesLeftOver: carry.length, tail: { record: record + 1, offset: carryAt, declaredLength: null } };
  return { records: record, bytesLeftOver: 0 };
}

function recordLength(file: string, buf: Buffer, pos: number, record: number): number {
  const lengthBytes = buf.subarray(pos, pos + 8);
  if (maskedCrc32c(lengthBytes) !== buf.readUInt32LE(pos + 8)) {
    throw new ImportError(file, { record }, 'CRC mismatch in the record length: not an event file, or a corrupt one');
  }
  const length = Number(buf.readBigUInt64LE(pos));
  if (length > MAX_RECORD) throw new ImportError(file, { record }, `a record of ${length} bytes is not plausible`);
  return length;
}

/** TensorFlow's name for an event file: `events.out.tfevents.<time>.<host>…`. */
export const EVENT_FILE = /^events\.out\.tfevents\./;

/** Whether bytes begin with a valid TFRecord header (content-based detection). */
export function looksLikeTfRecord(head: Buffer): boolean {
  return head.length >= HEADER && maskedCrc32c(head.subarray(0, 8)) === head.readUInt32LE(8);
}
