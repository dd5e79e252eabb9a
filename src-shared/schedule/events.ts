// events: restarts, drops, warmup ends and phase changes, at the first step with the new value
// exactly as the evaluated curve has it. Each schedule finds its own candidates with its own
// index function (float32 rounding included) in time proportional to their number, with the
// rates on both sides; collect() keeps a restart or a drop only where the rate changes.
import { compile } from './compile';
import { collect, type EventKind, type ScheduleEvent } from './curve';
import type { ScheduleSpec } from './spec';

/** Events with fromStep <= step < toStep, in step order. */
export function events(spec: ScheduleSpec, fromStep: number, toStep: number): ScheduleEvent[] {
  const curve = compile(spec);
  const lowest = curve.negativeSteps ? -Number.MAX_SAFE_INTEGER : 0;
  if (!Number.isSafeInteger(fromStep) || !Number.isSafeInteger(toStep) || fromStep < lowest || toStep < fromStep) {
    throw new RangeError(`steps must be integers with ${lowest} <= fromStep <= toStep, got ${fromStep}..${toStep}`);
  }
  const out: ScheduleEvent[] = [];
  curve.marks(fromStep, toStep, collect(out));
  return out;
}

/** The word for each kind of event: every view (charts, tables, compare, designer, CLI) names events through this. */
export const EVENT_WORDS: Readonly<Record<EventKind, string>> = {
  restart: 'restart',
  drop: 'drop',
  rise: 'rise',
  warmup_end: 'warmup end',
  phase: 'phase',
};

/** "restart 3", "drop 2", "rise 1", "warmup end" (there is one warmup end). */
export function eventName(e: ScheduleEvent): string {
  return e.kind === 'warmup_end' ? EVENT_WORDS.warmup_end : `${EVENT_WORDS[e.kind]} ${e.index}`;
}

/** Events where the rate jumps (restart, drop, rise), as opposed to a warmup end or phase change. */
export function isRateJump(kind: EventKind): boolean {
  return kind === 'restart' || kind === 'drop' || kind === 'rise';
}
