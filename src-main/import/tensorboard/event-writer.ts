// Writes event files as torch's SummaryWriter does: for the tests (corrupt records, half-written
// files) and the bench (a million events). The app itself never writes event files.
import { EventType } from './event-proto';
import { maskedCrc32c } from './tfrecord';

/** One TFRecord: length, masked CRC of the length, data, masked CRC of the data. */
export function tfRecord(data: Uint8Array): Buffer {
  const out = Buffer.alloc(16 + data.length);
  out.writeBigUInt64LE(BigInt(data.length), 0);
  out.writeUInt32LE(maskedCrc32c(out.subarray(0, 8)), 8);
  out.set(data, 12);
  out.writeUInt32LE(maskedCrc32c(data), 12 + data.length);
  return out;
}

export function versionEvent(): Uint8Array {
  return EventType.encode(EventType.fromObject({ wall_time: 1.7e9, file_version: 'brain.Event:2' })).finish();
}

export function scalarEvent(step: number, tag: string, value: number, wallTime = 1.7e9 + step): Uint8Array {
  return EventType.encode(EventType.fromObject({ wall_time: wallTime, step, summary: { value: [{ tag, simple_value: value }] } })).finish();
}

/** A TF2-style scalar: a float32 tensor in tensor_content, plugin "scalars" named in the metadata. */
export function tensorEvent(step: number, tag: string, value: number): Uint8Array {
  const content = Buffer.alloc(4);
  content.writeFloatLE(value);
  return EventType.encode(
    EventType.fromObject({
      wall_time: 1.7e9 + step,
      step,
      summary: { value: [{ tag, metadata: { plugin_data: { plugin_name: 'scalars' } }, tensor: { dtype: 1, tensor_shape: {}, tensor_content: content } }] },
    }),
  ).finish();
}
