// The runs list as the UI sees it, kept in one place so every view shows the same list.
import type { RunSummary } from '../../src-shared/api/types';
import { api, errorMessage } from './api';
import { takePrefetchedRunsList } from './boot';

export const runsState = $state({
  runs: [] as RunSummary[],
  loaded: false,
  error: null as string | null,
});

export async function refreshRuns(): Promise<void> {
  try {
    runsState.runs = await (takePrefetchedRunsList() ?? api['runs.list']({}));
    runsState.error = null;
  } catch (err) {
    runsState.error = errorMessage(err);
  } finally {
    runsState.loaded = true;
  }
}
