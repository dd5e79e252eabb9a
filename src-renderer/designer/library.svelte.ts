// The schedule library as the designer shows it; refreshed after every change made here.
import type { ScheduleSummary } from '../../src-shared/api/types';
import { api } from '../lib/api';
import { readInto } from '../lib/read-into';

export const library = $state({ items: [] as ScheduleSummary[], loaded: false, error: null as string | null });

export function refreshLibrary(): Promise<void> {
  return readInto(library, async () => {
    library.items = await api['schedules.list']({});
  });
}
