// TensorBoard event files read a record at a time as the writer flushes them. A record that is
// only partly on disk waits for the rest; a corrupt one stops the reading of that file at it
// (the folder's status names the file and record) while everything before it stays stored.
import { takeClockPoint, TENSORBOARD_CLOCK, type StepClockState } from '../import/clock';
import { ImportError } from '../import/errors';
import { collectHparams } from '../import/tensorboard/hparams';
import { decode, TagTable } from '../import/tensorboard/import';
import { toNumber } from '../import/proto-schema';
import { maskedCrc32c } from '../import/tensorboard/tfrecord';
import type { PointBatch } from './batch';

const HEADER = 12;
const FOOTER = 4;
const MAX_RECORD = 1 << 30;

export interface RecordsRead {
  consumed: number;
  records: number;
  /** Bytes of a record not yet completely written. */
  partial: number;
  error: ImportError | null;
}

/**
 * The complete records of `buf` (the bytes of `file` from a record boundary on) into `batch`.
 * `plugins` is the run's tag → plugin table (TF2 names a tag's plugin only in its first event),
 * kept across files and reads; so is `clock`, the state of the run's wall_time series.
 */
export function readEventRecords(file: string, buf: Buffer, firstRecord: number, plugins: Record<string, string>, batch: PointBatch, clock: StepClockState): RecordsRead {
  const tags = new TagTable(null);
  for (const [tag, plugin] of Object.entries(plugins)) tags.plugins.set(tag, plugin);
  let pos = 0;
  let record = firstRecord;
  let error: ImportError | null = null;
  while (buf.length - pos >= HEADER) {
    if (maskedCrc32c(buf.subarray(pos, pos + 8)) !== buf.readUInt32LE(pos + 8)) {
      error = new ImportError(file, { record: record + 1 }, 'CRC mismatch in the record length: a corrupt record');
      break;
    }
    const length = Number(buf.readBigUInt64LE(pos));
    if (length > MAX_RECORD) {
      error = new ImportError(file, { record: record + 1 }, `a record of ${length} bytes is not plausible`);
      break;
    }
    if (buf.length - pos < HEADER + length + FOOTER) break; // the writer has not flushed it all yet
    const data = buf.subarray(pos + HEADER, pos + HEADER + length);
    if (maskedCrc32c(data) !== buf.readUInt32LE(pos + HEADER + length)) {
      error = new ImportError(file, { record: record + 1 }, 'CRC mismatch: the record is corrupt');
      break;
    }
    try {
      const event = decode(file, data, record + 1);
      if (event.summary) {
        const step = toNumber(event.step);
        const scalars = tags.scalars(event, (tag, value) => batch.add(tag, step, value));
        // The import's rule (import/clock.ts), with its state kept across reads by the caller.
        if (scalars > 0 && takeClockPoint(clock, step)) batch.add(TENSORBOARD_CLOCK, step, event.wall_time);
        collectHparams(event.summary.value, batch.params, file, { record: record + 1 });
      }
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      error = err;
      break;
    }
    record++;
    pos += HEADER + length + FOOTER;
  }
  for (const [tag, plugin] of tags.plugins) plugins[tag] = plugin;
  return { consumed: pos, records: record - firstRecord, partial: error ? 0 : buf.length - pos, error };
}
