// The preload against a stand-in for Electron's modules: what the page gets is one function per
// contract method (each invoking only its own channel), and nothing like ipcRenderer itself.
import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../src-shared/api/contract';

const exposed = new Map<string, Record<string, unknown>>();
const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer: { invoke, on: vi.fn() },
  webUtils: { getPathForFile: () => '/picked/file.csv' },
}));

describe('the preload', () => {
  it('exposes one function per contract method, each invoking its own channel', async () => {
    await import('./preload');
    const api = exposed.get('lrscope')!;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await (api['runs.rename'] as (i: unknown) => Promise<unknown>)({ id: 1, name: 'x' });
    expect(invoke).toHaveBeenLastCalledWith('runs.rename', { id: 1, name: 'x' });
  });

  it('exposes no generic channel access, only the shell services', () => {
    expect(Object.keys(exposed.get('lrscopeShell')!).sort()).toEqual(['onLive', 'onOpenFiles', 'pathForFile']);
    expect([...exposed.keys()].sort()).toEqual(['lrscope', 'lrscopeShell']);
    for (const api of exposed.values()) expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });
});
