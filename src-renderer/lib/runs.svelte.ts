// The runs list as the UI sees it, kept in one place so every view shows the same list. Read
// through the one loader (the latest read wins); a failed read is shown with a Retry, and is read
// again on its own when the server is back (live.svelte.ts, on the event stream's reconnect).
import type { RunSummary } from '../../src-shared/api/types';
import { apiWith } from './api';
import { Loader } from './loader.svelte';
import { takePrefetchedRunsList } from './boot';

// The first read takes the list the page's first script asked for at start (lib/boot.ts).
const list = new Loader((_: void, signal) => takePrefetchedRunsList() ?? apiWith(signal)['runs.list']({}));

export const runsState = {
  /** The last list read (kept while a newer read runs or after one fails). */
  get runs(): RunSummary[] {
    return list.value ?? [];
  },
  /** The list was read at least once: an empty list means no runs, not "not read yet". */
  get loaded(): boolean {
    return list.value !== undefined;
  },
  /** Why the latest read failed; null once one succeeds. */
  get error(): string | null {
    return list.error;
  },
  get loading(): boolean {
    return list.loading;
  },
};

type RunsListener = (runs: readonly RunSummary[]) => void;
/** Plain callbacks, not reactive state: what follows each new list (the compare ticks dropping deleted runs). */
let readListeners: RunsListener[] = [];

/** Calls `listener` with every list read (at once with the last one, if read); returns the unsubscribe. */
export function onRunsRead(listener: RunsListener): () => void {
  readListeners = [...readListeners, listener];
  if (list.value) listener(list.value);
  return () => (readListeners = readListeners.filter((l) => l !== listener));
}

export async function refreshRuns(): Promise<void> {
  const runs = await list.load();
  if (runs) for (const listener of readListeners) listener(runs);
}

