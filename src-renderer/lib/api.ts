// The renderer's one way to the Node side, typed by the contract: the Electron preload exposes
// `window.lrscope` (one function per method); browser mode calls `POST /api/<method>` with the
// per-launch token. The contract is imported for its types only: its zod schemas (the Node side
// checks every input) would otherwise be most of the page's first chunk (issue 15).
import type { Api, MethodName } from '../../src-shared/api/contract';
import type { ApiBridge } from '../../src-shared/api/shell';
import { browserToken, httpCall, ipcCall } from './transport';

export { authHeaders, browserToken } from './transport';

/**
 * An object whose property `name` is `call(name, input)` for any method name (every name has a
 * dot, "runs.list"); any other property is absent, so the object is never taken for a promise.
 */
function methods(call: (name: MethodName, input: unknown) => Promise<unknown>): Api {
  const made = new Map<string, (input: unknown) => Promise<unknown>>();
  return new Proxy({} as Api, {
    get(_, name) {
      if (typeof name !== 'string' || !name.includes('.')) return undefined;
      let fn = made.get(name);
      if (!fn) made.set(name, (fn = (input: unknown) => call(name as MethodName, input)));
      return fn;
    },
  });
}

function httpApi(signal?: AbortSignal): Api {
  return methods((name, input) => httpCall(name, input, signal));
}

function electronApi(bridge: ApiBridge): Api {
  return methods((name, input) => ipcCall(bridge, name, input));
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
