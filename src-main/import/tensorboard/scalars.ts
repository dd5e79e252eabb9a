// The scalar in a summary value: TF1/tensorboardX/torch write `simple_value`; TF2 writes a scalar
// `tensor` (float, double or half; in the typed *_val fields or as raw `tensor_content`).
import { toNumber } from '../proto-schema';
import type { TensorMessage, ValueMessage } from './event-proto';

// tensorflow/core/framework/types.proto
const DT_FLOAT = 1;
const DT_DOUBLE = 2;
const DT_HALF = 19;
const DT_BFLOAT16 = 14;

/** IEEE 754 binary16 bits to a number. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function bfloat16ToNumber(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, (bits & 0xffff) << 16);
  return view.getFloat32(0);
}

function isScalar(tensor: TensorMessage): boolean {
  const dims = tensor.tensor_shape?.dim ?? [];
  return dims.every((d) => toNumber(d.size) === 1);
}

function fromContent(dtype: number, content: Uint8Array): number | undefined {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  if (dtype === DT_FLOAT && content.length === 4) return view.getFloat32(0, true);
  if (dtype === DT_DOUBLE && content.length === 8) return view.getFloat64(0, true);
  if (dtype === DT_HALF && content.length === 2) return halfToNumber(view.getUint16(0, true));
  if (dtype === DT_BFLOAT16 && content.length === 2) return bfloat16ToNumber(view.getUint16(0, true));
  return undefined;
}

function tensorScalar(tensor: TensorMessage): number | undefined {
  if (!isScalar(tensor)) return undefined;
  if (tensor.tensor_content.length > 0) return fromContent(tensor.dtype, tensor.tensor_content);
  if (tensor.dtype === DT_FLOAT && tensor.float_val.length === 1) return tensor.float_val[0];
  if (tensor.dtype === DT_DOUBLE && tensor.double_val.length === 1) return tensor.double_val[0];
  if (tensor.dtype === DT_HALF && tensor.half_val.length === 1) return halfToNumber(tensor.half_val[0]!);
  if (tensor.dtype === DT_BFLOAT16 && tensor.half_val.length === 1) return bfloat16ToNumber(tensor.half_val[0]!);
  return undefined;
}

/**
 * The value's scalar, or undefined when it is something else (text, histogram, image, graph).
 * TF2 writes the plugin name only in a tag's first event, so the caller remembers it per tag.
 */
export function scalarOf(value: ValueMessage, plugin: string | undefined): number | undefined {
  if (value.value === 'simple_value') return value.simple_value;
  if (value.value !== 'tensor' || !value.tensor) return undefined;
  if (plugin && plugin !== 'scalars') return undefined;
  return tensorScalar(value.tensor);
}
