import { describe, expect, it, vi } from 'vitest';

// lib/api.ts (for its errorMessage) finds its transport on load: a browser page without a token.
vi.hoisted(() => {
  vi.stubGlobal('window', { location: { href: 'http://127.0.0.1/' } });
  vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => undefined });
});
const { readInto } = await import('./read-into');

describe('reading a shared list again', () => {
  it('keeps a failure beside the list, marks it loaded, and clears the failure on the next success', async () => {
    const list = { items: [] as number[], loaded: false, error: null as string | null };
    await readInto(list, () => Promise.reject(new Error('the server went away')));
    expect(list).toEqual({ items: [], loaded: true, error: 'the server went away' });
    await readInto(list, async () => {
      list.items = [1, 2];
    });
    expect(list).toEqual({ items: [1, 2], loaded: true, error: null });
  });

  it('leaves a list without `loaded` without one', async () => {
    const list: { error: string | null; loaded?: boolean } = { error: null };
    await readInto(list, () => Promise.reject(new Error('no')));
    expect(list).toEqual({ error: 'no' });
  });
});
