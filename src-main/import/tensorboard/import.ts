// TensorBoard event files into a run: every scalar tag becomes a metric.
import type { ImportContext } from '../context';
import { ImportError } from '../errors';
import type { MetricWriter, RunWriter } from '../run-writer';
import { decodeEvent, type EventMessage } from './event-proto';
import { toNumber } from '../proto-schema';
import { collectHparams } from './hparams';
import { scalarOf } from './scalars';
import { readRecords, type RecordsRead } from './tfrecord';
import { isStep, notAStep } from '../steps';
import { newClockState, takeClockPoint, TENSORBOARD_CLOCK } from '../clock';

/** Tags of one run, kept across its files (TF2 names a tag's plugin only in its first event). */
export class TagTable {
  readonly plugins = new Map<string, string>();
  readonly writers = new Map<string, MetricWriter | null>();

  constructor(private readonly run: RunWriter | null) {}

  /**
   * Calls `onScalar` for each scalar of the event; returns how many there were. Only events with
   * scalars stamp the run's clock: Keras writes its profile trace ("batch_2") at a batch step
   * during epoch 0, while its scalars' steps are epochs.
   */
  scalars(event: EventMessage, onScalar: (tag: string, value: number) => void): number {
    let count = 0;
    for (const value of event.summary?.value ?? []) {
      const plugin = value.metadata?.plugin_data?.plugin_name;
      if (plugin) this.plugins.set(value.tag, plugin);
      const scalar = scalarOf(value, this.plugins.get(value.tag));
      if (scalar === undefined) continue;
      onScalar(value.tag, scalar);
      count++;
    }
    return count;
  }

  writer(tag: string, file?: string, record?: number): MetricWriter | null {
    let writer = this.writers.get(tag);
    if (writer === undefined) {
      writer = this.run!.metric(tag, file, record === undefined ? null : { record });
      this.writers.set(tag, writer);
    }
    return writer;
  }
}

export function decode(file: string, data: Buffer, record: number): EventMessage {
  try {
    return decodeEvent(data);
  } catch (err) {
    throw new ImportError(file, { record }, `not an Event protobuf (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The run's event files, in name order (the name starts with the creation time), into one run. */
export async function importEventFiles(files: string[], run: RunWriter, ctx: ImportContext): Promise<void> {
  const tags = new TagTable(run);
  const clock = newClockState();
  let clockWriter: MetricWriter | null | undefined;
  let leftOver = 0;
  for (const file of files) {
    const read: RecordsRead = await readRecords(file, ctx, (data, record) => {
      const event = decode(file, data, record);
      if (!event.summary) return;
      const step = toNumber(event.step);
      if (!isStep(step)) throw new ImportError(file, { record }, notAStep(String(step)));
      const scalars = tags.scalars(event, (tag, value) => tags.writer(tag, file, record)?.add(step, value));
      collectHparams(event.summary.value, run.params, file, { record });
      if (scalars > 0 && takeClockPoint(clock, step)) (clockWriter ??= run.metric(TENSORBOARD_CLOCK, file, { record }))?.add(step, event.wall_time);
    });
    leftOver += read.bytesLeftOver;
    if (read.tail) run.leftOut.push(tailText(file, read));
  }
  run.bytesLeftOver = leftOver;
  if (tags.writers.size === 0) {
    if (run.leftOut.length > 0) throw new ImportError(files.length === 1 ? files[0]! : files.join(', '), null, `no complete scalar record before the unfinished one (${run.leftOut.join('; ')})`);
    throw new ImportError(files.length === 1 ? files[0]! : files.join(', '), null, 'no scalar summaries in these event files');
  }
}

/** The unfinished record at the end of a file, in the user's words. */
function tailText(file: string, read: RecordsRead): string {
  const { record, offset, declaredLength } = read.tail!;
  const why =
    declaredLength === null
      ? `the last ${read.bytesLeftOver} bytes are an unfinished record`
      : `declares ${declaredLength} bytes of data but the file ends ${Math.max(0, read.bytesLeftOver - 12)} bytes after its header (a cut file or a corrupt length)`;
  return `${file}: record ${record} at byte ${offset}: ${why}; not imported`;
}
