// The metric grid's settings per view (the run view, compare), kept in the database
// (settings.get / settings.save), so a filter, a pin or an axis survives opening another run, a
// restart, and is the same in the Electron window and in browser mode.
import { api } from '../lib/api';
import { defaultGridSettings, readGridSettings, type GridSettings } from './grid-settings';

export type GridView = 'run' | 'compare';

export const gridSettings = $state<Record<GridView, GridSettings>>({ run: defaultGridSettings(), compare: defaultGridSettings() });

/** Everything else the view keeps (so saving the grid never drops another part's settings). */
const stored: Record<GridView, Record<string, unknown>> = { run: {}, compare: {} };
/** Plain flags, not state: nothing on screen depends on them. */
const requested: Partial<Record<GridView, boolean>> = {};
const changed: Partial<Record<GridView, boolean>> = {};
const timers: Partial<Record<GridView, ReturnType<typeof setTimeout>>> = {};

/** Reads the view's saved settings once per page; a change made meanwhile wins over them. Resolves once they are in. */
export function loadGridSettings(view: GridView): Promise<void> {
  if (requested[view]) return Promise.resolve();
  requested[view] = true;
  return api['settings.get']({ view }).then(
    ({ settings }) => {
      stored[view] = settings;
      if (!changed[view]) gridSettings[view] = readGridSettings(settings.grid);
    },
    () => void (requested[view] = false), // unreadable now: defaults, and another try next time
  );
}

export function setGridSettings(view: GridView, settings: GridSettings): void {
  changed[view] = true;
  gridSettings[view] = settings;
  // Saved a moment after the last change: a slider drag writes once, not sixty times.
  clearTimeout(timers[view]);
  timers[view] = setTimeout(() => {
    stored[view] = { ...stored[view], grid: $state.snapshot(gridSettings[view]) };
    void api['settings.save']({ view, settings: stored[view] }).catch(() => undefined);
  }, 300);
}
