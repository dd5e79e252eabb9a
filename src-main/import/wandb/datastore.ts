// W&B's run log (`run-<id>.wandb`): a LevelDB-style log (leveldb doc/log_format.md) behind a
// 7-byte file header, as W&B's wandb/sdk/internal/datastore.py writes it (wandb/wandb @
// 0552ec8af248f0262189043718fead1d68affdab). wandb-core's Go writer (core/pkg/leveldb with
// CRCAlgoIEEE) lays files out the same way: the wandb 0.19.8 files in fixtures/ read so.
//   header := ":W&B" | uint16 LE magic 0xBEE1 | uint8 version (0; wandb-core's transactionlog
//             announces 1 for rows that no longer carry `_step`: read as well)
//   the file is cut in 32 KiB blocks, counted from the start of the file (header included);
//   chunk  := uint32 LE checksum | uint16 LE length | uint8 type (FULL, FIRST, MIDDLE, LAST) | data
//   checksum = zlib.crc32(data, zlib.crc32(bytes([type]))): plain CRC-32 (IEEE) of the type byte
//              then the data, unmasked (LevelDB itself uses a masked CRC-32C; W&B does not);
//   a block whose remaining space is shorter than a chunk header is padded with zero bytes.
// A record (one protobuf `Record`) is one FULL chunk, or FIRST, MIDDLE…, LAST across blocks.
import CRC32 from 'crc-32';
import type { ImportContext } from '../context';
import { ImportError } from '../errors';
import { fileBlocks } from '../file-blocks';

export const FILE_HEADER = 7;
const CHUNK_HEADER = 7;
const BLOCK = 32 * 1024;
const MAGIC = 0xbee1;
const VERSIONS = [0, 1];
/** W&B's records are history rows, configs, console lines: far below this. A bigger one is corruption, refused before it fills memory. */
export const MAX_RECORD = 256 << 20;

const FULL = 1;
const FIRST = 2;
const MIDDLE = 3;
const LAST = 4;

/** The type byte's CRC, the seed of each chunk's checksum (datastore.py's `self._crc`). */
const TYPE_CRC = [0, 1, 2, 3, 4].map((t) => CRC32.buf([t]));

export function chunkChecksum(type: number, data: Uint8Array): number {
  return CRC32.buf(data, TYPE_CRC[type]) >>> 0;
}

/** Whether bytes begin with the W&B log header (content-based detection). */
export function looksLikeWandbLog(head: Buffer): boolean {
  return head.length >= FILE_HEADER && head.toString('latin1', 0, 4) === ':W&B';
}

function checkHeader(file: string, head: Buffer): void {
  if (head.length < FILE_HEADER) throw new ImportError(file, null, `only ${head.length} bytes: too short for the 7-byte W&B header`);
  if (head.toString('latin1', 0, 4) !== ':W&B') throw new ImportError(file, null, 'not a W&B run log: the file does not start with ":W&B"');
  const magic = head.readUInt16LE(4);
  if (magic !== MAGIC) throw new ImportError(file, null, `bad W&B header: magic 0x${magic.toString(16)} instead of 0xbee1`);
  const version = head.readUInt8(6);
  if (!VERSIONS.includes(version)) throw new ImportError(file, null, `W&B log format version ${version} is not supported (lrscope reads versions ${VERSIONS.join(' and ')})`);
}

/** `data` is valid only during the call; `record` counts from 1; `offset` is where its first chunk starts. */
export type WandbRecordHandler = (data: Buffer, record: number, offset: number) => void;

export interface WandbRecordsRead {
  records: number;
  /** Bytes after the last complete record: a run still writing, or killed mid-write. */
  bytesLeftOver: number;
  version: number;
}

/** Reassembles records from chunks, checking each chunk as datastore.py's scan_data does. */
class Chunks {
  private parts: Buffer[] = [];
  private size = 0;
  private start = -1;
  record = 0;

  constructor(
    private readonly file: string,
    private readonly onRecord: WandbRecordHandler,
  ) {}

  get pendingFrom(): number {
    return this.start;
  }

