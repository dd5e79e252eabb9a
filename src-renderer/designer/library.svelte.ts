// The schedule library as the designer shows it; refreshed after every change made here.
import type { ScheduleSummary } from '../../src-shared/api/types';
import { api, errorMessage } from '../lib/api';

export const library = $state({ items: [] as ScheduleSummary[], loaded: false, error: null as string | null });

export async function refreshLibrary(): Promise<void> {
  try {
    library.items = await api['schedules.list']({});
    library.error = null;
  } catch (err) {
    library.error = errorMessage(err);
  } finally {
    library.loaded = true;
  }
}
