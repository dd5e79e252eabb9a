import type { APIRequestContext } from '@playwright/test';
import type { Input, MethodName, Output } from '../src-shared/api/contract';
import type { ServerHandle } from './fixtures';

/** Calls the browser-mode API the way the page does (for test setup and checks, not the flows). */
export async function callApi<K extends MethodName>(request: APIRequestContext, server: ServerHandle, name: K, input: Input<K>): Promise<Output<K>> {
  const res = await request.post(`${server.origin}/api/${name}`, { headers: { Authorization: `Bearer ${server.token}` }, data: input });
  if (!res.ok()) throw new Error(`${name}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as Output<K>;
}
