// Helpers for the schedule tests (not part of the engine's API).
import { expect } from 'vitest';
import { parseSpec } from './validate';
import type { ScheduleSpec, ScheduleSpecInput } from './spec';

export function spec(input: ScheduleSpecInput): ScheduleSpec {
  const r = parseSpec(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.spec;
}

/** numpy's assert_allclose as TF's assertAllClose(a, b, rtol) calls it: |a - b| <= atol + rtol * |b|, atol = 1e-6. */
export function expectClose(actual: number, expected: number, rtol = 1e-6, atol = 1e-6): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(atol + rtol * Math.abs(expected));
}

export function float32Bits(x: number): number {
  const b = new Float32Array([x]);
  return new Uint32Array(b.buffer)[0];
}
