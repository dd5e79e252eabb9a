// Spans: stretches of steps over which something is constant (a stair, a restart period, a
// polynomial cycle). Found with the schedule's own index function, so the span boundaries are
// exactly where the float32 arithmetic puts them, and then handled once per span. ("Span", not
// "run": a run is a training run everywhere else in lrscope.)
import { firstStepAtLeast } from './f32';
import type { Mark, EventKind } from './curve';

/** Index of the span a step is in; never decreases with the step. */
export type SpanIndex = (s: number) => number;

/**
 * Calls span(i, start, end) for each span intersecting [from, to): steps start <= s < end have index i.
 * guess(i) is the exact-arithmetic first step of span i.
 */
export function forEachSpan(index: SpanIndex, guess: (i: number) => number, from: number, to: number, span: (i: number, start: number, end: number) => void): void {
  let s = from;
  while (s < to) {
    const i = index(s);
    const end = Number.isFinite(i) ? firstStepAtLeast(index, i + 1, guess(i + 1), s + 1, to - 1) : to;
    span(i, s, end);
    s = end;
  }
}

/** The rate at step s, which is in span i: must equal the curve's at(s) bit for bit. */
export type SpanRate = (i: number, s: number) => number;

/**
 * The first step in [s, to) past span i, where index(s - 1) === i; `to` when there is none.
 * `guess` is where exact arithmetic puts it: mostly it is the step, and two index evaluations
 * confirm it (guess - 1 is still in span i, guess is past it); otherwise search.
 */
export function nextSpanStart(index: SpanIndex, i: number, guess: number, s: number, to: number): number {
  const g = Math.round(guess);
  if (g >= s && g < to && index(g - 1) === i && index(g) > i) return g;
  return Math.min(to, firstStepAtLeast(index, i + 1, guess, s, to - 1));
}

/**
 * Marks the first step of every span that starts in [max(from, 1), to), numbered index(step) - first,
 * with rate(index(step - 1), step - 1) before and rate(index(step), step) after.
 */
export function markSpans(index: SpanIndex, guess: (i: number) => number, rate: SpanRate, kind: EventKind, first: number, from: number, to: number, mark: Mark): void {
  if (to <= Math.max(from, 1)) return;
  let s = Math.max(from, 1);
  let i = index(s - 1);
  while (s < to && Number.isFinite(i)) {
    const next = nextSpanStart(index, i, guess(i + 1), s, to);
    if (next >= to) return;
    const after = index(next);
    // next - 1 is still in span i: next is the first step past it.
    mark(next, kind, after - first, rate(i, next - 1), rate(after, next));
    i = after;
    s = next + 1;
  }
}

/** The stair of step s, floor(s / D): with TensorFlow's float32 roundings when f32 (D a float32 then). */
export function stairOf(s: number, D: number, f32: boolean): number {
  return f32 ? Math.floor(Math.fround(Math.fround(s) / D)) : Math.floor(s / D);
}

/**
 * markSpans for stairs (staircase decays, StepLR), whose rate depends on the stair alone.
 * stairOf is computed here rather than through an index callback, and the rate after one drop
 * is carried over as the rate before the next (a Math.pow in float64, most of the cost): every
 * kind's events go through this loop, and a callback per index evaluation would be a call V8
 * cannot inline (many kinds, one call site). `index` (the curve's own stairOf) only serves the
 * search when the guess i·D is off (fractional D, steps above 2^24 in float32).
 */
export function markStairs(D: number, f32: boolean, index: SpanIndex, rate: (i: number) => number, from: number, to: number, mark: Mark): void {
  let s = Math.max(from, 1);
  if (s >= to) return;
  let i = stairOf(s - 1, D, f32);
  let before = rate(i);
  for (;;) {
    let next = Math.ceil((i + 1) * D);
    if (!(next >= s && next < to && stairOf(next - 1, D, f32) === i && stairOf(next, D, f32) > i)) {
      next = firstStepAtLeast(index, i + 1, (i + 1) * D, s, to - 1);
      if (next >= to) return;
    }
    const after = stairOf(next, D, f32);
    const lr = rate(after);
    mark(next, 'drop', after, before, lr);
    i = after;
    before = lr;
    s = next + 1;
  }
}

/** Below this step, floor(s / D) in float64 is the exact floor for integer s and D (see markPowerStairs). */
const EXACT_STAIRS = 2 ** 50;

/**
 * markStairs for an integer period D in float64 whose stair i has the rate lr * gamma ** i
 * (StepLR, float64 staircase exponential_decay), as the curves' at() compute it. Stair i + 1
 * starts at (i + 1)·D exactly: below 2^50 the quotient s / D is off by less than 1/D, so
 * floor((i + 1)·D / D) = i + 1 and floor(((i + 1)·D - 1) / D) = i, and no division is needed
 * per event. The rate is computed here, not through a callback: the power is most of the cost
 * per event, and a callback that many kinds pass is one V8 cannot inline (its result is boxed).
 */
export function markPowerStairs(D: number, lr: number, gamma: number, index: SpanIndex, from: number, to: number, mark: Mark): void {
  const rate = (i: number) => lr * gamma ** i;
  if (!Number.isInteger(D) || D < 1) return markStairs(D, false, index, rate, from, to, mark);
  const s = Math.max(from, 1);
  if (s >= to) return;
  let i = Math.floor((s - 1) / D);
  let before = lr * gamma ** i;
  const last = Math.min(to, EXACT_STAIRS);
  for (let next = (i + 1) * D; next < last; next += D) {
    i++;
    const lr1 = lr * gamma ** i;
    mark(next, 'drop', i, before, lr1);
    before = lr1;
  }
  if (to > EXACT_STAIRS) markStairs(D, false, index, rate, Math.max(s, EXACT_STAIRS), to, mark);
}

/**
 * markSpans for an index that counts the entries of the non-decreasing `starts` that are <= s
 * (piecewise boundaries + 1, MultiStepLR milestones): walks the list instead of searching, and
 * marks each distinct start once, numbered by the count it reaches.
 */
export function markStarts(starts: readonly number[], rate: (i: number) => number, kind: EventKind, from: number, to: number, mark: Mark): void {
  let j = firstStartFrom(starts, Math.max(from, 1));
  // The rate after one start is the rate before the next: each is computed once.
  let before = rate(j);
  while (j < starts.length && starts[j] < to) {
    const step = starts[j];
    while (j < starts.length && starts[j] === step) j++;
    const after = rate(j);
    mark(step, kind, j, before, after);
    before = after;
  }
}

/**
 * markStarts for MultiStepLR, whose rate after j milestones is lr * gamma ** j: the power is
 * computed in the loop rather than through markStarts' rate callback, which piecewise schedules
 * pass too (V8 then calls it out of line, its result boxed).
 */
export function markPowerStarts(starts: readonly number[], lr: number, gamma: number, from: number, to: number, mark: Mark): void {
  let j = firstStartFrom(starts, Math.max(from, 1));
  let before = lr * gamma ** j;
  while (j < starts.length && starts[j] < to) {
    const step = starts[j];
    while (j < starts.length && starts[j] === step) j++;
    const after = lr * gamma ** j;
    mark(step, 'drop', j, before, after);
    before = after;
  }
}

/** The first index j of the non-decreasing `starts` with starts[j] >= lo (starts.length if none). */
function firstStartFrom(starts: readonly number[], lo: number): number {
  let j = 0, hi = starts.length;
  while (j < hi) {
    const mid = (j + hi) >> 1;
    if (starts[mid] < lo) j = mid + 1;
    else hi = mid;
  }
  return j;
}
