// The runs list as the UI sees it, kept in one place so every view shows the same list.
import type { RunSummary } from '../../src-shared/api/types';
import { api } from './api';
import { readInto } from './read-into';

export const runsState = $state({
  runs: [] as RunSummary[],
  loaded: false,
  error: null as string | null,
});

export function refreshRuns(): Promise<void> {
  return readInto(runsState, async () => {
    runsState.runs = await api['runs.list']({});
  });
}
