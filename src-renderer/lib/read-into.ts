// How the app's shared lists (runs, the schedule library, watched folders) are read again: a
// failure stays beside the list for its views to show, the next success clears it, and `loaded`
// (where the list has one) turns true once the first answer, good or bad, is in.
import { errorMessage } from './api';

export async function readInto(list: { error: string | null; loaded?: boolean }, read: () => Promise<void>): Promise<void> {
  try {
    await read();
    list.error = null;
  } catch (err) {
    list.error = errorMessage(err);
  } finally {
    if ('loaded' in list) list.loaded = true;
  }
}
