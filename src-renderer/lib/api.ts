// The renderer's one way to the Node side. Both transports are derived from the contract's
// method list: the Electron preload exposes `window.lrscope` (one function per method);
// browser mode calls `POST /api/<method>` with the per-launch token.
import { methodNames, type Api, type MethodName } from '../../src-shared/api/contract';
import { browserToken, httpCall, ipcCall } from './transport';

export { authHeaders, browserToken } from './transport';

function httpApi(): Api {
  return Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => httpCall(name, input)])) as Api;
}

function electronApi(bridge: Api): Api {
  const wrap = (name: MethodName) => (input: unknown) => ipcCall(bridge, name, input);
  return Object.fromEntries(methodNames.map((name) => [name, wrap(name)])) as Api;
}

export const shell: 'electron' | 'browser' = window.lrscope ? 'electron' : 'browser';
if (shell === 'browser') browserToken();
export const api: Api = window.lrscope ? electronApi(window.lrscope) : httpApi();

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
