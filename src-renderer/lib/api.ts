// The renderer's one way to the Node side. Both transports are derived from the contract's
// method list: the Electron preload exposes `window.lrscope` (one function per method);
// browser mode calls `POST /api/<method>` with the per-launch token.
import { methodNames, type Api, type MethodName } from '../../src-shared/api/contract';
import type { ApiBridge } from '../../src-shared/api/shell';
import { browserToken, httpCall, ipcCall } from './transport';

export { authHeaders, browserToken } from './transport';

function httpApi(signal?: AbortSignal): Api {
  return Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => httpCall(name, input, signal)])) as Api;
}

function electronApi(bridge: ApiBridge): Api {
  const wrap = (name: MethodName) => (input: unknown) => ipcCall(bridge, name, input);
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
