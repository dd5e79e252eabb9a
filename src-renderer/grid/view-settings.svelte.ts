// The metric grid's settings per view (the run view, compare), shared by every run of the view so
// a filter or a pin survives opening another run.
import { defaultGridSettings, type GridSettings } from './grid-settings';

export type GridView = 'run' | 'compare';

export const gridSettings = $state<Record<GridView, GridSettings>>({ run: defaultGridSettings(), compare: defaultGridSettings() });

export function setGridSettings(view: GridView, settings: GridSettings): void {
  gridSettings[view] = settings;
}
