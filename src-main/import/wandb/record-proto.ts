// The parts of W&B's `Record` protobuf that carry a run's history, config, summary, identity and
// exit, copied with W&B's own field numbers from wandb/proto/wandb_internal.proto (wandb/wandb @
// 002430531f571428d5376927044b01d99fdf78b7, the wandb 0.14/0.15 schema). These messages and their
// numbers are unchanged from the first .wandb files (wandb 0.10, 2020) to wandb-core's (0.19+):
// W&B marks the Record as "Persistent on disk data (BE CAREFUL)", so it only ever adds fields.
// Everything left out (console output, system stats, files, telemetry, artifacts, requests…) is
// skipped by the decoder as unknown fields, without being decoded.
import { loadSchema, type LongLike } from '../proto-schema';

const root = loadSchema(new URL('./record.proto', import.meta.url));
export const RecordType = root.lookupType('wandb_internal.Record');

/** History, config and summary items share one shape. */
export interface ItemMessage {
  key: string;
  nested_key: string[];
  value_json: string;
}

export interface ItemsMessage {
  update: ItemMessage[];
  remove: ItemMessage[];
}

export interface RunMessage {
  run_id: string;
  entity: string;
  project: string;
  config?: ItemsMessage;
  summary?: ItemsMessage;
  run_group: string;
  job_type: string;
  display_name: string;
  notes: string;
  tags: string[];
  sweep_id: string;
  host: string;
  starting_step: number | LongLike;
  start_time?: { seconds: number | LongLike; nanos: number };
  resumed: boolean;
  git?: { remote_url: string; commit: string };
}

export interface RecordMessage {
  num: number | LongLike;
  record_type?: 'history' | 'summary' | 'config' | 'run' | 'exit';
  history?: { item: ItemMessage[]; step?: { num: number | LongLike } };
  summary?: ItemsMessage;
  config?: ItemsMessage;
  run?: RunMessage;
  exit?: { exit_code: number; runtime: number };
}

export function decodeRecord(data: Uint8Array): RecordMessage {
  return RecordType.decode(data) as unknown as RecordMessage;
}
