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

/** Marks the first step of every run that starts in [max(from, 1), to), numbered index(step) - first. */
export function markRuns(index: RunIndex, guess: (i: number) => number, kind: EventKind, first: number, from: number, to: number, mark: Mark): void {
  if (to <= Math.max(from, 1)) return;
  let s = Math.max(from, 1);
  let i = index(s - 1);
  while (s < to && Number.isFinite(i)) {
    const next = firstStepAtLeast(index, i + 1, guess(i + 1), s, to - 1);
    if (next >= to) return;
    i = index(next);
    mark(next, kind, i - first);
    s = next + 1;
  }
}
