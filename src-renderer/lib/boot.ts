// Start-up (issue 15: the UI usable within 1 s of start, with 1,000 runs): the runs list is asked
// for by the page's small first script, so the server reads it while the rest of the UI downloads
// and evaluates, instead of after (the list then arrives by the time there is a page to show it).
import type { RunSummary } from '../../src-shared/api/types';
import { browserToken, call } from './transport';

let early: Promise<RunSummary[]> | null = null;

export function prefetchRunsList(): void {
  if (!window.lrscope) browserToken(); // the token, before any call needs it
  early = call('runs.list', {}) as Promise<RunSummary[]>;
  early.catch(() => undefined); // its error is read, and shown, by the first refreshRuns
}

/** The list asked for at start, once; every later read asks the Node side again. */
export function takePrefetchedRunsList(): Promise<RunSummary[]> | null {
  const list = early;
  early = null;
  return list;
}
