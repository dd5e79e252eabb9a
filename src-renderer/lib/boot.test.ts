// The runs list asked for at start (issue 15): once, with the token from the page's address, and
// its answer (or its error) handed to the first reader only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src-shared/api/errors';
import { prefetchRunsList, takePrefetchedRunsList } from './boot';

const session = new Map<string, string>();
let address = '';
const fetchMock = vi.fn();

beforeEach(() => {
  session.clear();
  address = 'http://127.0.0.1:6061/?token=secret#/runs';
  Object.assign(globalThis, {
    window: { get location() { return { href: address }; } },
    sessionStorage: { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => void session.set(k, v) },
    history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => void (address = `http://127.0.0.1:6061${url}`) },
    fetch: fetchMock,
  });
});
afterEach(() => {
  fetchMock.mockReset();
  takePrefetchedRunsList();
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('the runs list asked for at start', () => {
  it('is asked for once with the token, which leaves the address bar; the first reader gets it, later ones ask again', async () => {
    const runs = [{ id: 1, name: 'digits' }];
    fetchMock.mockResolvedValueOnce(json(200, runs));
    prefetchRunsList();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('./api/runs.list');
    expect(init.headers.Authorization).toBe('Bearer secret');
    expect(address).toBe('http://127.0.0.1:6061/#/runs');
    await expect(takePrefetchedRunsList()).resolves.toEqual(runs);
    expect(takePrefetchedRunsList()).toBeNull();
  });

  it('hands its error to the first reader as the API error the server sent', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { code: 'unauthorized', message: 'missing or wrong token: open the URL lrscope printed' }));
    prefetchRunsList();
    const list = takePrefetchedRunsList()!;
    await expect(list).rejects.toBeInstanceOf(ApiError);
    await expect(list).rejects.toThrow('missing or wrong token');
  });
});
