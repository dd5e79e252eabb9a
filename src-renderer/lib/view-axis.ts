// One x axis per view (the run view's charts and its metric grid; compare's grid), remembered
// with the view's settings in the database.
import { setViewSetting, viewSetting, type SettingsView } from './settings-store.svelte';
import { isXAxis, type XAxis } from '../charts/x-axis';

/** Reactive: read it in a $derived. Earlier versions kept the axis with the grid's settings. */
export function viewAxis(view: SettingsView): XAxis {
  const own = viewSetting(view, 'xAxis');
  if (isXAxis(own)) return own;
  const grid = viewSetting(view, 'grid') as { xAxis?: unknown } | undefined;
  return isXAxis(grid?.xAxis) ? grid.xAxis : 'step';
}

export function setViewAxis(view: SettingsView, axis: XAxis): void {
  setViewSetting(view, 'xAxis', axis);
}
