// What each view remembers (smoothing, axes, log scales, visible metrics, the grid's filter and
// pins, the sidebar width, the theme), kept in the database through settings.get / settings.save:
// one JSON object per view, so the settings survive a restart and are the same in the Electron
// window and in browser mode. This module is the one owner of those objects: every part of a view
// reads and writes its keys here, so saving one part never drops another part's keys.
import { api } from './api';
import { legacySettings, forgetLegacySettings } from './legacy-settings';

export type SettingsView = 'app' | 'run' | 'compare' | 'designer';
const VIEWS: readonly SettingsView[] = ['app', 'run', 'compare', 'designer'];

const values = $state<Record<SettingsView, Record<string, unknown>>>({ app: {}, run: {}, compare: {}, designer: {} });
/** Keys changed on this page before the saved ones came back: they win over the saved ones. */
const changed: Record<SettingsView, Set<string>> = { app: new Set(), run: new Set(), compare: new Set(), designer: new Set() };
const loading: Partial<Record<SettingsView, Promise<boolean>>> = {};
/** A save is running / another is wanted after it: one request at a time per view, the latest state last. */
const saving: Partial<Record<SettingsView, boolean>> = {};
const dirty: Partial<Record<SettingsView, boolean>> = {};

/** Reads a view's saved settings once per page (again after a failed read). True when they were read. */
export function loadViewSettings(view: SettingsView): Promise<boolean> {
  loading[view] ??= api['settings.get']({ view }).then(
    ({ settings }) => {
      // Settings kept in the browser's storage before they moved to the database are taken once.
      const legacy = legacySettings(view);
      const merged: Record<string, unknown> = { ...legacy, ...settings };
      for (const key of changed[view]) merged[key] = values[view][key];
      values[view] = merged;
      // Forgotten once the database has them (a reload during the first save finds them there).
      if (Object.keys(legacy).some((k) => !(k in settings))) void saveNow(view).then(() => forgetLegacySettings(view));
      else if (Object.keys(legacy).length) forgetLegacySettings(view);
      return true;
    },
    () => {
      delete loading[view]; // unreadable now: defaults, and another try on the next save
      return false;
    },
  );
  return loading[view];
}

export function loadAllViewSettings(): void {
  for (const view of VIEWS) void loadViewSettings(view);
}

/** The view's stored value of `key` (reactive: read it in a $derived or the markup). */
export function viewSetting(view: SettingsView, key: string): unknown {
  return values[view][key];
}

/** Remembers `value` for the view and writes it to the database at once (a reload right after keeps it). */
export function setViewSetting(view: SettingsView, key: string, value: unknown): void {
  if (JSON.stringify(value) === JSON.stringify(values[view][key])) return; // nothing new to write
  changed[view].add(key);
  values[view][key] = value;
  dirty[view] = true;
  if (!saving[view]) void drain(view);
}

/** A slider drag writes a few times, not sixty: changes made while a save runs go in the next one. */
async function drain(view: SettingsView): Promise<void> {
  saving[view] = true;
  while (dirty[view]) {
    dirty[view] = false;
    await saveNow(view);
  }
  saving[view] = false;
}

async function saveNow(view: SettingsView): Promise<void> {
  // Never write before the saved object was read: that would drop the keys this page has not seen.
  if (!(await loadViewSettings(view))) return;
  await api['settings.save']({ view, settings: $state.snapshot(values[view]) }).catch(() => undefined);
}

/** A number, boolean or string setting of the default's type, else the default. */
export function settingOr<T extends number | boolean | string>(view: SettingsView, key: string, fallback: T, valid: (v: T) => boolean = () => true): T {
  const v = viewSetting(view, key);
  if (typeof v !== typeof fallback) return fallback;
  if (typeof v === 'number' && !Number.isFinite(v)) return fallback;
  return valid(v as T) ? (v as T) : fallback;
}

/** A list of names, else the default. */
export function namesOr(view: SettingsView, key: string, fallback: string[] | null): string[] | null {
  const v = viewSetting(view, key);
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fallback;
}
