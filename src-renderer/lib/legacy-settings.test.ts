import { beforeEach, describe, expect, it } from 'vitest';
import { forgetLegacySettings, legacySettings } from './legacy-settings';

const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  },
});

describe('settings kept in the browser by older versions', () => {
  beforeEach(() => store.clear());
  it('are read per view, numbers and booleans only', () => {
    store.set('lrscope.view.run', '{"smoothing":0.9,"logLoss":true,"bad":"x","nan":null}');
    expect(legacySettings('run')).toEqual({ smoothing: 0.9, logLoss: true });
    expect(legacySettings('compare')).toEqual({});
  });
  it('the run list width belongs to the app view', () => {
    store.set('lrscope.runlist.width', '420');
    expect(legacySettings('app')).toEqual({ sidebarWidth: 420 });
    forgetLegacySettings('app');
    expect(legacySettings('app')).toEqual({});
  });
  it('a broken entry gives nothing', () => {
    store.set('lrscope.view.run', 'not json');
    expect(legacySettings('run')).toEqual({});
  });
});
