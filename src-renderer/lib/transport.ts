// The two transports' single calls, without the contract's method list (and so without zod): the
// start-up prefetch (lib/boot.ts) runs from a small first script, before the rest of the UI has
// loaded, and api.ts builds the whole client on the same functions.
import { ApiError, isApiErrorBody } from '../../src-shared/api/errors';
import type { MethodName } from '../../src-shared/api/contract';
import type { ApiBridge, ShellBridge } from '../../src-shared/api/shell';

// What the Electron preload puts there (src-main/electron/preload.ts); absent in browser mode.
declare global {
  interface Window {
    lrscope?: ApiBridge;
    lrscopeShell?: ShellBridge;
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

/** Browser mode: `POST /api/<method>` with the token; an error body becomes an ApiError. */
export async function httpCall(name: MethodName, input: unknown, signal?: AbortSignal): Promise<unknown> {
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
}

/** Electron: the preload's function for the method; IPC answers carry `{ ok, value | error }`. */
export async function ipcCall(bridge: ApiBridge, name: MethodName, input: unknown): Promise<unknown> {
  const result = await (bridge[name] as (i: unknown) => ReturnType<ApiBridge[MethodName]>)(input);
  if (result.ok) return result.value;
  throw isApiErrorBody(result.error) ? ApiError.fromBody(result.error) : new ApiError('internal', `${name} failed`);
}

/** One call through whichever transport this page has. */
export function call(name: MethodName, input: unknown): Promise<unknown> {
  return window.lrscope ? ipcCall(window.lrscope, name, input) : httpCall(name, input);
}
