// The parts of TensorFlow's Event protobuf that carry scalars, with TensorFlow's field numbers
// (tensorflow/core/util/event.proto, core/framework/summary.proto, tensor.proto,
// tensor_shape.proto). Fields left out (graph_def, images, histograms, audio, run metadata…)
// are skipped by the decoder as unknown fields, without being decoded.
import protobuf from 'protobufjs';

const PROTO = `
syntax = "proto3";
package tensorflow;

message Event {
  double wall_time = 1;
  int64 step = 2;
  oneof what {
    string file_version = 3;
    Summary summary = 5;
  }
}

message Summary {
  message Value {
    string tag = 1;
    SummaryMetadata metadata = 9;
    oneof value {
      float simple_value = 2;
      TensorProto tensor = 8;
    }
  }
  repeated Value value = 1;
}

message SummaryMetadata {
  message PluginData {
    string plugin_name = 1;
    bytes content = 2;
  }
  PluginData plugin_data = 1;
}

message TensorProto {
  int32 dtype = 1;
  TensorShapeProto tensor_shape = 2;
  bytes tensor_content = 4;
  repeated int32 half_val = 13 [packed = true];
  repeated float float_val = 5 [packed = true];
  repeated double double_val = 6 [packed = true];
}

message TensorShapeProto {
  message Dim {
    int64 size = 1;
  }
  repeated Dim dim = 2;
}
`;

const root = protobuf.parse(PROTO, { keepCase: true }).root;
export const EventType = root.lookupType('tensorflow.Event');

export interface LongLike {
  toNumber(): number;
}

export interface TensorMessage {
  dtype: number;
  tensor_shape?: { dim?: { size: number | LongLike }[] };
  tensor_content: Uint8Array;
  half_val: number[];
  float_val: number[];
  double_val: number[];
}

export interface ValueMessage {
  tag: string;
  metadata?: { plugin_data?: { plugin_name: string; content?: Uint8Array } };
  value?: 'simple_value' | 'tensor';
  simple_value: number;
  tensor?: TensorMessage;
}

export interface EventMessage {
  wall_time: number;
  step: number | LongLike;
  summary?: { value: ValueMessage[] };
}

export function decodeEvent(data: Uint8Array): EventMessage {
  return EventType.decode(data) as unknown as EventMessage;
}

export function toNumber(n: number | LongLike): number {
  return typeof n === 'number' ? n : n.toNumber();
}
