// compile: a parsed spec to its Curve, through its kind's definition (spec.ts). Cached per spec
// object, so a preview that evaluates the same spec at every frame builds it once.
import type { Curve } from './curve';
import { kindOf, type ScheduleSpec } from './spec';

const cache = new WeakMap<object, Curve>();

export function compile(spec: ScheduleSpec): Curve {
  let curve = cache.get(spec);
  if (!curve) {
    curve = kindOf(spec).curve(spec, (nested) => compile(nested as ScheduleSpec));
    cache.set(spec, curve);
  }
  return curve;
}

/** Drawn as a staircase (flat between jumps), never as a slope: the kind says, from the spec. */
export function isStepped(spec: ScheduleSpec): boolean {
  return kindOf(spec).stepped(spec);
}
