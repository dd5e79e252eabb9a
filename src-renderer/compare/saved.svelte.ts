// The saved comparisons, listed beside every comparison and refreshed after a save or delete.
import type { ComparisonSummary } from '../../src-shared/api/types';
import { api, errorMessage } from '../lib/api';
import { notify } from '../lib/toast.svelte';

export const savedState = $state({ list: [] as ComparisonSummary[], loaded: false });

export async function refreshSaved(): Promise<void> {
  try {
    savedState.list = await api['comparisons.list']({});
  } catch (err) {
    notify(errorMessage(err), 'error');
  } finally {
    savedState.loaded = true;
  }
}
