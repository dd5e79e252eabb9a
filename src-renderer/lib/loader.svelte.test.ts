import { describe, expect, it } from 'vitest';
import { Loader } from './loader.svelte';

/** A request the test answers by hand, with the signal the loader gave it. */
interface Pending<T> {
  input: string;
  signal: AbortSignal;
  resolve: (value: T) => void;
  reject: (err: Error) => void;
}

function manualFetcher<T>() {
  const pending: Pending<T>[] = [];
  const fetcher = (input: string, signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ input, signal, resolve, reject });
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  return { pending, fetcher };
}

describe('Loader', () => {
  it('shows the latest request’s answer even when an older one answers last', async () => {
    const { pending, fetcher } = manualFetcher<string>();
    const loader = new Loader(fetcher);
    const first = loader.load('run 1');
    const second = loader.load('run 2');
    pending[1]!.resolve('detail of run 2');
    expect(await second).toBe('detail of run 2');
    pending[0]!.resolve('detail of run 1'); // too late: superseded
    expect(await first).toBeUndefined();
    expect(loader.value).toBe('detail of run 2');
    expect(loader.loading).toBe(false);
    expect(loader.error).toBeNull();
  });

  it('aborts the request it supersedes, and an abort is not an error', async () => {
    const { pending, fetcher } = manualFetcher<string>();
    const loader = new Loader(fetcher);
    const first = loader.load('a');
    expect(pending[0]!.signal.aborted).toBe(false);
    const second = loader.load('b');
    expect(pending[0]!.signal.aborted).toBe(true);
    expect(pending[1]!.signal.aborted).toBe(false);
    expect(await first).toBeUndefined();
    expect(loader.error).toBeNull();
    expect(loader.loading).toBe(true); // the second is still on its way
    pending[1]!.resolve('B');
    await second;
    expect(loader.value).toBe('B');
    expect(loader.loading).toBe(false);
  });

  it('keeps the last value while the next loads, and clear() drops it', async () => {
    const { pending, fetcher } = manualFetcher<string>();
    const loader = new Loader(fetcher);
    const first = loader.load('a');
    pending[0]!.resolve('A');
    await first;
    void loader.load('b');
    expect(loader.value).toBe('A');
    expect(loader.loading).toBe(true);
    loader.clear();
    expect(pending[1]!.signal.aborted).toBe(true);
    expect(loader.value).toBeUndefined();
    expect(loader.loading).toBe(false);
  });

  it('shows an error, then retry() loads the same input again and clears it', async () => {
    const { pending, fetcher } = manualFetcher<string>();
    const loader = new Loader(fetcher);
    const failed = loader.load('runs');
    pending[0]!.reject(new TypeError('Failed to fetch'));
    expect(await failed).toBeUndefined();
    expect(loader.error).toBe('Failed to fetch');
    expect(loader.loading).toBe(false);

    const again = loader.retry();
    expect(pending[1]!.input).toBe('runs');
    expect(loader.loading).toBe(true);
    pending[1]!.resolve('3 runs');
    expect(await again).toBe('3 runs');
    expect(loader.error).toBeNull();
    expect(loader.value).toBe('3 runs');
  });

  it('an error of a superseded request is not shown', async () => {
    const { pending, fetcher } = manualFetcher<string>();
    const loader = new Loader(fetcher);
    const first = loader.load('a');
    const second = loader.load('b');
    pending[0]!.reject(new Error('server restarting')); // already rejected by the abort; either way dropped
    pending[1]!.resolve('B');
    await Promise.all([first, second]);
    expect(loader.error).toBeNull();
    expect(loader.value).toBe('B');
  });

  it('set() wins over a load in flight (a rename made while the run was being read)', async () => {
    const { pending, fetcher } = manualFetcher<string>();
    const loader = new Loader(fetcher);
    const load = loader.load('a');
    loader.set('renamed');
    pending[0]!.resolve('stale');
    await load;
    expect(loader.value).toBe('renamed');
    expect(loader.loading).toBe(false);
  });

  it('retry() with nothing loaded yet does nothing', async () => {
    const { pending, fetcher } = manualFetcher<string>();
    const loader = new Loader(fetcher);
    expect(await loader.retry()).toBeUndefined();
    expect(pending).toHaveLength(0);
  });
});
