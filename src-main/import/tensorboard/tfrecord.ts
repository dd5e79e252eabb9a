// TFRecord framing, the container of TensorBoard event files:
//   uint64 length | uint32 masked CRC-32C of the length | data | uint32 masked CRC-32C of the data
// (tensorflow/core/lib/io/record_writer.h). Read block by block: event files grow to gigabytes.
import crc32c from 'crc-32/crc32c';
import type { ImportContext } from '../context';
import { ImportError } from '../errors';
import { fileBlocks } from '../file-blocks';

const HEADER = 12;
const FOOTER = 4;
/** TensorFlow's own writers never write a record near this; a bigger length is corruption. */
const MAX_RECORD = 1 << 30;

/** TensorFlow masks stored CRCs (crc32c.h: rotate right by 15, add a constant). */
export function maskedCrc32c(data: Uint8Array): number {
  const crc = crc32c.buf(data, 0) >>> 0;
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

/** `data` is a view valid only during the call; `record` counts from 1. */
export type RecordHandler = (data: Buffer, record: number) => void;

export interface RecordsRead {
  records: number;
  /** Bytes after the last complete record: a writer still writing, not an error. */
  bytesLeftOver: number;
}

export async function readRecords(file: string, ctx: ImportContext | null, onRecord: RecordHandler, maxRecords = Infinity): Promise<RecordsRead> {
  let carry: Buffer | null = null;
  let record = 0;
  for await (const block of fileBlocks(file)) {
    const buf: Buffer = carry ? Buffer.concat([carry, block]) : block;
    let pos = 0;
    const before = record;
    while (buf.length - pos >= HEADER && record < maxRecords) {
      const length = recordLength(file, buf, pos, record + 1);
      if (buf.length - pos < HEADER + length + FOOTER) break;
      record++;
      const data = buf.subarray(pos + HEADER, pos + HEADER + length);
      if (maskedCrc32c(data) !== buf.readUInt32LE(pos + HEADER + length)) throw new ImportError(file, { record }, 'CRC mismatch: the record is corrupt');
      onRecord(data, record);
      pos += HEADER + length + FOOTER;
    }
    if (record >= maxRecords) return { records: record, bytesLeftOver: 0 };
    // The block buffer is reused by the next read: keep the unfinished record as a copy.
    carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    ctx?.advance(block.length, record - before);
  }
  return { records: record, bytesLeftOver: carry?.length ?? 0 };
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

/** Whether bytes begin with a valid TFRecord header (content-based detection). */
export function looksLikeTfRecord(head: Buffer): boolean {
  return head.length >= HEADER && maskedCrc32c(head.subarray(0, 8)) === head.readUInt32LE(8);
}
