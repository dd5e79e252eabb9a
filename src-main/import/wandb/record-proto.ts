// The parts of W&B's `Record` protobuf that carry a run's history, config, summary, identity and
// exit, copied with W&B's own field numbers from wandb/proto/wandb_internal.proto (wandb/wandb @
// 002430531f571428d5376927044b01d99fdf78b7, the wandb 0.14/0.15 schema). These messages and their
// numbers are unchanged from the first .wandb files (wandb 0.10, 2020) to wandb-core's (0.19+):
// W&B marks the Record as "Persistent on disk data (BE CAREFUL)", so it only ever adds fields.
// Everything left out (console output, system stats, files, telemetry, artifacts, requests…) is
// skipped by the decoder as unknown fields, without being decoded.
import protobuf from 'protobufjs';

const PROTO = `
syntax = "proto3";
package wandb_internal;

message Record {
  int64 num = 1;
  oneof record_type {
    HistoryRecord history = 2;
    SummaryRecord summary = 3;
    ConfigRecord config = 5;
    RunRecord run = 17;
    RunExitRecord exit = 18;
  }
  string uuid = 19;
}

message Timestamp {
  int64 seconds = 1;
  int32 nanos = 2;
}

message RunRecord {
  string run_id = 1;
  string entity = 2;
  string project = 3;
  ConfigRecord config = 4;
  SummaryRecord summary = 5;
  string run_group = 6;
  string job_type = 7;
  string display_name = 8;
  string notes = 9;
  repeated string tags = 10;
  string sweep_id = 12;
  string host = 13;
  int64 starting_step = 14;
  Timestamp start_time = 17;
  bool resumed = 18;
  int32 runtime = 20;
  GitRepoRecord git = 21;
}

message GitRepoRecord {
  string remote_url = 1;
  string commit = 2;
}

message RunExitRecord {
  int32 exit_code = 1;
  int32 runtime = 2;
}

message HistoryStep {
  int64 num = 1;
}

message HistoryRecord {
  repeated HistoryItem item = 1;
  HistoryStep step = 2;
}

message HistoryItem {
  string key = 1;
  repeated string nested_key = 2;
  string value_json = 16;
}

message ConfigRecord {
  repeated ConfigItem update = 1;
  repeated ConfigItem remove = 2;
}

message ConfigItem {
  string key = 1;
  repeated string nested_key = 2;
  string value_json = 16;
}

message SummaryRecord {
  repeated SummaryItem update = 1;
  repeated SummaryItem remove = 2;
}

message SummaryItem {
  string key = 1;
  repeated string nested_key = 2;
  string value_json = 16;
}
`;

const root = protobuf.parse(PROTO, { keepCase: true }).root;
export const RecordType = root.lookupType('wandb_internal.Record');

export interface LongLike {
  toNumber(): number;
}

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

export function toNumber(n: number | LongLike): number {
  return typeof n === 'number' ? n : n.toNumber();
}
