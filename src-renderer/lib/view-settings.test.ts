import { beforeEach, describe, expect, it } from 'vitest';
import { loadSettings, saveSettings } from './view-settings';

const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
});

describe('view settings remembered across reloads (issue 9, item 10)', () => {
  beforeEach(() => store.clear());
  const defaults = { smoothing: 0.6, logLoss: false, ignoreOutliers: true };
  it('saved settings come back; each view has its own', () => {
    saveSettings('run', { smoothing: 0.999, logLoss: true, ignoreOutliers: false });
    expect(loadSettings('run', defaults)).toEqual({ smoothing: 0.999, logLoss: true, ignoreOutliers: false });
    expect(loadSettings('compare', defaults)).toEqual(defaults);
  });
  it('a stale or broken entry falls back to the defaults, field by field', () => {
    store.set('lrscope.view.run', '{"smoothing":"high","logLoss":true,"extra":1}');
    expect(loadSettings('run', defaults)).toEqual({ smoothing: 0.6, logLoss: true, ignoreOutliers: true });
    store.set('lrscope.view.run', 'not json');
    expect(loadSettings('run', defaults)).toEqual(defaults);
  });
});
