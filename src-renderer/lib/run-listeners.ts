// Who wants to know when a followed run gains points (the open run view, a comparison). Plain
// callbacks, not reactive state: a listener re-reads what it shows.
type RunListener = () => void;
const runListeners = new Map<number, Set<RunListener>>();

/** Calls `listener` whenever run `runId` gains points; returns the unsubscribe function. */
export function onRunChanged(runId: number, listener: RunListener): () => void {
  let set = runListeners.get(runId);
  if (!set) runListeners.set(runId, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function runChanged(runId: number): void {
  for (const listener of runListeners.get(runId) ?? []) listener();
}
