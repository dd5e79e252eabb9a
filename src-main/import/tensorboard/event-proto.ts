// The parts of TensorFlow's Event protobuf that carry scalars, with TensorFlow's field numbers
// (tensorflow/core/util/event.proto, core/framework/summary.proto, tensor.proto,
// tensor_shape.proto). Fields left out (graph_def, images, histograms, audio, run metadata…)
// are skipped by the decoder as unknown fields, without being decoded.
import { loadSchema, type LongLike } from '../proto-schema';

const root = loadSchema(new URL('./event.proto', import.meta.url));
export const EventType = root.lookupType('tensorflow.Event');

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
