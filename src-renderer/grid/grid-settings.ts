// What the metric grid remembers: the tag filter, pinned charts, closed sections, chart size and
// smoothing. Plain data, so a view can keep it wherever it keeps its other settings.
import { DEFAULT_SMOOTHING } from '../../src-shared/series/smoothing';
import type { XAxis } from './x-axis';

export interface GridSettings {
  filter: string;
  pinned: string[];
  collapsed: string[];
  size: 'small' | 'large';
  smoothing: number;
  xAxis: XAxis;
}

export function defaultGridSettings(): GridSettings {
  return { filter: '', pinned: [], collapsed: [], size: 'small', smoothing: DEFAULT_SMOOTHING, xAxis: 'step' };
}

export const toggled = (list: readonly string[], item: string): string[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
