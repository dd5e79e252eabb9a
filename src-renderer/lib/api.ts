// The renderer's one way to the Node side. Both transports are derived from the contract's
// method list: the Electron preload exposes `window.lrscope` (one function per method);
// browser mode calls `POST /api/<method>` with the per-launch token.
import { methodNames, type Api, type MethodName } from '../../src-shared/api/contract';
import { ApiError, isApiErrorBody } from '../../src-shared/api/errors';

declare global {
  interface Window {
    lrscope?: Api;
  }
}

const TOKEN_KEY = 'lrscope.token';

/** Takes the token from `?token=` once, keeps it for the tab, and strips it from the address bar. */
export function browserToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function authHeaders(): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function httpApi(signal?: AbortSignal): Api {
  const call = async (name: MethodName, input: unknown): Promise<unknown> => {
    const res = await fetch(`./api/${name}`, {
      method: 'POST',
      signal,
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(input ?? {}),
    });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      throw isApiErrorBody(body) ? ApiError.fromBody(body) : new ApiError('internal', `${name}: HTTP ${res.status}`);
    }
    return body;
  };
  return Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => call(name, input)])) as Api;
}

/** IPC rejections arrive as Errors whose message carries the serialized ApiError body. */
function electronApi(bridge: Api): Api {
  const wrap = (name: MethodName) => async (input: unknown) => {
    const result = (await (bridge[name] as (i: unknown) => Promise<unknown>)(input)) as
      | { ok: true; value: unknown }
      | { ok: false; error: unknown };
    if (result.ok) return result.value;
    throw isApiErrorBody(result.error) ? ApiError.fromBody(result.error) : new ApiError('internal', `${name} failed`);
  };
  return Object.fromEntries(methodNames.map((name) => [name, wrap(name)])) as Api;
}

export const shell: 'electron' | 'browser' = window.lrscope ? 'electron' : 'browser';
if (shell === 'browser') browserToken();
export const api: Api = window.lrscope ? electronApi(window.lrscope) : httpApi();

export { errorMessage } from './errors';

/**
 * The API with each call cancellable through `signal` (a superseded load, lib/loader.svelte.ts):
 * browser mode aborts the HTTP request; an IPC call cannot be cancelled, so Electron's answers
 * are only dropped by the loader.
 */
export function apiWith(signal: AbortSignal): Api {
  return window.lrscope ? api : httpApi(signal);
}
