// Settings that older lrscope versions kept in the browser's storage (per view, and the run list's
// width), read once so a user who upgrades keeps them; the settings store then writes them to the
// database and forgets these entries. Only numbers and booleans were ever kept there.
import type { SettingsView } from './settings-store.svelte';

const VIEW_KEY = (view: SettingsView) => `lrscope.view.${view}`;
const SIDEBAR_KEY = 'lrscope.runlist.width';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage denied
  }
}

/** The view's old settings, numbers and booleans only; {} when there are none or they are unreadable. */
export function legacySettings(view: SettingsView): Record<string, unknown> {
  const store = storage();
  if (!store) return {};
  const out: Record<string, unknown> = {};
  try {
    const saved: unknown = JSON.parse(store.getItem(VIEW_KEY(view)) ?? 'null');
    if (saved && typeof saved === 'object') {
      for (const [k, v] of Object.entries(saved)) if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[k] = v;
    }
  } catch {
    // not JSON: nothing to take
  }
  if (view === 'app') {
    const width = Number(store.getItem(SIDEBAR_KEY));
    if (width > 0) out.sidebarWidth = width;
  }
  return out;
}

export function forgetLegacySettings(view: SettingsView): void {
  const store = storage();
  store?.removeItem(VIEW_KEY(view));
  if (view === 'app') store?.removeItem(SIDEBAR_KEY);
}
