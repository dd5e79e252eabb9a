// The metric grid's settings per view (the run view, compare), kept with the view's other
// settings in the database (lib/settings-store), so a filter or a pin survives opening another
// run, a restart, and is the same in the Electron window and in browser mode.
import { setViewSetting, viewSetting } from '../lib/settings-store.svelte';
import { readGridSettings, type GridSettings } from './grid-settings';

export type GridView = 'run' | 'compare';

/** Reactive: read it in a $derived. */
export function gridSettingsOf(view: GridView): GridSettings {
  return readGridSettings(viewSetting(view, 'grid'));
}

export function setGridSettings(view: GridView, settings: GridSettings): void {
  setViewSetting(view, 'grid', settings);
}
