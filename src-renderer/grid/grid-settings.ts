// What the metric grid remembers: the tag filter, pinned charts, closed sections, chart size and
// smoothing (the x axis is the view's: lib/view-axis.ts). Plain data, so a view can keep it wherever it keeps its other settings.
import { DEFAULT_SMOOTHING } from '../../src-shared/series/smoothing';

export interface GridSettings {
  filter: string;
  pinned: string[];
  collapsed: string[];
  size: 'small' | 'large';
  smoothing: number;
}

export function defaultGridSettings(): GridSettings {
  return { filter: '', pinned: [], collapsed: [], size: 'small', smoothing: DEFAULT_SMOOTHING };
}

export const toggled = (list: readonly string[], item: string): string[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

/** Saved settings as the grid can use them: each field checked, anything odd back to its default. */
export function readGridSettings(raw: unknown): GridSettings {
  const d = defaultGridSettings();
  if (raw === null || typeof raw !== 'object') return d;
  const r = raw as Record<string, unknown>;
  return {
    filter: typeof r.filter === 'string' ? r.filter : d.filter,
    pinned: strings(r.pinned) ?? d.pinned,
    collapsed: strings(r.collapsed) ?? d.collapsed,
    size: r.size === 'large' ? 'large' : 'small',
    smoothing: typeof r.smoothing === 'number' && r.smoothing >= 0 && r.smoothing <= 0.99 ? r.smoothing : d.smoothing,
  };
}
