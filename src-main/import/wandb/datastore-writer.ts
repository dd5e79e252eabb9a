// Writes .wandb files for tests, chunk for chunk as W&B's datastore.py writes them (_write_header,
// _write_data, _write_record: wandb/wandb @ 0552ec8af248f0262189043718fead1d68affdab). The sample
// test re-writes the records of a real W&B file with it and gets the same bytes back, so the tests
// built on it exercise the reader with W&B's own layout (padding, FIRST/MIDDLE/LAST across blocks).
import { chunkChecksum } from './datastore';
import { RecordType } from './record-proto';

const BLOCK = 32 * 1024;
const HEADER = 7;

export function wandbHeader(magic = 0xbee1, version = 0): Buffer {
  const header = Buffer.alloc(HEADER);
  header.write(':W&B', 0, 'latin1');
  header.writeUInt16LE(magic, 4);
  header.writeUInt8(version, 6);
  return header;
}

/** A .wandb file of these record payloads; `at[i]` is the offset where record i starts. */
export function wandbFile(records: Uint8Array[], header = wandbHeader()): { bytes: Buffer; at: number[] } {
  const out: Buffer[] = [header];
  let index = header.length;
  const at: number[] = [];
  const chunk = (type: number, data: Uint8Array) => {
    const head = Buffer.alloc(HEADER);
    head.writeUInt32LE(chunkChecksum(type, data), 0);
    head.writeUInt16LE(data.length, 4);
    head.writeUInt8(type, 6);
    out.push(head, Buffer.from(data));
    index += HEADER + data.length;
  };
  for (const data of records) {
    let space = BLOCK - (index % BLOCK);
    if (space < HEADER) {
      out.push(Buffer.alloc(space));
      index += space;
      space = BLOCK;
    }
    at.push(index);
    if (data.length + HEADER <= space) {
      chunk(1, data);
      continue;
    }
    let used = space - HEADER;
    chunk(2, data.subarray(0, used));
    while (data.length - used > BLOCK - HEADER) {
      chunk(3, data.subarray(used, used + BLOCK - HEADER));
      used += BLOCK - HEADER;
    }
    chunk(4, data.subarray(used));
  }
  return { bytes: Buffer.concat(out), at };
}

/** A Record message from a plain object with the .proto's field names. */
export function record(fields: Record<string, unknown>): Uint8Array {
  return RecordType.encode(RecordType.fromObject(fields)).finish();
}

export function historyRecord(step: number, values: Record<string, unknown>): Uint8Array {
  const item = [{ key: '_step', value_json: String(step) }, ...Object.entries(values).map(([key, v]) => ({ key, value_json: JSON.stringify(v) }))];
  return record({ history: { item } });
}