  chunk(type: number, data: Buffer, offset: number): void {
    const where = (what: string) => new ImportError(this.file, { record: this.record + 1 }, `at byte ${offset}: ${what}`);
    if (type === FULL || type === FIRST) {
      if (this.start >= 0) throw where(`a new record starts before the record begun at byte ${this.start} ended`);
      if (type === FULL) return this.emit(data, offset);
      this.start = offset;
      this.parts = [Buffer.from(data)];
      this.size = data.length;
      return;
    }
    if (type !== MIDDLE && type !== LAST) throw where(`chunk type ${type} is not FULL, FIRST, MIDDLE or LAST`);
    if (this.start < 0) throw where(`a ${type === LAST ? 'LAST' : 'MIDDLE'} chunk without a FIRST chunk before it`);
    this.size += data.length;
    if (this.size > MAX_RECORD) throw where(`the record begun at byte ${this.start} is over ${MAX_RECORD >> 20} MiB: the file is corrupt`);
    this.parts.push(Buffer.from(data));
    if (type === MIDDLE) return;
    const start = this.start;
    this.start = -1;
    this.emit(Buffer.concat(this.parts), start);
    this.parts = [];
  }

  private emit(data: Buffer, offset: number): void {
    this.record++;
    this.onRecord(data, this.record, offset);
  }
}

/**
 * Reads a .wandb file block by block (memory stays bounded whatever the size). A chunk cut by the
 * end of the file, or a record whose LAST chunk is missing, is a run still being written: it is
 * counted in `bytesLeftOver`, not an error. A complete chunk that fails its checksum, bad padding
 * or a chunk that overruns its block is corruption: an error naming the record and the byte offset.
 */
export async function readWandbRecords(file: string, ctx: ImportContext | null, onRecord: WandbRecordHandler, maxRecords = Infinity): Promise<WandbRecordsRead> {
  const chunks = new Chunks(file, onRecord);
  let carry: Buffer | null = null;
  let carryAt = 0; // file offset of carry's (or the block's) first byte
  let version = -1;
  for await (const block of fileBlocks(file)) {
    const buf: Buffer = carry ? Buffer.concat([carry, block]) : block;
    const base = carryAt;
    let pos = 0;
    const before = chunks.record;
    if (version < 0) {
      if (buf.length < FILE_HEADER) {
        carry = Buffer.from(buf);
        continue;
      }
      checkHeader(file, buf);
      version = buf.readUInt8(6);
      pos = FILE_HEADER;
    }
    while (chunks.record < maxRecords) {
      const at = base + pos;
      const space = BLOCK - (at % BLOCK);
      if (space < CHUNK_HEADER) {
        if (buf.length - pos < space) break;
        for (let i = 0; i < space; i++) {
          if (buf[pos + i] !== 0) throw new ImportError(file, { record: chunks.record + 1 }, `at byte ${at + i}: the padding at the end of a 32 KiB block is not zero`);
        }
        pos += space;
        continue;
      }
      if (buf.length - pos < CHUNK_HEADER) break;
      const checksum = buf.readUInt32LE(pos);
      const length = buf.readUInt16LE(pos + 4);
      const type = buf.readUInt8(pos + 6);
      if (CHUNK_HEADER + length > space) {
        throw new ImportError(file, { record: chunks.record + 1 }, `at byte ${at}: a chunk of ${length} bytes overruns its 32 KiB block: the file is corrupt`);
      }
      if (buf.length - pos < CHUNK_HEADER + length) break;
      const data = buf.subarray(pos + CHUNK_HEADER, pos + CHUNK_HEADER + length);
      if (type < FULL || type > LAST) {
        throw new ImportError(file, { record: chunks.record + 1 }, `at byte ${at}: chunk type ${type} is not FULL, FIRST, MIDDLE or LAST: the file is corrupt`);
      }
      if (chunkChecksum(type, data) !== checksum) {
        throw new ImportError(file, { record: chunks.record + 1 }, `at byte ${at}: checksum mismatch: the record is corrupt`);
      }
      chunks.chunk(type, data, at);
      pos += CHUNK_HEADER + length;
    }
    if (chunks.record >= maxRecords) return { records: chunks.record, bytesLeftOver: 0, version };
    // The block buffer is reused by the next read: keep the unfinished chunk as a copy.
    carry = pos < buf.length ? Buffer.from(buf.subarray(pos)) : null;
    carryAt = base + pos;
    ctx?.advance(block.length, chunks.record - before);
  }
  // An empty file is a run that died before W&B wrote anything (like TensorBoard's empty event files).
  if (version < 0 && !carry) return { records: 0, bytesLeftOver: 0, version };
  if (version < 0) checkHeader(file, carry!);
  const pending = chunks.pendingFrom;
  const end = carryAt + (carry?.length ?? 0);
  return { records: chunks.record, bytesLeftOver: end - (pending >= 0 ? pending : carryAt), version };
}
