// A view's display settings (smoothing, log axes, outliers), remembered across reloads in
// localStorage, one entry per view. Only values of the default's type are taken back: a stale or
// hand-edited entry falls back to the defaults instead of breaking the view.

const PREFIX = 'lrscope.view.';

export function loadSettings<T extends Record<string, number | boolean>>(view: string, defaults: T): T {
  let saved: unknown;
  try {
    saved = JSON.parse(localStorage.getItem(PREFIX + view) ?? 'null');
  } catch {
    saved = null; // not JSON: the defaults
  }
  if (!saved || typeof saved !== 'object') return { ...defaults };
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const v = (saved as Record<string, unknown>)[key as string];
    if (typeof v === typeof defaults[key] && (typeof v !== 'number' || Number.isFinite(v))) out[key] = v as T[keyof T];
  }
  return out;
}

export function saveSettings(view: string, settings: Record<string, number | boolean>): void {
  try {
    localStorage.setItem(PREFIX + view, JSON.stringify(settings));
  } catch {
    // Storage full or denied: the settings last for this page only.
  }
}
