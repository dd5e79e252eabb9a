// The protobuf schemas the importers decode live as .proto files beside their readers
// (tensorboard/event.proto, tensorboard/hparams.proto, wandb/record.proto), each citing the
// upstream schema it copies field numbers from. A reader names its file relative to itself; the
// bundle (scripts/build.mjs) copies every .proto beside its chunks, where import.meta.url points.
// Their messages look alike line for line (a type, a name and a field number), yet each is its
// own upstream message with its own numbers: nothing in them is one fact written twice.
import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs';

/** An int64 field as protobufjs gives it when it does not fit a double exactly (a Long). */
export interface LongLike {
  toNumber(): number;
}

/** An int64 field's value as a number. */
export function toNumber(n: number | LongLike): number {
  return typeof n === 'number' ? n : n.toNumber();
}

/** The message types of the .proto file at `url`, field names as written (snake_case). */
export function loadSchema(url: URL): protobuf.Root {
  return protobuf.parse(readFileSync(url, 'utf8'), { keepCase: true }).root;
}
