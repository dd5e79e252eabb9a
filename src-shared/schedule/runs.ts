// Runs: stretches of steps over which something is constant (a stair, a restart period, a
// polynomial cycle). Found with the schedule's own index function, so the run boundaries are
// exactly where the float32 arithmetic puts them, and then handled once per run.
import { firstStepAtLeast } from './f32';
import type { Mark, EventKind } from './curve';

/** Index of the run a step is in; never decreases with the step. */
export type RunIndex = (s: number) => number;

/**
 * Calls run(i, start, end) for each run intersecting [from, to): steps start <= s < end have index i.
 * guess(i) is the exact-arithmetic first step of run i.
 */
export function forEachRun(index: RunIndex, guess: (i: number) => number, from: number, to: number, run: (i: number, start: number, end: number) => void): void {
  let s = from;
  while (s < to) {
    const i = index(s);
    const end = Number.isFinite(i) ? firstStepAtLeast(index, i + 1, guess(i + 1), s + 1, to - 1) : to;
    run(i, s, end);
    s = end;
  }
}

/** The rate at step s, which is in run i: must equal the curve's at(s) bit for bit. */
export type RunRate = (i: number, s: number) => number;

/**
 * Marks the first step of every run that starts in [max(from, 1), to), numbered index(step) - first,
 * with rate(index(step - 1), step - 1) before and rate(index(step), step) after.
 */
export function markRuns(index: RunIndex, guess: (i: number) => number, rate: RunRate, kind: EventKind, first: number, from: number, to: number, mark: Mark): void {
  if (to <= Math.max(from, 1)) return;
  let s = Math.max(from, 1);
  let i = index(s - 1);
  while (s < to && Number.isFinite(i)) {
    // Mostly the guess is the step, and two index evaluations confirm it (g - 1 >= s is still
    // in run i, g is past it); otherwise search. Events pay this per event.
    const g = Math.round(guess(i + 1));
    let next = g, after = g > s && g < to && index(g - 1) === i ? index(g) : NaN;
    if (!(after > i)) {
      next = firstStepAtLeast(index, i + 1, guess(i + 1), s, to - 1);
      if (next >= to) return;
      after = index(next);
    }
    // next - 1 is still in run i: next is the first step past it.
    mark(next, kind, after - first, rate(i, next - 1), rate(after, next));
    i = after;
    s = next + 1;
  }
}

/**
 * markRuns for an index that counts the entries of the non-decreasing `starts` that are <= s
 * (piecewise boundaries + 1, MultiStepLR milestones): walks the list instead of searching, and
 * marks each distinct start once, numbered by the count it reaches.
 */
export function markStarts(starts: readonly number[], rate: (i: number) => number, kind: EventKind, from: number, to: number, mark: Mark): void {
  const lo = Math.max(from, 1);
  let j = 0, hi = starts.length; // j = the first entry >= lo
  while (j < hi) {
    const mid = (j + hi) >> 1;
    if (starts[mid] < lo) j = mid + 1;
    else hi = mid;
  }
  while (j < starts.length && starts[j] < to) {
    const step = starts[j], before = j;
    while (j < starts.length && starts[j] === step) j++;
    mark(step, kind, j, rate(before), rate(j));
  }
}
