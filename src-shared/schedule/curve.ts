// The compiled form of a spec: what evaluate, events and describeStep run on.

/** `rise`: a stair or boundary where the rate goes up (piecewise 0.01 → 0.03, gamma > 1); the curves mark those as drops and events() names them by the rates. */
export type EventKind = 'restart' | 'drop' | 'rise' | 'warmup_end' | 'phase';

export interface ScheduleEvent {
  /** First step with the new value (or the new phase). */
  step: number;
  kind: EventKind;
  lrBefore: number;
  lrAfter: number;
  /** Restart number, stair number, phase number, milestone number: counted from 1. */
  index: number;
}

export type Out = Float64Array | Float32Array;

/**
 * Receives a candidate event with the rates either side, lrBefore = at(step - 1) and
 * lrAfter = at(step) bit for bit (lrBefore = lrAfter at step 0); events() drops restarts and
 * drops that do not change the rate. Curves with many events compute the rates from what the
 * search already knows (the span index, constants of the span) instead of calling at() twice.
 */
export type Mark = (step: number, kind: EventKind, index: number, lrBefore: number, lrAfter: number) => void;

export interface Curve {
  /** The rate at one integer step >= 0: the straightforward port, one rounding per operation. */
  at(step: number): number;
  /** out[offset + i] = at(from + i) for 0 <= i < to - from: the fast path (same values, bit for bit). */
  fill(from: number, to: number, out: Out, offset: number): void;
  /** Candidate events with from <= step < to, in increasing step order, in time proportional to their number. */
  marks(from: number, to: number, mark: Mark): void;
  /**
   * Optional: a function equal to at() bit for bit, for many steps in a row (a preview's), that
   * may keep what neighbouring steps share (a period's constants) between calls.
   */
  sampler?(): (step: number) => number;
  /** Where in the schedule a step is, in the user's words. */
  describe(step: number): string;
  /**
   * Optional: at() and marks() hold for negative steps too, as the library computes them there
   * (TensorFlow's piecewise_constant takes any x; its own test evaluates it at -999).
   */
  negativeSteps?: boolean;
}

/** fill() for curves whose at() is already cheap. */
export function fillByAt(at: (s: number) => number, from: number, to: number, out: Out, offset: number): void {
  for (let s = from; s < to; s++) out[offset + s - from] = at(s);
}

export const noMarks = (): void => {};

/** Marks a single event (a warmup end, a phase change) with the rates from at(). */
export function markAt(at: (s: number) => number, step: number, kind: EventKind, index: number, mark: Mark): void {
  mark(step, kind, index, step > 0 ? at(step - 1) : at(step), at(step));
}

/**
 * The Mark that events() passes to a curve: keeps a restart or a drop only where the rate
 * changes, names a drop that raises the rate a rise, and pushes the event at step + shift.
 * Every such Mark is made here, and shiftMark() makes one of these for a nested curve rather
 * than a closure around the outer one: V8 inlines a call only while the function called comes
 * from one place in the source, so one wrapper made elsewhere (warmup, SequentialLR) made the
 * call of mark in every curve's loop an out-of-line call (~25 ns per event).
 */
export function collect(out: ScheduleEvent[], shift = 0): Mark {
  const mark: Mark = (step, kind, index, lrBefore, lrAfter) => {
    if ((kind === 'drop' || kind === 'restart') && lrBefore === lrAfter) return;
    // A stair or boundary that raises the rate is a rise: the curves only know where their index changes.
    const named = kind === 'drop' && lrAfter > lrBefore ? 'rise' : kind;
    out.push(new Event(step + shift, named, lrBefore, lrAfter, index));
  };
  // Where it collects, on the function itself: a WeakMap from marks to arrays kept each call's
  // events until a full GC (a 5–8 ms pause every few dozen calls).
  const sink: Collector = Object.assign(mark, { into: out, shift });
  return sink;
}

/** A Mark made by collect(), with where it collects. */
interface Collector extends Mark {
  readonly into: ScheduleEvent[];
  readonly shift: number;
}

const isCollector = (mark: Mark): mark is Collector => 'into' in mark;

/**
 * A ScheduleEvent made by a constructor, not an object literal: V8 tracks how long the objects
 * of a literal live and, seeing thousands of events survive a minor GC inside one events()
 * call, moves that literal's allocations to the old generation for good (allocation-site
 * pretenuring), after which each event cost ~50 ns more; a constructor has no such site.
 */
class Event implements ScheduleEvent {
  constructor(readonly step: number, readonly kind: EventKind, readonly lrBefore: number, readonly lrAfter: number, readonly index: number) {}
}

/** `mark` for a curve whose own step 0 is step `shift` of the curve marking through `mark`. */
export function shiftMark(mark: Mark, shift: number): Mark {
  if (isCollector(mark)) return collect(mark.into, mark.shift + shift);
  return (s, kind, index, before, after) => mark(s + shift, kind, index, before, after);
}

/** fn with its last result remembered: events ask for the rate of the same span twice (after one event, before the next). */
export function lastMemo<T>(fn: (i: number) => T): (i: number) => T {
  let key = NaN, value = undefined as T;
  return (i) => {
    if (i !== key) { value = fn(i); key = i; }
    return value;
  };
}

export function percent(fraction: number): string {
  return `${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)} %`;
}
